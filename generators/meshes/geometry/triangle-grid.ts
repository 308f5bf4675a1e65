import type { TriMesh } from "./tri-mesh.js";

/**
 * A uniform grid of the triangles' bounding boxes: each triangle is listed in every cell its box overlaps, so a
 * query box only meets the triangles of the cells it covers. With cells about two mean triangle sizes wide a
 * cell holds a handful of triangles, which turns all-pairs searches from O(F²) into about O(F).
 */
export class TriangleGrid {
  readonly mesh: TriMesh;
  /** Per triangle: minX, minY, minZ, maxX, maxY, maxZ. */
  readonly boxes: Float64Array;
  private readonly origin: [number, number, number];
  private readonly cell: number;
  private readonly dims: [number, number, number];
  /** CSR layout: triangles of cell c are items[start[c] .. start[c + 1]). */
  private readonly start: Uint32Array;
  private readonly items: Uint32Array;

  constructor(mesh: TriMesh, maxCells = 1 << 21) {
    this.mesh = mesh;
    const p = mesh.positions;
    const idx = mesh.indices;
    const f = idx.length / 3;
    const boxes = new Float64Array(6 * f);
    const lo: [number, number, number] = [Infinity, Infinity, Infinity];
    const hi: [number, number, number] = [-Infinity, -Infinity, -Infinity];
    let sizeSum = 0;
    for (let t = 0; t < f; t++) {
      for (let k = 0; k < 3; k++) {
        let mn = Infinity;
        let mx = -Infinity;
        for (let c = 0; c < 3; c++) {
          const v = p[3 * (idx[3 * t + c] as number) + k] as number;
          if (v < mn) mn = v;
          if (v > mx) mx = v;
        }
        boxes[6 * t + k] = mn;
        boxes[6 * t + 3 + k] = mx;
        if (mn < (lo[k] as number)) lo[k] = mn;
        if (mx > (hi[k] as number)) hi[k] = mx;
        sizeSum += mx - mn;
      }
    }
    this.boxes = boxes;
    if (f === 0) {
      lo.fill(0);
      hi.fill(0);
    }
    const span = [hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]];
    let cell = Math.max((2 * sizeSum) / Math.max(1, 3 * f), 1e-9);
    // Keep the cell count bounded on meshes of very uneven triangles.
    while (Math.ceil(span[0]! / cell + 1) * Math.ceil(span[1]! / cell + 1) * Math.ceil(span[2]! / cell + 1) > maxCells) cell *= 1.5;
    this.cell = cell;
    this.origin = lo;
    this.dims = [Math.ceil(span[0]! / cell) + 1, Math.ceil(span[1]! / cell) + 1, Math.ceil(span[2]! / cell) + 1];
    const nCells = this.dims[0] * this.dims[1] * this.dims[2];
    const counts = new Uint32Array(nCells + 1);
    this.forCellsOfTriangle(f, (c) => void (counts[c + 1] = (counts[c + 1] as number) + 1));
    for (let c = 0; c < nCells; c++) counts[c + 1] = (counts[c + 1] as number) + (counts[c] as number);
    this.start = counts;
    this.items = new Uint32Array(counts[nCells] as number);
    const fill = counts.slice(0, nCells);
    this.forCellsOfTriangle(f, (c, t) => {
      this.items[fill[c] as number] = t;
      fill[c] = (fill[c] as number) + 1;
    });
  }

  private forCellsOfTriangle(f: number, visit: (cell: number, triangle: number) => void): void {
    for (let t = 0; t < f; t++) {
      this.forCellsOfBox(this.boxes, 6 * t, (c) => visit(c, t));
    }
  }

  private forCellsOfBox(box: ArrayLike<number>, at: number, visit: (cell: number) => void): void {
    const [nx, ny, nz] = this.dims;
    const range = (k: number, n: number): [number, number] => [
      Math.max(0, Math.floor(((box[at + k] as number) - this.origin[k]!) / this.cell)),
      Math.min(n - 1, Math.floor(((box[at + 3 + k] as number) - this.origin[k]!) / this.cell)),
    ];
    const [x0, x1] = range(0, nx);
    const [y0, y1] = range(1, ny);
    const [z0, z1] = range(2, nz);
    for (let z = z0; z <= z1; z++) for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) visit((z * ny + y) * nx + x);
  }

  /**
   * Calls `visit` once per triangle whose box overlaps the query box (minX minY minZ maxX maxY maxZ at `at`).
   * `stamp` (length F, caller-owned) and the caller's unique `token` de-duplicate triangles listed in many cells.
   */
  query(box: ArrayLike<number>, at: number, stamp: Int32Array, token: number, visit: (triangle: number) => void): void {
    const boxes = this.boxes;
    this.forCellsOfBox(box, at, (c) => {
      for (let i = this.start[c] as number, end = this.start[c + 1] as number; i < end; i++) {
        const t = this.items[i] as number;
        if (stamp[t] === token) continue;
        stamp[t] = token;
        let overlap = true;
        for (let k = 0; k < 3 && overlap; k++) {
          overlap = (boxes[6 * t + k] as number) <= (box[at + 3 + k] as number) && (box[at + k] as number) <= (boxes[6 * t + 3 + k] as number);
        }
        if (overlap) visit(t);
      }
    });
  }
}

/** The 9 coordinates of triangle t, written into `out`. */
export function triangleCoordinates(mesh: TriMesh, t: number, out: Float64Array): Float64Array {
  for (let c = 0; c < 3; c++) {
    const v = 3 * (mesh.indices[3 * t + c] as number);
    out[3 * c] = mesh.positions[v] as number;
    out[3 * c + 1] = mesh.positions[v + 1] as number;
    out[3 * c + 2] = mesh.positions[v + 2] as number;
  }
  return out;
}
