import type { TriMesh } from "./tri-mesh.js";

/**
 * Point-in-solid queries for a closed mesh by ray parity: a ray from the point along +z crosses the surface an
 * odd number of times exactly when the point is inside.
 *
 * The ray runs along a fixed, slightly oblique direction (1/73, 1/131, 1) rather than exactly +z, so that the
 * axis-aligned points of hand-made and lathe-like meshes (poles on the z axis) do not sit exactly on edges; the
 * crossing test is then a 2D point-in-triangle test on the projection along that direction (a shear of x and y
 * by z), accelerated by a uniform 2D grid of the projected triangles.
 * Rays that pass exactly through an edge or a vertex are counted once by a half-open "top-left" fill rule, as
 * rasterisers do: each projected edge belongs to exactly one of the two triangles beside it, and to both or
 * neither where the surface folds over (a silhouette), which leaves the parity right.
 * Points on the surface itself get an arbitrary answer.
 *
 * A tooth's steep walls stack dozens of projected triangles in each cell, so a query reads many triangles: each
 * triangle's projected corners are kept side by side (not behind a vertex index), and a triangle is dropped at
 * the first edge that excludes the point.
 */
export class PointInMesh {
  /** Per kept triangle a, b, d (counter-clockwise in the projection): x, y (sheared) and z of each corner. */
  private readonly corners: Float64Array;
  /**
   * Per kept triangle, which edges run from the higher-numbered vertex (bit 0: b→d, bit 1: d→a, bit 2: a→b);
   * the fill rule evaluates every edge from its lower-numbered end (see edgeWeight).
   */
  private readonly reversed: Uint8Array;
  private readonly x0: number;
  private readonly y0: number;
  private readonly cell: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly start: Uint32Array;
  private readonly items: Uint32Array;

  constructor(mesh: TriMesh) {
    const p = Float64Array.from(mesh.positions);
    for (let i = 0; i < p.length; i += 3) {
      p[i] = (p[i] as number) - SHEAR_X * (p[i + 2] as number);
      p[i + 1] = (p[i + 1] as number) - SHEAR_Y * (p[i + 2] as number);
    }
    const idx = mesh.indices;
    // Keep the triangles that are not vertical, each reordered counter-clockwise in xy.
    const kept = new Uint32Array(idx.length);
    let f = 0;
    for (let t = 0; t < idx.length; t += 3) {
      const a = idx[t] as number;
      let b = idx[t + 1] as number;
      let c = idx[t + 2] as number;
      const o = orient(p, a, b, c);
      if (o === 0) continue;
      if (o < 0) {
        const swap = b;
        b = c;
        c = swap;
      }
      kept[3 * f] = a;
      kept[3 * f + 1] = b;
      kept[3 * f + 2] = c;
      f++;
    }
    this.corners = new Float64Array(9 * f);
    this.reversed = new Uint8Array(f);
    for (let t = 0; t < f; t++) {
      const a = kept[3 * t] as number, b = kept[3 * t + 1] as number, d = kept[3 * t + 2] as number;
      for (let k = 0; k < 3; k++) {
        this.corners[9 * t + k] = p[3 * a + k] as number;
        this.corners[9 * t + 3 + k] = p[3 * b + k] as number;
        this.corners[9 * t + 6 + k] = p[3 * d + k] as number;
      }
      this.reversed[t] = (b > d ? 1 : 0) | (d > a ? 2 : 0) | (a > b ? 4 : 0);
    }
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, size = 0;
    for (let i = 0; i < p.length; i += 3) {
      x0 = Math.min(x0, p[i] as number);
      x1 = Math.max(x1, p[i] as number);
      y0 = Math.min(y0, p[i + 1] as number);
      y1 = Math.max(y1, p[i + 1] as number);
    }
    for (let t = 0; t < f; t++) size += this.triMax(t, 0) - this.triMin(t, 0);
    this.x0 = x0;
    this.y0 = y0;
    this.cell = Math.max((2 * size) / Math.max(f, 1), (x1 - x0 + y1 - y0) / 2048, 1e-9);
    this.nx = Math.floor((x1 - x0) / this.cell) + 1;
    this.ny = Math.floor((y1 - y0) / this.cell) + 1;
    // Two passes over the triangles' cells: count per cell, then fill the prefix-summed slots.
    const counts = new Uint32Array(this.nx * this.ny + 1);
    this.countOrFill(f, counts, null);
    for (let c = 0; c < this.nx * this.ny; c++) counts[c + 1] = (counts[c + 1] as number) + (counts[c] as number);
    this.start = counts;
    this.items = new Uint32Array(counts[this.nx * this.ny] as number);
    this.countOrFill(f, counts.slice(), this.items);
  }

  /** For every triangle t and cell c its box overlaps: without `items`, counts it in slots[c + 1]; with them, writes t to items[slots[c]++]. */
  private countOrFill(f: number, slots: Uint32Array, items: Uint32Array | null): void {
    for (let t = 0; t < f; t++) {
      const i0 = this.col(this.triMin(t, 0)), i1 = this.col(this.triMax(t, 0));
      const j0 = this.row(this.triMin(t, 1)), j1 = this.row(this.triMax(t, 1));
      for (let j = j0; j <= j1; j++) {
        for (let i = i0; i <= i1; i++) {
          const c = j * this.nx + i;
          if (items === null) slots[c + 1] = (slots[c + 1] as number) + 1;
          else {
            items[slots[c] as number] = t;
            slots[c] = (slots[c] as number) + 1;
          }
        }
      }
    }
  }

  private col(x: number): number {
    return Math.min(this.nx - 1, Math.max(0, Math.floor((x - this.x0) / this.cell)));
  }
  private row(y: number): number {
    return Math.min(this.ny - 1, Math.max(0, Math.floor((y - this.y0) / this.cell)));
  }
  /** Smallest projected coordinate k (0: x, 1: y) of triangle t's corners. */
  private triMin(t: number, k: number): number {
    const c = this.corners;
    return Math.min(c[9 * t + k] as number, c[9 * t + 3 + k] as number, c[9 * t + 6 + k] as number);
  }
  /** Largest projected coordinate k (0: x, 1: y) of triangle t's corners. */
  private triMax(t: number, k: number): number {
    const c = this.corners;
    return Math.max(c[9 * t + k] as number, c[9 * t + 3 + k] as number, c[9 * t + 6 + k] as number);
  }

  /** Whether (x, y, z) is inside the solid. */
  contains(px: number, py: number, z: number): boolean {
    const x = px - SHEAR_X * z;
    const y = py - SHEAR_Y * z;
    const i = Math.floor((x - this.x0) / this.cell);
    const j = Math.floor((y - this.y0) / this.cell);
    if (i < 0 || j < 0 || i >= this.nx || j >= this.ny) return false;
    const cell = j * this.nx + i;
    const c = this.corners;
    let crossings = 0;
    for (let k = this.start[cell] as number, end = this.start[cell + 1] as number; k < end; k++) {
      const t = this.items[k] as number;
      const o = 9 * t;
      const r = this.reversed[t] as number;
      const ax = c[o] as number, ay = c[o + 1] as number;
      const bx = c[o + 3] as number, by = c[o + 4] as number;
      const dx = c[o + 6] as number, dy = c[o + 7] as number;
      // Most of a cell's triangles miss the point, usually on the first edge: stop at the first that says so.
      const w0 = edgeWeight(bx, by, dx, dy, (r & 1) !== 0, x, y);
      if (Number.isNaN(w0)) continue;
      const w1 = edgeWeight(dx, dy, ax, ay, (r & 2) !== 0, x, y);
      if (Number.isNaN(w1)) continue;
      const w2 = edgeWeight(ax, ay, bx, by, (r & 4) !== 0, x, y);
      if (Number.isNaN(w2)) continue;
      const sum = w0 + w1 + w2;
      // Height of the triangle's plane above (x, y), by barycentric interpolation.
      const zt = (w0 * (c[o + 2] as number) + w1 * (c[o + 5] as number) + w2 * (c[o + 8] as number)) / sum;
      if (zt > z) crossings++;
    }
    return crossings % 2 === 1;
  }
}

/** Direction of the parity ray: (SHEAR_X, SHEAR_Y, 1). */
const SHEAR_X = 1 / 73;
const SHEAR_Y = 1 / 131;

function orient(p: Float64Array, a: number, b: number, c: number): number {
  const ax = p[3 * a] as number, ay = p[3 * a + 1] as number;
  return ((p[3 * b] as number) - ax) * ((p[3 * c + 1] as number) - ay) - ((p[3 * b + 1] as number) - ay) * ((p[3 * c] as number) - ax);
}

/**
 * Edge function of the directed edge u→v at (x, y): positive on the inner (left) side; NaN when the point is
 * outside, or exactly on an edge the fill rule gives to the neighbour. `reversed`: u is the higher-numbered
 * vertex of the two.
 */
function edgeWeight(ux: number, uy: number, vx: number, vy: number, reversed: boolean, x: number, y: number): number {
  // Evaluate every edge from its lower-numbered end so the two triangles beside it see exactly opposite values
  // (rounding would otherwise let a point fall in neither or both).
  if (reversed) {
    const w = edgeFunction(vx, vy, ux, uy, x, y);
    if (w < 0) return -w;
    if (w > 0) return NaN;
    // The fill rule asks about this triangle's own direction u→v, so the neighbour (which has v→u) gets the
    // opposite answer and the edge is counted once.
    const dy = vy - uy;
    const dx = vx - ux;
    return dy > 0 || (dy === 0 && dx < 0) ? 0 : NaN;
  }
  const w = edgeFunction(ux, uy, vx, vy, x, y);
  if (w > 0) return w;
  if (w < 0) return NaN;
  const dy = vy - uy;
  const dx = vx - ux;
  // Half-open rule: an edge is owned by the triangle on its left iff it points up, or left when horizontal.
  return dy > 0 || (dy === 0 && dx < 0) ? 0 : NaN;
}

function edgeFunction(ux: number, uy: number, vx: number, vy: number, x: number, y: number): number {
  return (vx - ux) * (y - uy) - (vy - uy) * (x - ux);
}

/** Whether a point is inside a closed mesh (builds the acceleration grid each call; use {@link PointInMesh} for many points). */
export function pointInMesh(mesh: TriMesh, point: readonly [number, number, number]): boolean {
  return new PointInMesh(mesh).contains(point[0], point[1], point[2]);
}
