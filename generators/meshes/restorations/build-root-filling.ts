/**
 * Root-canal filling: gutta-percha in the pulp space of a root-canal-treated tooth (host pulp). The pulp's
 * surface is moved inward by a little, never more than a fraction of the way to the opposite wall (so thin
 * canals and the apex shrink in proportion), then repaired where it folds or cuts the wall; where no inset copy
 * is valid, the filling is the pulp's own surface (see the end of buildRootFilling).
 *
 * Simplification: the whole pulp space is filled, chamber included; clinically the chamber holds a core or the
 * crown's build-up, often as radiopaque as gutta-percha.
 */
import { ContactSurface } from "../geometry/contact-surface.js";
import { PointInMesh } from "../geometry/point-in-mesh.js";
import { findSelfIntersections } from "../geometry/self-intersections.js";
import type { TriMesh } from "../geometry/tri-mesh.js";
import { vertexNormals } from "../geometry/vertex-normals.js";
import type { MaterialVolume } from "../materials.js";
import type { ShellGuard } from "../lesions/shell-guard.js";
import type { ToothMeshes } from "../tooth/render-tooth.js";

/** Inset of the filling from the canal wall, mm [A]: a well condensed obturation fills the canal to its walls. */
const INSET = 0.04;
/** Most of a vertex's shortest edge the inset may take [A]: half keeps a vertex from passing its neighbours. */
const EDGE_FRACTION = 0.5;
/** Rounds of taking the inset back at folds, and the factor each round keeps [A]. */
const REPAIR_ROUNDS = 8;
const REPAIR_FACTOR = 0.4;
/** The least inset, mm [A]: the filling stays strictly inside the pulp's surface, as the guard requires. */
const LEAST_INSET = 0.002;
/** Step used to test whether a direction enters the pulp, mm [A]: below any inset taken. */
const PROBE = 0.001;

export function buildRootFilling(tooth: ToothMeshes, guard: ShellGuard): MaterialVolume {
  const pulp = tooth.pulp;
  const walls = new PulpWalls(pulp);
  const inward = walls.inwardDirections();
  const edge = shortestEdges(pulp);
  const shrink = (): TriMesh => {
    const inset = new Float64Array(edge.length);
    for (let v = 0; v < inset.length; v++) inset[v] = Math.min(INSET, EDGE_FRACTION * (edge[v] as number));
    // Where the pulp's surface is creased or thin (the canal orifices in a molar's floor, a pulp horn's tip) a
    // uniform inset folds the surface through itself or pushes a vertex out through the opposite wall: take the
    // inset back at the vertices concerned. Where it is concave seen from inside (the flanks of a tapering tip), a
    // facet between inset vertices can still cut the wall: push those vertices further in. Then retry.
    let mesh = insetAlong(pulp, inward, inset);
    // A vertex once inset too far is never pushed further again, so the two repairs cannot undo each other.
    const capped = new Uint8Array(inset.length);
    for (let round = 0; round < REPAIR_ROUNDS; round++) {
      const { tooFar, tooNear } = walls.offenders(mesh);
      if (tooFar.size === 0 && tooNear.size === 0) break;
      for (const v of tooFar) {
        inset[v] = Math.max(LEAST_INSET, (inset[v] as number) * REPAIR_FACTOR);
        capped[v] = 1;
      }
      for (const v of tooNear) if (!capped[v]) inset[v] = Math.min(2 * INSET, (inset[v] as number) / REPAIR_FACTOR);
      mesh = insetAlong(pulp, inward, inset);
    }
    return mesh;
  };
  const filling = (mesh: TriMesh): MaterialVolume => ({ mesh, material: "gutta_percha", host: "pulp", role: "restoration:root_filling", fdi: tooth.fdi });
  // One try: the repair rounds already adapt each vertex's inset, which is what wider margins would do.
  const mesh = shrink();
  if (guard.accepts(mesh, "pulp")) return filling(mesh);
  // No inset copy passes where the pulp has a thin isthmus (between a premolar's two canals) or a needle-like
  // horn: the filling is then the pulp space itself, the same surface. Its chords equal the pulp's, so the
  // projection replaces pulp by gutta-percha exactly; only the strict nesting inside the pulp is given up.
  return filling(pulp);
}

/** The pulp's surface, for finding the vertices of an inset copy that break out of it or fold. */
class PulpWalls {
  private readonly solid: PointInMesh;
  private readonly wall: ContactSurface;

  constructor(private readonly pulp: TriMesh) {
    this.solid = new PointInMesh(pulp);
    this.wall = new ContactSurface(pulp);
  }

  /**
   * Per vertex, a unit direction into the pulp: against the vertex normal, or where that leaves the pulp at once
   * (the normal of a vertex on a sharp pulp-horn tip can point the wrong way), toward the centre of its
   * neighbours.
   */
  inwardDirections(): Float64Array {
    const mesh = this.pulp;
    const p = mesh.positions;
    const idx = mesh.indices;
    const d = vertexNormals(mesh);
    for (let i = 0; i < d.length; i++) d[i] = -(d[i] as number);
    const sum = new Float64Array(p.length);
    const count = new Uint32Array(p.length / 3);
    for (let t = 0; t < idx.length; t += 3) {
      for (let e = 0; e < 3; e++) {
        const a = idx[t + e] as number;
        const b = idx[t + ((e + 1) % 3)] as number;
        for (let k = 0; k < 3; k++) sum[3 * a + k] = (sum[3 * a + k] as number) + (p[3 * b + k] as number);
        count[a] = (count[a] as number) + 1;
      }
    }
    const enters = (v: number, x: number, y: number, z: number) =>
      this.solid.contains((p[3 * v] as number) + PROBE * x, (p[3 * v + 1] as number) + PROBE * y, (p[3 * v + 2] as number) + PROBE * z);
    for (let v = 0; v < count.length; v++) {
      if (enters(v, d[3 * v] as number, d[3 * v + 1] as number, d[3 * v + 2] as number)) continue;
      const c = [0, 1, 2].map((k) => (sum[3 * v + k] as number) / (count[v] as number) - (p[3 * v + k] as number));
      const l = Math.hypot(c[0]!, c[1]!, c[2]!);
      if (l > 0 && enters(v, c[0]! / l, c[1]! / l, c[2]! / l)) for (let k = 0; k < 3; k++) d[3 * v + k] = c[k]! / l;
    }
    return d;
  }

  /**
   * Vertices of `mesh` (an inset copy, same indices) inset too far (outside the pulp, or on a folded pair of
   * triangles) and too little (on a triangle that meets the pulp's wall).
   */
  offenders(mesh: TriMesh): { tooFar: Set<number>; tooNear: Set<number> } {
    const tooFar = new Set<number>();
    const tooNear = new Set<number>();
    const idx = mesh.indices;
    const p = mesh.positions;
    for (let v = 0; v < p.length / 3; v++) if (!this.solid.contains(p[3 * v] as number, p[3 * v + 1] as number, p[3 * v + 2] as number)) tooFar.add(v);
    for (const t of this.wall.touching(mesh)) for (let c = 0; c < 3; c++) tooNear.add(idx[3 * t + c] as number);
    for (const pair of findSelfIntersections(mesh, 10_000)) for (const t of pair) for (let c = 0; c < 3; c++) tooFar.add(idx[3 * t + c] as number);
    return { tooFar, tooNear };
  }
}

/** The mesh with each vertex moved `inset[v]` mm along its inward direction. */
function insetAlong(mesh: TriMesh, inward: Float64Array, inset: Float64Array): TriMesh {
  const p = mesh.positions;
  const positions = new Float32Array(p.length);
  for (let v = 0; v < inset.length; v++) {
    const h = inset[v] as number;
    for (let k = 0; k < 3; k++) positions[3 * v + k] = (p[3 * v + k] as number) + h * (inward[3 * v + k] as number);
  }
  return { positions, indices: mesh.indices };
}

/** Length of each vertex's shortest edge: an inset below half of it cannot move a vertex past its neighbours. */
function shortestEdges(mesh: TriMesh): Float64Array {
  const p = mesh.positions;
  const idx = mesh.indices;
  const out = new Float64Array(p.length / 3).fill(Infinity);
  for (let t = 0; t < idx.length; t += 3) {
    for (let e = 0; e < 3; e++) {
      const a = idx[t + e] as number;
      const b = idx[t + ((e + 1) % 3)] as number;
      const l = Math.hypot((p[3 * a] as number) - (p[3 * b] as number), (p[3 * a + 1] as number) - (p[3 * b + 1] as number), (p[3 * a + 2] as number) - (p[3 * b + 2] as number));
      if (l < (out[a] as number)) out[a] = l;
      if (l < (out[b] as number)) out[b] = l;
    }
  }
  return out;
}
