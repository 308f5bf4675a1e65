/**
 * Places one jaw's teeth along its dental arch (arrange-teeth.ts explains how), from their meshes or from their
 * dimensions alone.
 *
 * - {@link placeTeeth}: crowns given as meshes; returns each crown moved into the arch frame. Mirrored
 *   transforms (quadrants 2 and 4) reverse the triangle winding, so every placed mesh stays counter-clockwise
 *   from outside.
 * - {@link placeTeethFromDimensions}: only ToothDimensions; returns the transforms, no geometry. A caller can
 *   place every tooth of a chart and then build meshes for the few it needs (e.g. the posterior teeth of a
 *   bitewing) and move them with `transform`.
 */
import type { Rng } from "../../../core/rng.js";
import type { Arch, Fdi } from "../../patient/types.js";
import type { TriMesh } from "../geometry/tri-mesh.js";
import type { ToothDimensions } from "../tooth/sample-tooth-dimensions.js";
import { arrangeTeeth, facialInclinationOfPoints, type ArchLayout, type PlaceTeethOptions, type ToothPose } from "./arrange-teeth.js";
import { crownProxy, proxyFacialInclination } from "./crown-proxy.js";
import { transformMesh } from "./mat4.js";
import { proximalGap } from "./proximal-gap.js";

export { sideOfQuadrant, type ArchLayout, type PlaceTeethOptions, type ToothPose, type ToothSpace } from "./arrange-teeth.js";

/** One present tooth to place, as a mesh. */
export interface CrownInput {
  fdi: Fdi;
  /** Closed crown (or whole-tooth) mesh in the tooth frame. */
  crown: TriMesh;
  /**
   * Mesiodistal width: the chord between the contact points. Default: the crown's extent along its mesiodistal
   * axis after angulation and inclination, so neighbours touch whatever the mesh.
   */
  width?: number;
}

/** One present tooth to place, by its dimensions (e.g. `renderTooth(...).dimensions`, or sampleToothDimensions). */
export interface ToothSizeInput {
  fdi: Fdi;
  dimensions: ToothDimensions;
  /** As {@link CrownInput.width}. */
  width?: number;
}

/** A tooth in the arch, with its crown moved into the arch frame. */
export interface PlacedTooth extends ToothPose {
  /** The crown in the arch frame. */
  mesh: TriMesh;
}

/** One jaw's placement with meshes. */
export interface ArchPlacement extends Omit<ArchLayout, "teeth"> {
  /** Placed teeth, in FDI order (upper 11-18, 21-28; lower 31-38, 41-48). */
  teeth: PlacedTooth[];
}

/**
 * Places the given crowns of one jaw. Pure in its inputs: the same crowns, Rng state and options give the same
 * bytes. The Rng is forked per concern ("arch", "spee", "spaces", "tooth-<fdi>"). Cost: a few ms for 14 crowns
 * of 6k vertices, most of it moving the meshes.
 *
 * @example
 * const placement = placeTeeth("lower", crowns, rng.fork("arch-lower"));
 * placement.teeth[0].transform; // 4×4, column-major
 */
export function placeTeeth(jaw: Arch, crowns: readonly CrownInput[], rng: Rng, options: PlaceTeethOptions = {}): ArchPlacement {
  const byFdi = new Map(crowns.map((c) => [c.fdi, c.crown]));
  const marginHeight = options.marginHeight ?? 0.7;
  const { layout } = arrangeTeeth(
    jaw,
    crowns.map((c) => ({
      fdi: c.fdi,
      points: c.crown.positions,
      facialInclination: facialInclination(c.crown, marginHeight),
      ...(c.width === undefined ? {} : { width: c.width }),
    })),
    rng,
    options,
  );
  return { ...layout, teeth: layout.teeth.map((t) => ({ ...t, mesh: transformMesh(byFdi.get(t.fdi)!, t.transform) })) };
}

/**
 * Places one jaw's teeth from their dimensions alone (crown-proxy.ts samples each outline), about 2 ms for 14
 * teeth. With the dimensions a tooth's mesh is rendered from, the mesh moved by `transform` touches its
 * neighbours as a placement of the meshes would (within the tolerance the tests state).
 *
 * @example
 * const layout = placeTeethFromDimensions("lower", teeth.map((t) => ({ fdi: t.fdi, dimensions: t.dimensions })), rng);
 */
export function placeTeethFromDimensions(jaw: Arch, teeth: readonly ToothSizeInput[], rng: Rng, options: PlaceTeethOptions = {}): ArchLayout {
  const marginHeight = options.marginHeight ?? 0.7;
  return arrangeTeeth(
    jaw,
    teeth.map((t) => ({
      fdi: t.fdi,
      points: crownProxy(t.fdi, t.dimensions),
      facialInclination: proxyFacialInclination(t.fdi, t.dimensions, marginHeight),
      ...(t.width === undefined ? {} : { width: t.width }),
    })),
    rng,
    options,
  ).layout;
}

/**
 * Signed clearance between two crowns along `dir` (from a toward b): over a 0.35 mm grid of the plane normal
 * to `dir`, the smallest (min of b) − (max of a) among cells both crowns' vertices fall in. Negative = overlap.
 * Null when their silhouettes share no cell. (Kept for callers; placement uses proximal-gap.ts on bands.)
 */
export function gapAlong(a: TriMesh, b: TriMesh, dir: readonly number[], side: readonly number[]): number | null {
  return proximalGap(a.positions, b.positions, dir, side);
}

/**
 * Inclination of the crown's own facial tangent at mid clinical crown, degrees (positive = incisal part
 * labial): the least-squares slope dy/dz of the vertices near x = 0 within ±20 % of the clinical crown around
 * its middle, taken only from triangles that face buccally (normal's y share above 0.7). The occlusal surface
 * also has vertices near x = 0 at those heights; counted, they dragged a molar's reading to −66° (and tipped it
 * 57° buccally). Falls back to facialInclinationOfPoints when no triangle faces buccally there.
 */
export function facialInclination(crown: TriMesh, marginHeight: number): number {
  const p = crown.positions;
  const idx = crown.indices;
  let top = -Infinity;
  let halfMd = 0;
  for (let i = 0; i < p.length; i += 3) {
    top = Math.max(top, p[i + 2] as number);
    halfMd = Math.max(halfMd, Math.abs(p[i] as number));
  }
  const mid = (marginHeight + top) / 2;
  const band = 0.2 * (top - marginHeight);
  const facing = new Uint8Array(p.length / 3);
  for (let t = 0; t < idx.length; t += 3) {
    const a = 3 * (idx[t] as number), b = 3 * (idx[t + 1] as number), c = 3 * (idx[t + 2] as number);
    const ux = (p[b] as number) - (p[a] as number), uy = (p[b + 1] as number) - (p[a + 1] as number), uz = (p[b + 2] as number) - (p[a + 2] as number);
    const vx = (p[c] as number) - (p[a] as number), vy = (p[c + 1] as number) - (p[a + 1] as number), vz = (p[c + 2] as number) - (p[a + 2] as number);
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    if (ny > 0.7 * Math.hypot(nx, ny, nz)) for (const v of [a, b, c]) facing[v / 3] = 1;
  }
  let n = 0, sz = 0, sy = 0, szz = 0, szy = 0;
  for (let v = 0; v < facing.length; v++) {
    const x = p[3 * v] as number, y = p[3 * v + 1] as number, z = p[3 * v + 2] as number;
    if (!facing[v] || y <= 0 || Math.abs(x) > 0.3 * halfMd || Math.abs(z - mid) > band) continue;
    n++;
    sz += z;
    sy += y;
    szz += z * z;
    szy += z * y;
  }
  const det = n * szz - sz * sz;
  if (n < 2 || det < 1e-9) return facialInclinationOfPoints(p, marginHeight);
  return Math.atan((n * szy - sz * sy) / det) / (Math.PI / 180);
}
