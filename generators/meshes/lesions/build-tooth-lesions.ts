/**
 * Caries lesions of one tooth as material volumes, at the surfaces its chart names, and the cavities of the
 * cavitated ones carved into the tooth's surfaces.
 *
 * Shape (dental-domain.md 2.3 [V]): in enamel a wedge with its base at the outer surface and its apex toward the
 * DEJ (it follows the enamel rods); in dentin a second wedge with its base spread along the DEJ and its apex
 * toward the pulp (it follows the tubules). Both are built on the tooth's shared grid (tooth-grid.ts):
 * - the enamel part lies between sheets interpolated along the segments from each outer vertex to the shell's
 *   inner point under it (enamel-shell.ts), from a thin surface layer below the outer surface (the
 *   well-mineralised surface zone of an enamel lesion [T]) down to a depth that is deepest at the centre;
 * - the dentin part lies along rays from the DEJ toward one focus inside the tooth; the centre's ray stops at
 *   the apex, where the local dentin depth (DEJ distance over DEJ + pulp distance) is the class's fraction, and
 *   the others stop shorter toward the edge (see dentinFocus). Rays toward one point never cross, so the wedge
 *   cannot fold.
 *
 * Cavitated lesions: the outer surface is pushed in over the middle of the footprint, half the lesion's reach for
 * enamel lesions; for dentin lesions through the enamel, with the dentin surface pushed along the wedge's rays
 * part of the way to the apex. The outer surface always keeps CAVITY_GAP above the dentin (it moves toward the
 * shell's inner point), so the nested layers stay valid; what is left of the lesion below the cavity floor is
 * still a lesion volume. The gap at a cavity's floor is a thin film of the outer layer, like the cementum film
 * the renderer already keeps on roots.
 */
import type { Rng } from "../../../core/rng.js";
import type { CariesLesion, ToothState } from "../../patient/types.js";
import type { MaterialVolume } from "../materials.js";
import { checkNestedInside } from "../geometry/nested-inside.js";
import { findSelfIntersections } from "../geometry/self-intersections.js";
import type { TriMesh } from "../geometry/tri-mesh.js";
import type { ToothMeshes } from "../tooth/render-tooth.js";
import { MIN_GAP } from "../tooth/tooth-shape.js";
import { closestPointOnSurface } from "./closest-point.js";
import { DistanceField } from "./distance-field.js";
import { innerPointsOf, matchShell, type ShellMatch } from "./enamel-shell.js";
import { inscribedBall } from "./inscribed-ball.js";
import { buildChecked, ShellGuard } from "./shell-guard.js";
import type { GridPatch } from "./grid-patch.js";
import { inwardNormal } from "./inward-normal.js";
import { sampleLesionDensity, sampleReach, type LesionReach } from "./lesion-depth.js";
import { buildPatchSolid } from "./patch-solid.js";
import { ToothSites, type LesionPatches } from "./surface-sites.js";
import { add, length, lerp, scale, setVertex, smoothstep, sub, vertexOf, type Vec3 } from "./vec3.js";

/** Surface zone left above an enamel lesion, as a fraction of the enamel: about 20–50 µm of ~1 mm [U]. */
export const SURFACE_ZONE = 0.05;
/** Thinnest the enamel part gets at its footprint's edge, and how close it comes to the DEJ, as fractions of
 * the enamel thickness [A]: strictly inside the shell, clear of both surfaces. */
const EDGE_THICKNESS = 0.05;
export const DEJ_MARGIN = 0.06;
/** The dentin part starts this far inside the DEJ and is at least this thick at its edge, mm [A]. */
const DENTIN_OFFSET = 0.03;
const DENTIN_EDGE = 0.04;
/** Gap kept between the outer and dentin surfaces under a cavity, mm: MIN_GAP plus a margin for the facets'
 * slope [A]. */
export const CAVITY_GAP = MIN_GAP + 0.05;
/** A cavity takes at most this fraction of the enamel above the (carved) dentin [A]: the outer surface then
 * stays a sheet of the shell like the lesions' own, which cannot cross the dentin's facets. */
const CAVITY_MOST = 0.6;
/** A cavitated dentin lesion's cavity reaches this fraction of the lesion's depth into the dentin; an enamel
 * lesion's cavity half its reach [A]. */
const CAVITY_DENTIN_FRACTION = 0.2;
const CAVITY_ENAMEL_FRACTION = 0.5;
/** Per-lesion footprint size factor, uniform [U]. */
const SIZE_RANGE: readonly [number, number] = [0.8, 1.2];

export interface ToothLesions {
  /** The tooth with its cavities carved; the very same object when no lesion is cavitated. */
  tooth: ToothMeshes;
  /** For each lesion in chart order: its enamel part, then its dentin part for D1–D3. */
  volumes: MaterialVolume[];
}

interface Plan {
  lesion: CariesLesion;
  patches: LesionPatches;
  reach: LesionReach;
  enamelDensity: number;
  dentinDensity: number;
  /** Dentin wedge (D classes): its rays converge on `focus`, and the centre's ray stops `reach` of the way
   * there, at the apex. */
  focus: Vec3 | null;
}

/**
 * Builds the lesion volumes of one tooth. `rng` is the tooth's "lesions" stream; each lesion draws from its own
 * fork (by surface), so adding a lesion elsewhere on the tooth does not change this one.
 *
 * @example
 * const { tooth: carved, volumes } = buildToothLesions(tooth, state, toothRng.fork("lesions"));
 */
export function buildToothLesions(
  tooth: ToothMeshes,
  state: Pick<ToothState, "lesions" | "restoration" | "filledSurfaces">,
  rng: Rng,
  sites: ToothSites = new ToothSites(tooth),
): ToothLesions {
  if (state.lesions.length === 0) return { tooth, volumes: [] };
  const context = { crowned: state.restoration === "crowned", filledSurfaces: state.filledSurfaces };
  const grid = sites.grid;
  const outer0 = tooth.outer.positions;
  const dentin0 = tooth.dentin.positions;
  let distance: { dentin: DistanceField; pulp: DistanceField } | null = null;
  const fields = () => (distance ??= { dentin: new DistanceField(tooth.dentin), pulp: new DistanceField(tooth.pulp) });
  const plans: Plan[] = state.lesions.map((lesion) => {
    const r = rng.fork(lesion.surface);
    const size = r.uniform(SIZE_RANGE[0], SIZE_RANGE[1]);
    const reach = sampleReach(lesion.depth, r);
    const enamelDensity = sampleLesionDensity(lesion.depth, r);
    const dentinDensity = sampleLesionDensity(lesion.depth, r);
    const patches = sites.lesionPatches(lesion.surface, context, size);
    const focus = reach.dentin === null ? null : dentinFocus(tooth, fields(), vertexOf(dentin0, patches.dentin.centre), inwardNormal(dentin0, patches.dentin), reach.dentin);
    return { lesion, patches, reach, enamelDensity, dentinDensity, focus };
  });

  // Carve first (the footprints are disjoint), then build every volume in the carved shell. A carving that
  // would break the layers' nesting (a coarse grid, a thin crown) is retried shallower, and dropped at last.
  const cavitated = plans.filter((p) => p.lesion.cavitated);
  const match = matchShell(grid, outer0, dentin0);
  let carving: Carving = { outer: outer0, dentin: dentin0, inner: innerPointsOf(match, dentin0), dentinCarve: new Map() };
  if (cavitated.length > 0) {
    for (const depth of CAVITY_DEPTH_STEPS) {
      const attempt = carveAll(cavitated, depth, outer0, dentin0, match);
      if (depth === 0 || layersNested({ outer: { positions: attempt.outer, indices: tooth.outer.indices }, dentin: { positions: attempt.dentin, indices: tooth.dentin.indices }, pulp: tooth.pulp })) {
        carving = attempt;
        break;
      }
    }
  }
  const out: ToothMeshes =
    carving.outer === outer0 ? tooth : { ...tooth, outer: { positions: carving.outer, indices: tooth.outer.indices }, dentin: { positions: carving.dentin, indices: tooth.dentin.indices } };
  const guard = new ShellGuard(out);
  const volumes: MaterialVolume[] = [];
  for (const plan of plans) {
    const what = `lesion ${plan.lesion.id}`;
    const centre = plan.patches.enamel.centre;
    const enamelCentre = lerp(vertexOf(carving.outer, centre), vertexOf(carving.inner, centre), 0.5);
    const mesh = buildChecked(
      guard,
      "enamel",
      (margin) => enamelPart(plan.patches.enamel, plan.reach.enamel, outer0, carving, margin),
      () => inscribedBall(enamelCentre, [out.outer, out.dentin]),
      what,
    );
    volumes.push({ mesh, material: "enamel", density: plan.enamelDensity, host: "enamel", role: "lesion:enamel", fdi: tooth.fdi, lesionId: plan.lesion.id });
    if (plan.focus) {
      const focus = plan.focus;
      const reach = plan.reach.dentin as number;
      const surface = vertexOf(carving.dentin, plan.patches.dentin.centre);
      let mesh: TriMesh;
      try {
        mesh = buildChecked(
          guard,
          "dentin",
          (margin) => dentinPart(plan.patches.dentin, focus, reach, dentin0, carving.dentinCarve, margin),
          // The last resort: a small solid at the lesion's mid-depth, or, where a pulp horn or a carved cavity
          // leaves no room there, at the first point along the lesion's axis with room for it.
          () => firstInside(guard, "dentin", [reach / 2, reach / 4, reach * 0.75, 0.1, 0.15, 0.2, 0.3, 0.05].map((f) => () => inscribedBall(lerp(surface, focus, f), [out.dentin, out.pulp]))),
          what,
        );
      } catch {
        // No room for even the smallest solid (rare: a pulp horn under a deep carved cavity, seen once in the
        // sweeps behind the radiograph tests): the lesion keeps its enamel part rather than carry a volume outside
        // its host.
        continue;
      }
      volumes.push({ mesh, material: "dentin", density: plan.dentinDensity, host: "dentin", role: "lesion:dentin", fdi: tooth.fdi, lesionId: plan.lesion.id });
    }
  }
  return { tooth: out, volumes };
}

/** The first candidate the guard accepts in `host`, else the first candidate (buildChecked then reports it). */
function firstInside(guard: ShellGuard, host: "enamel" | "dentin", candidates: readonly (() => TriMesh)[]): TriMesh {
  let first: TriMesh | null = null;
  for (const make of candidates) {
    const mesh = make();
    first ??= mesh;
    if (guard.accepts(mesh, host)) return mesh;
  }
  return first as TriMesh;
}

/** Carved layers and what the carving removed. */
interface Carving {
  outer: Float32Array;
  dentin: Float32Array;
  /** The shell's inner points on the carved dentin (the original match, enamel-shell.ts). */
  inner: Float32Array;
  /** Fraction of each carved dentin vertex's ray removed. */
  dentinCarve: Map<number, number>;
}

/** Distances are searched this far, mm: beyond any dentin thickness of a crown [A]. */
const SEARCH = 6;

/** Cavity depth multipliers tried in turn (0: no cavity). */
const CAVITY_DEPTH_STEPS: readonly number[] = [1, 0.5, 0.25, 0];

function carveAll(cavitated: Plan[], depth: number, outer0: Float32Array, dentin0: Float32Array, match: ShellMatch): Carving {
  const outer = outer0.slice();
  const dentin = dentin0.slice();
  const dentinCarve = new Map<number, number>();
  if (depth > 0) for (const plan of cavitated) if (plan.focus) carveDentin(plan, depth, dentin0, dentin, dentinCarve);
  // The carved shell keeps the original match of outer vertices to dentin edges, evaluated on the carved dentin;
  // a cavity then only moves each outer vertex down its own segment, so the carved surface and the lesions'
  // sheets stay sheets of one family.
  const inner = innerPointsOf(match, dentin);
  if (depth > 0) for (const plan of cavitated) carveOuter(plan, depth, outer0, inner, outer);
  return { outer, dentin, inner, dentinCarve };
}

/** Whether carved layers still nest: outer and dentin free of self-intersections, pulp ⊂ dentin ⊂ outer. */
function layersNested(layers: { outer: TriMesh; dentin: TriMesh; pulp: TriMesh }): boolean {
  return (
    findSelfIntersections(layers.outer, 1).length === 0 &&
    findSelfIntersections(layers.dentin, 1).length === 0 &&
    checkNestedInside(layers.dentin, layers.outer).nested &&
    checkNestedInside(layers.pulp, layers.dentin).nested
  );
}

/**
 * Where the dentin wedge's rays converge. The centre's ray leaves the DEJ halfway between the footprint's inward
 * normal and the direction of the nearest pulp point (steep into the dentin, and toward the pulp), and its apex is
 * where the local dentin depth, DEJ distance / (DEJ distance + pulp distance), reaches `reach`: the measure the
 * class bands are stated in. The focus lies on that ray beyond the apex, so the apex is `reach` of the way there.
 */
function dentinFocus(tooth: ToothMeshes, fields: { dentin: DistanceField; pulp: DistanceField }, base: Vec3, normal: Vec3, reach: number): Vec3 {
  const pulp = closestPointOnSurface(tooth.pulp, base);
  const blend = add(normal, scale(sub(pulp.point, base), 1 / pulp.distance));
  const dir = scale(blend, 1 / length(blend));
  const depthAt = (s: number) => {
    const p = add(base, scale(dir, s));
    const toDej = fields.dentin.to(p, SEARCH);
    return toDej / (toDej + fields.pulp.to(p, SEARCH));
  };
  // March to the first step past the target (or the deepest point met), then bisect.
  const step = 0.05;
  let lo = 0;
  let hi = 0;
  let best = { s: step, depth: 0 };
  for (let s = step; s < 3 * pulp.distance; s += step) {
    const d = depthAt(s);
    if (d > best.depth) best = { s, depth: d };
    if (d >= reach) {
      hi = s;
      break;
    }
    lo = s;
  }
  let apex = best.s;
  if (hi > 0) {
    for (let i = 0; i < 20; i++) {
      const mid = (lo + hi) / 2;
      if (depthAt(mid) >= reach) hi = mid;
      else lo = mid;
    }
    apex = (lo + hi) / 2;
  }
  return add(base, scale(dir, apex / reach));
}

/** Cavity weight of a footprint vertex of weight w: 0 at the footprint's edge, smooth, 1 from `full` on. */
const cavityWeight = (w: number, from: number, full: number) => smoothstep((w - from) / (full - from));

/** A cavitated D2/D3 lesion (D1 cavities stop at the DEJ [A]) pushes the dentin along the wedge's rays. */
function carveDentin(plan: Plan, depth: number, dentin0: Float32Array, dentin: Float32Array, dentinCarve: Map<number, number>): void {
  if (plan.lesion.depth === "D1") return;
  const focus = plan.focus as Vec3;
  for (const [v, w] of plan.patches.enamel.weight) {
    const into = cavityWeight(w, 0.3, 1);
    if (into <= 0) continue;
    const fraction = depth * into * CAVITY_DENTIN_FRACTION * (plan.reach.dentin as number);
    setVertex(dentin, v, lerp(vertexOf(dentin0, v), focus, fraction));
    dentinCarve.set(v, fraction);
  }
}

/** Pushes the outer surface toward the shell's inner points, never closer than CAVITY_GAP. */
function carveOuter(plan: Plan, depth: number, outer0: Float32Array, inner: Float32Array, outer: Float32Array): void {
  const deep = plan.focus !== null;
  for (const [v, w] of plan.patches.enamel.weight) {
    const o = vertexOf(outer0, v);
    const i = vertexOf(inner, v);
    const e = length(sub(i, o));
    if (e <= CAVITY_GAP) continue;
    const most = depth * Math.min(1 - CAVITY_GAP / e, CAVITY_MOST);
    const c = deep ? cavityWeight(w, 0.1, 0.5) * most : Math.min(most, cavityWeight(w, 0.15, 0.65) * CAVITY_ENAMEL_FRACTION * plan.reach.enamel);
    if (c > 0) setVertex(outer, v, lerp(o, i, c));
  }
}

/**
 * The enamel wedge: from the surface zone down to `reach` at the centre, as fractions of each outer vertex's
 * segment to the shell's inner point; below a cavity it starts at the cavity floor (the carved outer vertex lies
 * on the same segment) and keeps to the same DEJ margin.
 */
function enamelPart(patch: GridPatch, reach: number, outer0: Float32Array, carving: Carving, margin: number) {
  const { outer, inner } = carving;
  const zone = Math.min(0.2, SURFACE_ZONE * margin);
  const dej = Math.min(0.3, DEJ_MARGIN * margin);
  const deepest = Math.min(reach, 1 - dej);
  const limits = (v: number) => {
    const o0 = vertexOf(outer0, v);
    const i = vertexOf(inner, v);
    const floor = length(sub(vertexOf(outer, v), o0)) / Math.max(length(sub(i, o0)), 1e-9);
    const edge = EDGE_THICKNESS * (1 - floor);
    const top = Math.min(floor + zone * (1 - floor), 1 - dej - edge);
    const w = patch.weight.get(v) ?? 0;
    const bottom = Math.min(1 - dej, Math.max(top + edge, zone + w * (deepest - zone)));
    return { o0, i, top, bottom };
  };
  const top = (v: number) => {
    const l = limits(v);
    return lerp(l.o0, l.i, l.top);
  };
  const bottom = (v: number) => {
    const l = limits(v);
    return lerp(l.o0, l.i, l.bottom);
  };
  return buildPatchSolid(patch, top, bottom);
}

/**
 * The dentin wedge: along rays from the DEJ (below any cavity floor) toward the focus, `reach` of the way at the
 * centre and less toward the edge.
 */
function dentinPart(patch: GridPatch, focus: Vec3, reach: number, dentin0: Float32Array, dentinCarve: Map<number, number>, margin: number) {
  const along = (v: number, s: number) => lerp(vertexOf(dentin0, v), focus, s);
  const ray = (v: number) => length(sub(focus, vertexOf(dentin0, v)));
  const start = (v: number) => (dentinCarve.get(v) ?? 0) + (DENTIN_OFFSET * margin) / ray(v);
  const top = (v: number) => along(v, start(v));
  const bottom = (v: number) => along(v, Math.max(start(v) + DENTIN_EDGE / ray(v), (patch.weight.get(v) ?? 0) * reach));
  return buildPatchSolid(patch, top, bottom);
}
