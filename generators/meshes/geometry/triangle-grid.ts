import type { TriMesh } from "./tri-mesh.js";

/**
 * A uniform grid of the triangles' bounding boxes: each triangle is listed in every cell its box overlaps, so a
 * query box only meets the triangles of the cells it covers. With cells about two mean triangle sizes wide a
 * cell holds a handful of triangles, which turns all-pairs searches from O(F²) into about O(F).
 *
 * The mesh checks query these grids millions of times per patient, so the loops are written out without
 * per-cell callbacks or range tuples.
 */
export class TriangleGrid {
  readonly mesh: TriMesh;
  /** Per triangle: minX, minY, minZ, maxX, maxY, maxZ. */
  readonly boxes: Float64Array;
  private readonly origin: Float64Array;
  private readonly cell: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly nz: number;
  /** CSR layout: triangles of cell c are items[start[c] .. start[c + 1]). */
  private readonly start: Uint32Array;
  private readonly items: Uint32Array;
  /** Cell range of the last box given to cellRange: x0, x1, y0, y1, z0, z1 (float: NaN boxes give empty loops). */
  private readonly range = new Float64Array(6);
  /** The candidate list {@link query} hands to its visitor (length F, made on first use; null while in use). */
  private scratch: Uint32Array | null = null;

  constructor(mesh: TriMesh, maxCells = 1 << 21) {
    this.mesh = mesh;
    const p = mesh.positions;
    const idx = mesh.indices;
    const f = idx.length / 3;
    const boxes = new Float64Array(6 * f);
    const lo = [Infinity, Infinity, Infinity];
    const hi = [-Infinity, -Infinity, -Infinity];
    let sizeSum = 0;
    for (let t = 0; t < f; t++) {
      const a = 3 * (idx[3 * t] as number), b = 3 * (idx[3 * t + 1] as number), c = 3 * (idx[3 * t + 2] as number);
      for (let k = 0; k < 3; k++) {
        // Compares rather than Math.min/max: a NaN coordinate is skipped, not spread.
        let mn = Infinity;
        let mx = -Infinity;
        const va = p[a + k] as number, vb = p[b + k] as number, vc = p[c + k] as number;
        if (va < mn) mn = va;
        if (va > mx) mx = va;
        if (vb < mn) mn = vb;
        if (vb > mx) mx = vb;
        if (vc < mn) mn = vc;
        if (vc > mx) mx = vc;
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
    const span = [hi[0]! - lo[0]!, hi[1]! - lo[1]!, hi[2]! - lo[2]!];
    let cell = Math.max((2 * sizeSum) / Math.max(1, 3 * f), 1e-9);
    // Keep the cell count bounded on meshes of very uneven triangles.
    while (Math.ceil(span[0]! / cell + 1) * Math.ceil(span[1]! / cell + 1) * Math.ceil(span[2]! / cell + 1) > maxCells) cell *= 1.5;
    this.cell = cell;
    this.origin = Float64Array.from(lo);
    this.nx = Math.ceil(span[0]! / cell) + 1;
    this.ny = Math.ceil(span[1]! / cell) + 1;
    this.nz = Math.ceil(span[2]! / cell) + 1;
    const nCells = this.nx * this.ny * this.nz;
    // Two passes over the triangles' cells: count per cell, then fill the prefix-summed slots.
    const counts = new Uint32Array(nCells + 1);
    const entries = this.countOrFill(f, counts, null);
    for (let c = 0; c < nCells; c++) counts[c + 1] = (counts[c + 1] as number) + (counts[c] as number);
    this.start = counts;
    this.items = new Uint32Array(entries);
    this.countOrFill(f, counts.slice(0, nCells), this.items);
  }

  /**
   * For every triangle t and every cell c its box overlaps: without `items`, counts it in slots[c + 1]; with
   * them, writes t to items[slots[c]++]. Returns the number of (cell, triangle) entries.
   */
  private countOrFill(f: number, slots: Uint32Array, items: Uint32Array | null): number {
    const { nx, ny } = this;
    const r = this.range;
    let entries = 0;
    for (let t = 0; t < f; t++) {
      this.cellRange(this.boxes, 6 * t);
      const x0 = r[0] as number, x1 = r[1] as number, y0 = r[2] as number, y1 = r[3] as number, z0 = r[4] as number, z1 = r[5] as number;
      for (let z = z0; z <= z1; z++) {
        for (let y = y0; y <= y1; y++) {
          for (let x = x0; x <= x1; x++) {
            const c = (z * ny + y) * nx + x;
            if (items === null) slots[c + 1] = (slots[c + 1] as number) + 1;
            else {
              items[slots[c] as number] = t;
              slots[c] = (slots[c] as number) + 1;
            }
            entries++;
          }
        }
      }
    }
    return entries;
  }

  /** Writes the range of cells the box (minX minY minZ maxX maxY maxZ at `at`) overlaps to this.range. */
  private cellRange(box: ArrayLike<number>, at: number): void {
    const o = this.origin;
    const cell = this.cell;
    const r = this.range;
    r[0] = Math.max(0, Math.floor(((box[at] as number) - (o[0] as number)) / cell));
    r[1] = Math.min(this.nx - 1, Math.floor(((box[at + 3] as number) - (o[0] as number)) / cell));
    r[2] = Math.max(0, Math.floor(((box[at + 1] as number) - (o[1] as number)) / cell));
    r[3] = Math.min(this.ny - 1, Math.floor(((box[at + 4] as number) - (o[1] as number)) / cell));
    r[4] = Math.max(0, Math.floor(((box[at + 2] as number) - (o[2] as number)) / cell));
    r[5] = Math.min(this.nz - 1, Math.floor(((box[at + 5] as number) - (o[2] as number)) / cell));
  }

  /**
   * Calls `visit` once per triangle whose box overlaps the query box (minX minY minZ maxX maxY maxZ at `at`).
   * `stamp` (length F, caller-owned) and the caller's unique `token` de-duplicate triangles listed in many cells.
   */
  query(box: ArrayLike<number>, at: number, stamp: Int32Array, token: number, visit: (triangle: number) => void): void {
    // `visit` may query this grid again, so the list is taken out of the scratch slot while in use.
    const found = this.scratch ?? new Uint32Array(this.boxes.length / 6);
    this.scratch = null;
    const n = this.queryInto(box, at, stamp, token, found);
    for (let i = 0; i < n; i++) visit(found[i] as number);
    this.scratch = found;
  }

  /**
   * The triangles {@link query} would visit, in the same order, written to `out` (length at least the mesh's
   * triangle count); returns how many. Lets hot callers loop over candidates without a callback.
   */
  queryInto(box: ArrayLike<number>, at: number, stamp: Int32Array, token: number, out: Uint32Array): number {
    const { nx, ny, boxes, start, items } = this;
    this.cellRange(box, at);
    const r = this.range;
    const x0 = r[0] as number, x1 = r[1] as number, y0 = r[2] as number, y1 = r[3] as number, z0 = r[4] as number, z1 = r[5] as number;
    const bx0 = box[at] as number, by0 = box[at + 1] as number, bz0 = box[at + 2] as number;
    const bx1 = box[at + 3] as number, by1 = box[at + 4] as number, bz1 = box[at + 5] as number;
    let n = 0;
    for (let z = z0; z <= z1; z++) {
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const c = (z * ny + y) * nx + x;
          for (let i = start[c] as number, end = start[c + 1] as number; i < end; i++) {
            const t = items[i] as number;
            if (stamp[t] === token) continue;
            stamp[t] = token;
            const b = 6 * t;
            if ((boxes[b] as number) <= bx1 && bx0 <= (boxes[b + 3] as number) && (boxes[b + 1] as number) <= by1 && by0 <= (boxes[b + 4] as number) && (boxes[b + 2] as number) <= bz1 && bz0 <= (boxes[b + 5] as number)) {
              out[n++] = t;
            }
          }
        }
      }
    }
    return n;
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
