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
 */
export class PointInMesh {
  private readonly p: Float64Array;
  private readonly tris: Uint32Array;
  private readonly x0: number;
  private readonly y0: number;
  private readonly cell: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly start: Uint32Array;
  private readonly items: Uint32Array;

  constructor(mesh: TriMesh) {
    this.p = Float64Array.from(mesh.positions);
    for (let i = 0; i < this.p.length; i += 3) {
      this.p[i] = (this.p[i] as number) - SHEAR_X * (this.p[i + 2] as number);
      this.p[i + 1] = (this.p[i + 1] as number) - SHEAR_Y * (this.p[i + 2] as number);
    }
    const idx = mesh.indices;
    const p = this.p;
    // Keep the triangles that are not vertical, each reordered counter-clockwise in xy.
    const kept: number[] = [];
    for (let t = 0; t < idx.length; t += 3) {
      const a = idx[t] as number;
      let b = idx[t + 1] as number;
      let c = idx[t + 2] as number;
      const o = orient(p, a, b, c);
      if (o === 0) continue;
      if (o < 0) [b, c] = [c, b];
      kept.push(a, b, c);
    }
    this.tris = Uint32Array.from(kept);
    const f = kept.length / 3;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, size = 0;
    for (let i = 0; i < p.length; i += 3) {
      x0 = Math.min(x0, p[i] as number);
      x1 = Math.max(x1, p[i] as number);
      y0 = Math.min(y0, p[i + 1] as number);
      y1 = Math.max(y1, p[i + 1] as number);
    }
    for (let t = 0; t < f; t++) {
      const [bx0, , bx1] = this.triBox(t);
      size += bx1 - bx0;
    }
    this.x0 = x0;
    this.y0 = y0;
    this.cell = Math.max((2 * size) / Math.max(f, 1), (x1 - x0 + y1 - y0) / 2048, 1e-9);
    this.nx = Math.floor((x1 - x0) / this.cell) + 1;
    this.ny = Math.floor((y1 - y0) / this.cell) + 1;
    const counts = new Uint32Array(this.nx * this.ny + 1);
    const each = (visit: (c: number, t: number) => void) => {
      for (let t = 0; t < f; t++) {
        const [ax, ay, bx, by] = this.triBox(t);
        const i0 = this.col(ax), i1 = this.col(bx), j0 = this.row(ay), j1 = this.row(by);
        for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) visit(j * this.nx + i, t);
      }
    };
    each((c) => void (counts[c + 1] = (counts[c + 1] as number) + 1));
    for (let c = 0; c < this.nx * this.ny; c++) counts[c + 1] = (counts[c + 1] as number) + (counts[c] as number);
    this.start = counts;
    this.items = new Uint32Array(counts[this.nx * this.ny] as number);
    const fill = counts.slice();
    each((c, t) => {
      this.items[fill[c] as number] = t;
      fill[c] = (fill[c] as number) + 1;
    });
  }

  private col(x: number): number {
    return Math.min(this.nx - 1, Math.max(0, Math.floor((x - this.x0) / this.cell)));
  }
  private row(y: number): number {
    return Math.min(this.ny - 1, Math.max(0, Math.floor((y - this.y0) / this.cell)));
  }
  private triBox(t: number): [number, number, number, number] {
    const p = this.p;
    const a = 3 * (this.tris[3 * t] as number), b = 3 * (this.tris[3 * t + 1] as number), c = 3 * (this.tris[3 * t + 2] as number);
    return [
      Math.min(p[a] as number, p[b] as number, p[c] as number),
      Math.min(p[a + 1] as number, p[b + 1] as number, p[c + 1] as number),
      Math.max(p[a] as number, p[b] as number, p[c] as number),
      Math.max(p[a + 1] as number, p[b + 1] as number, p[c + 1] as number),
    ];
  }

  /** Whether (x, y, z) is inside the solid. */
  contains(px: number, py: number, z: number): boolean {
    const x = px - SHEAR_X * z;
    const y = py - SHEAR_Y * z;
    const i = Math.floor((x - this.x0) / this.cell);
    const j = Math.floor((y - this.y0) / this.cell);
    if (i < 0 || j < 0 || i >= this.nx || j >= this.ny) return false;
    const c = j * this.nx + i;
    const p = this.p;
    let crossings = 0;
    for (let k = this.start[c] as number, end = this.start[c + 1] as number; k < end; k++) {
      const t = this.items[k] as number;
      const a = 3 * (this.tris[3 * t] as number), b = 3 * (this.tris[3 * t + 1] as number), d = 3 * (this.tris[3 * t + 2] as number);
      const w0 = edgeWeight(p, b, d, x, y);
      const w1 = edgeWeight(p, d, a, x, y);
      const w2 = edgeWeight(p, a, b, x, y);
      if (Number.isNaN(w0) || Number.isNaN(w1) || Number.isNaN(w2)) continue;
      const sum = w0 + w1 + w2;
      // Height of the triangle's plane above (x, y), by barycentric interpolation.
      const zt = (w0 * (p[a + 2] as number) + w1 * (p[b + 2] as number) + w2 * (p[d + 2] as number)) / sum;
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
 * outside, or exactly on an edge the fill rule gives to the neighbour.
 */
function edgeWeight(p: Float64Array, u: number, v: number, x: number, y: number): number {
  // Evaluate every edge from its lower-numbered end so the two triangles beside it see exactly opposite values
  // (rounding would otherwise let a point fall in neither or both).
  if (u > v) {
    const w = edgeFunction(p, v, u, x, y);
    if (w < 0) return -w;
    if (w > 0) return NaN;
    const dy = (p[u + 1] as number) - (p[v + 1] as number);
    const dx = (p[u] as number) - (p[v] as number);
    return dy > 0 || (dy === 0 && dx < 0) ? 0 : NaN;
  }
  const w = edgeFunction(p, u, v, x, y);
  if (w > 0) return w;
  if (w < 0) return NaN;
  const dy = (p[v + 1] as number) - (p[u + 1] as number);
  const dx = (p[v] as number) - (p[u] as number);
  // Half-open rule: an edge is owned by the triangle on its left iff it points up, or left when horizontal.
  return dy > 0 || (dy === 0 && dx < 0) ? 0 : NaN;
}

function edgeFunction(p: Float64Array, u: number, v: number, x: number, y: number): number {
  const ux = p[u] as number, uy = p[u + 1] as number, vx = p[v] as number, vy = p[v + 1] as number;
  return (vx - ux) * (y - uy) - (vy - uy) * (x - ux);
}

/** Whether a point is inside a closed mesh (builds the acceleration grid each call; use {@link PointInMesh} for many points). */
export function pointInMesh(mesh: TriMesh, point: readonly [number, number, number]): boolean {
  return new PointInMesh(mesh).contains(point[0], point[1], point[2]);
}
