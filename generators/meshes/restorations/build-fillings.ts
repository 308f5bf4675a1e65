/**
 * Direct fillings of a tooth, on its filled surfaces: an occlusal box (class I) joined to proximal boxes on the
 * filled proximal surfaces (class II), proximal boxes on their own when O is not filled (slot or class III
 * preparations), and cervical boxes on B and L (class V). Outlines come from surface-sites.ts.
 *
 * A filling replaces the enamel of its outline (host enamel: a layer from just under the outer surface to just
 * above the DEJ) and, below it, the dentin its preparation reached (host dentin: a layer from just inside the
 * DEJ toward the pulp). Caries-driven preparations reach into the dentin [T], so every filling has both parts;
 * how far, 0.3–1.0 mm [U], is drawn per filling.
 */
import type { Rng } from "../../../core/rng.js";
import { isPosterior } from "../../patient/dentition.js";
import type { Surface, ToothState } from "../../patient/types.js";
import type { TriMesh } from "../geometry/tri-mesh.js";
import type { MaterialVolume } from "../materials.js";
import { closestPointOnSurface } from "../lesions/closest-point.js";
import { DistanceField } from "../lesions/distance-field.js";
import { innerPointsOf, matchShell } from "../lesions/enamel-shell.js";
import { capPatch, joinPatches, windowPatch, type GridPatch, type GridWindow } from "../lesions/grid-patch.js";
import { inscribedBall } from "../lesions/inscribed-ball.js";
import { inwardNormal } from "../lesions/inward-normal.js";
import { buildChecked, ShellGuard } from "../lesions/shell-guard.js";
import { ToothSites } from "../lesions/surface-sites.js";
import { add, lerp, scale, vertexOf } from "../lesions/vec3.js";
import type { ToothMeshes } from "../tooth/render-tooth.js";
import { drawFillingMaterial } from "./restoration-materials.js";
import { dentinLayer, enamelLayer } from "./shell-layers.js";

/** Preparation depth below the DEJ, mm, uniform [U]: textbook preparations go 0.2–0.5 mm past the DEJ, caries
 * removal often further. */
export const FILLING_DENTIN_DEPTH: readonly [number, number] = [0.3, 1.0];
/** Clearances from the outer surface and the DEJ (fractions of the enamel) and inside the DEJ (mm) [A]. */
const OUTER_CLEARANCE = 0.03;
const DEJ_CLEARANCE = 0.06;
const DENTIN_OFFSET = 0.03;
/** Least distance kept from the outer surface and the DEJ where the shell is thin, mm [A]. */
const CLEARANCE = 0.03;
/** A preparation goes at most this fraction of the way from the DEJ to the pulp [A]. */
const MOST_OF_DENTIN = 0.4;
/** The second focus of a dentin box, in dentin thicknesses from the patch (see dentinBox) [A: 2 and 4 gave the
 * same 9 of 264 failures, 1 gave 22, and the two sets hardly overlap, so each is tried]. */
const FOCUS_REACH = 2;

/** One filling: its outline on the outer surface (enamel part), and the outlines of its dentin boxes. */
export interface FillingOutline {
  /** Its surfaces, e.g. "MOD". */
  name: string;
  enamel: GridPatch;
  /** One box per part of the outline (occlusal, each proximal box): each goes toward the pulp on its own axis,
   * at least a ring apart from the next so they stay disjoint. */
  dentin: GridPatch[];
}

/** The outlines of a tooth's fillings: one per connected filling. */
export function fillingOutlines(sites: ToothSites, surfaces: readonly Surface[]): FillingOutline[] {
  const out: FillingOutline[] = [];
  const occlusal = surfaces.includes("O");
  const proximal = (["M", "D"] as const).filter((s) => surfaces.includes(s));
  if (occlusal) {
    const cap = capPatch(sites.grid, sites.occlusalFillingRing());
    const windows = proximal.map((s) => sites.fillingWindow(s, true));
    const boxes = windows.map((w) => windowPatch(sites.grid, w));
    // Proximal boxes below the DEJ cover the axial wall only: across the DEJ's occlusal edge no single axis
    // serves both faces. The occlusal box ends at ring k, the wall starts at capRings ≥ k + 2.
    const dentinBoxes = windows.map((w) => wallBox(sites, w));
    out.push({ name: ["O", ...proximal].join(""), enamel: joinPatches(cap, ...boxes), dentin: [cap, ...dentinBoxes] });
  } else {
    for (const s of proximal) {
      const w = sites.fillingWindow(s, false);
      out.push({ name: s, enamel: windowPatch(sites.grid, w), dentin: [wallBox(sites, w)] });
    }
  }
  for (const s of ["B", "L"] as const) {
    if (!surfaces.includes(s)) continue;
    const patch = windowPatch(sites.grid, sites.fillingWindow(s, false));
    out.push({ name: s, enamel: patch, dentin: [patch] });
  }
  return out;
}

/** The part of a proximal window on the axial wall (from ring capRings on), where one axis serves the box. */
function wallBox(sites: ToothSites, w: GridWindow): GridPatch {
  const ring0 = Math.max(w.ring0 + 1, sites.grid.capRings);
  const ring1 = Math.max(w.ring1, ring0 + 2);
  return windowPatch(sites.grid, { ...w, ring0, ring1, ringCentre: Math.min(ring1 - 1, Math.max(w.ringCentre, ring0 + 1)) });
}

/**
 * The filling volumes of a (possibly carved) tooth: per filling its enamel part then its dentin box(es). `rng` is
 * the tooth's "restorations" stream; each filling draws from its own fork (by its surfaces).
 */
export function buildFillings(
  tooth: ToothMeshes,
  state: Pick<ToothState, "filledSurfaces">,
  rng: Rng,
  sites: ToothSites = new ToothSites(tooth),
  guard: ShellGuard = new ShellGuard(tooth),
): MaterialVolume[] {
  if (state.filledSurfaces.length === 0) return [];
  const outer = tooth.outer.positions;
  const dentin = tooth.dentin.positions;
  const inner = innerPointsOf(matchShell(sites.grid, outer, dentin), dentin);
  const dej = new DistanceField(tooth.dentin);
  const volumes: MaterialVolume[] = [];
  for (const { name, enamel: patch, dentin: boxes } of fillingOutlines(sites, state.filledSurfaces)) {
    const r = rng.fork(name);
    const material = drawFillingMaterial(isPosterior(tooth.fdi), r);
    const depth = r.uniform(FILLING_DENTIN_DEPTH[0], FILLING_DENTIN_DEPTH[1]);
    const what = `filling ${name} of ${tooth.fdi}`;
    const centre = patch.centre;
    const enamel = buildChecked(
      guard,
      "enamel",
      (margin) => enamelLayer(patch, outer, inner, Math.min(0.2, OUTER_CLEARANCE * margin), 1 - Math.min(0.3, DEJ_CLEARANCE * margin), CLEARANCE * margin, dej),
      () => inscribedBall(lerp(vertexOf(outer, centre), vertexOf(inner, centre), 0.5), [tooth.outer, tooth.dentin]),
      what,
    );
    volumes.push({ mesh: enamel, material, host: "enamel", role: "restoration:filling", fdi: tooth.fdi });
    for (const box of boxes) volumes.push({ mesh: dentinBox(tooth, box, depth, guard, what), material, host: "dentin", role: "restoration:filling", fdi: tooth.fdi });
  }
  return volumes;
}

/**
 * A box below the DEJ under a patch: rays toward a focus straight inward from the patch's centre, `depth` mm deep
 * at the centre, the same fraction of every ray (a homothety of the DEJ patch), never more than MOST_OF_DENTIN of
 * the way to the pulp. The focus sits one dentin thickness in (as for lesions), or, where the patch curves round
 * it so that some rays start out of the dentin (the proximal box of an upper premolar, a premolar's occlusal
 * box: 22 of 264 sampled fillings), FOCUS_REACH thicknesses in, where the rays are closer to parallel.
 */
export function dentinBox(tooth: ToothMeshes, patch: GridPatch, depth: number, guard: ShellGuard, what: string): TriMesh {
  const dentin = tooth.dentin.positions;
  const base = vertexOf(dentin, patch.centre);
  const nearest = closestPointOnSurface(tooth.pulp, base);
  const thickness = nearest.distance;
  const inward = inwardNormal(dentin, patch);
  const box = (reach: number) => {
    const focus = add(base, scale(inward, reach * thickness));
    const fraction = Math.min(MOST_OF_DENTIN, depth / thickness) / reach;
    return (margin: number) => dentinLayer(patch, dentin, focus, DENTIN_OFFSET * margin, () => fraction / Math.sqrt(margin));
  };
  return buildChecked(guard, "dentin", [box(1), box(FOCUS_REACH)], () => inscribedBall(lerp(base, nearest.point, 0.3), [tooth.dentin, tooth.pulp]), what);
}
