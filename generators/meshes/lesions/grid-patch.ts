/**
 * A patch of the shared tooth grid: the triangles a lesion or restoration covers, and a weight per vertex that is
 * 1 at the patch's centre and falls to 0 on its boundary (the depth profile of a wedge-shaped lesion).
 *
 * Patches are rectangles of grid cells or a cap of rings around the top pole, or a cap joined to rectangles
 * that start on its last ring: each is a topological disk, which is what {@link buildPatchSolid} needs.
 */
import { gridVertex, type ToothGrid } from "./tooth-grid.js";

export interface GridPatch {
  /** Triangles of the grid, three vertex indices each, wound like the tooth's faces (counter-clockwise seen
   * from outside the tooth). */
  faces: Uint32Array;
  /** Weight of each patch vertex in [0, 1]. */
  weight: Map<number, number>;
  /** Grid vertex at the patch's centre (weight 1). */
  centre: number;
}

/** A rectangle of grid vertices: rings ring0..ring1 and meridians meridian0..meridian1, both inclusive
 * (meridians may run past 0 or the meridian count; they wrap). */
export interface GridWindow {
  ring0: number;
  ring1: number;
  meridian0: number;
  meridian1: number;
  ringCentre: number;
  meridianCentre: number;
}

function pushQuad(out: number[], grid: ToothGrid, ring: number, meridian: number): void {
  const a = gridVertex(grid, ring, meridian);
  const b = gridVertex(grid, ring, meridian + 1);
  const c = gridVertex(grid, ring + 1, meridian);
  const d = gridVertex(grid, ring + 1, meridian + 1);
  // The same split as latLongMesh, so each patch triangle is exactly a triangle of outer and of dentin.
  out.push(a, c, d, a, d, b);
}

/** The cells of a window, with a cone-shaped weight: 1 − the elliptical distance from the centre, measured
 * against each side's own half-extent (a window clipped on one side still reaches 0 on every side). */
export function windowPatch(grid: ToothGrid, w: GridWindow): GridPatch {
  if (w.ring1 - w.ring0 < 2 || w.meridian1 - w.meridian0 < 2 || w.meridian1 - w.meridian0 >= grid.meridians) {
    throw new RangeError(`windowPatch: window of ${w.ring1 - w.ring0} x ${w.meridian1 - w.meridian0} cells, needs at least 2 x 2`);
  }
  if (w.ring0 < 0 || w.ring1 >= grid.rings) throw new RangeError(`windowPatch: rings ${w.ring0}..${w.ring1} outside 0..${grid.rings - 1}`);
  const faces: number[] = [];
  for (let r = w.ring0; r < w.ring1; r++) for (let m = w.meridian0; m < w.meridian1; m++) pushQuad(faces, grid, r, m);
  const weight = new Map<number, number>();
  for (let r = w.ring0; r <= w.ring1; r++) {
    for (let m = w.meridian0; m <= w.meridian1; m++) {
      const dr = r - w.ringCentre;
      const dm = m - w.meridianCentre;
      const u = dr / (dr > 0 ? w.ring1 - w.ringCentre : w.ringCentre - w.ring0 || 1);
      const v = dm / (dm > 0 ? w.meridian1 - w.meridianCentre : w.meridianCentre - w.meridian0 || 1);
      weight.set(gridVertex(grid, r, m), Math.max(0, 1 - Math.hypot(u, v)));
    }
  }
  return { faces: Uint32Array.from(faces), weight, centre: gridVertex(grid, w.ringCentre, w.meridianCentre) };
}

/** The top pole and rings 0..lastRing: the centre of the occlusal surface (the incisal edge on anterior
 * teeth). Weight 1 at the pole, falling linearly with the ring to 0 on the last ring. */
export function capPatch(grid: ToothGrid, lastRing: number): GridPatch {
  if (lastRing < 1 || lastRing >= grid.rings) throw new RangeError(`capPatch: last ring ${lastRing} outside 1..${grid.rings - 1}`);
  const faces: number[] = [];
  for (let m = 0; m < grid.meridians; m++) faces.push(0, gridVertex(grid, 0, m), gridVertex(grid, 0, m + 1));
  for (let r = 0; r < lastRing; r++) for (let m = 0; m < grid.meridians; m++) pushQuad(faces, grid, r, m);
  const weight = new Map<number, number>([[0, 1]]);
  for (let r = 0; r <= lastRing; r++) {
    for (let m = 0; m < grid.meridians; m++) weight.set(gridVertex(grid, r, m), 1 - (r + 1) / (lastRing + 1));
  }
  return { faces: Uint32Array.from(faces), weight, centre: 0 };
}

/**
 * A cap joined to windows that start on its last ring (an occlusal box with proximal boxes: a class II
 * cavity). The weights keep the larger value where the parts meet; the centre is the cap's.
 */
export function joinPatches(cap: GridPatch, ...others: GridPatch[]): GridPatch {
  const faces = [...cap.faces];
  const weight = new Map(cap.weight);
  for (const other of others) {
    faces.push(...other.faces);
    for (const [v, w] of other.weight) weight.set(v, Math.max(w, weight.get(v) ?? 0));
  }
  return { faces: Uint32Array.from(faces), weight, centre: cap.centre };
}
