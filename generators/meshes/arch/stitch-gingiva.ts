/**
 * Cuts a hole per crown into the gingiva band's grid and fills the ring between each hole's edge and the
 * crown's margin loop with triangles, so gingiva and crowns share the margin vertices: one surface with no slits.
 *
 * Everything happens in the band's (s, n) plane (arc position, outward offset; mm), where the band is a graph and
 * the margin loops (projected crown cuts) are simple polygons:
 * 1. Remove every grid cell that a margin loop covers or passes within CLEARANCE of, then tidy the removed set
 *    (no kept cell enclosed by removed ones, no two removed cells meeting only at a corner) so that each group of
 *    removed cells is bounded by one simple staircase loop of grid vertices.
 * 2. Triangulate each group: the staircase is the outer contour, its margin loops are the holes (two neighbours'
 *    loops share a group where the papilla between them is narrower than a cell). Ear clipping (three.js'
 *    earcut) gives a valid triangulation; Lawson edge flips then make it the constrained Delaunay one, which
 *    removes the ears' slivers.
 */
import { ShapeUtils, Vector2 } from "three";
import type { GingivaSheet } from "./gingiva.js";

/** A crown's margin loop in the band's plane. */
export interface MarginLoop {
  /** Arc position and outward offset of each loop vertex, mm. */
  s: Float64Array;
  n: Float64Array;
}

/**
 * Least distance, mm, between a margin loop and a kept grid vertex [A: about half the band's 0.4 mm step
 * along the arch, so the ring's triangles are not slivers].
 */
const CLEARANCE = 0.2;
/** Spacing of the samples along a loop that mark the cells it passes through, mm [A: half the clearance]. */
const SAMPLE_STEP = 0.1;

/**
 * The gingiva's triangles, each counter-clockwise in the (s, n) plane (the band's outer side). Vertex ids: grid
 * vertex (i, j) is i * rows + j; the k-th vertex of all loops taken in order is columns * rows + k.
 *
 * Throws when a loop reaches the edge of the band (a crown wider than the band) or a group cannot be
 * triangulated (overlapping loops: crowns that cross each other at the gum line).
 */
export function stitchGingiva(sheet: GingivaSheet, loops: readonly MarginLoop[]): Uint32Array {
  const { columns, rows, arc, halfWidth, across } = sheet;
  const cellRows = rows - 1;
  const cellColumns = columns - 1;
  const removed = new Uint8Array(cellColumns * cellRows);
  const ds = ((arc[columns - 1] as number) - (arc[0] as number)) / (columns - 1);

  /** Cell holding (s, n), clamped to the grid, and whether (s, n) lies inside the band. */
  const cellOf = (s: number, n: number): number => {
    const fi = (s - (arc[0] as number)) / ds;
    const i = Math.min(cellColumns - 1, Math.max(0, Math.floor(fi)));
    const t = Math.min(1, Math.max(0, fi - i));
    const g = n / ((halfWidth[i] as number) + t * ((halfWidth[i + 1] as number) - (halfWidth[i] as number)));
    let lo = 0;
    let hi = rows - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((across[mid] as number) <= g) lo = mid;
      else hi = mid;
    }
    return i * cellRows + lo;
  };
  const gridS = (v: number) => arc[Math.floor(v / rows)] as number;
  const gridN = (v: number) => (halfWidth[Math.floor(v / rows)] as number) * (across[v % rows] as number);

  // 1. Cells a loop passes through or near, and cells with a corner inside a loop.
  for (const loop of loops) {
    const m = loop.s.length;
    let sMin = Infinity, sMax = -Infinity, nMin = Infinity, nMax = -Infinity;
    for (let k = 0; k < m; k++) {
      const s0 = loop.s[k] as number, n0 = loop.n[k] as number;
      const s1 = loop.s[(k + 1) % m] as number, n1 = loop.n[(k + 1) % m] as number;
      sMin = Math.min(sMin, s0);
      sMax = Math.max(sMax, s0);
      nMin = Math.min(nMin, n0);
      nMax = Math.max(nMax, n0);
      const steps = Math.max(1, Math.ceil(Math.hypot(s1 - s0, n1 - n0) / SAMPLE_STEP));
      for (let q = 0; q < steps; q++) {
        const s = s0 + ((s1 - s0) * q) / steps;
        const n = n0 + ((n1 - n0) * q) / steps;
        removed[cellOf(s, n)] = 1;
        removed[cellOf(s + CLEARANCE, n)] = 1;
        removed[cellOf(s - CLEARANCE, n)] = 1;
        removed[cellOf(s, n + CLEARANCE)] = 1;
        removed[cellOf(s, n - CLEARANCE)] = 1;
      }
    }
    const iFrom = Math.max(0, Math.floor((sMin - (arc[0] as number)) / ds));
    const iTo = Math.min(columns - 1, Math.ceil((sMax - (arc[0] as number)) / ds));
    for (let i = iFrom; i <= iTo; i++) {
      for (let j = 0; j < rows; j++) {
        const v = i * rows + j;
        const n = gridN(v);
        if (n < nMin || n > nMax || !insidePolygon(gridS(v), n, loop)) continue;
        for (const ci of [i - 1, i]) for (const cj of [j - 1, j]) if (ci >= 0 && ci < cellColumns && cj >= 0 && cj < cellRows) removed[ci * cellRows + cj] = 1;
      }
    }
  }
  for (let i = 0; i < cellColumns; i++) {
    for (let j = 0; j < cellRows; j++) {
      if (removed[i * cellRows + j] && (i === 0 || j === 0 || i === cellColumns - 1 || j === cellRows - 1)) {
        throw new RangeError(`stitchGingiva requires the crown margins inside the band: one reaches its edge at s = ${(arc[i] as number).toFixed(1)} mm`);
      }
    }
  }
  tidy(removed, cellColumns, cellRows);

  // Kept cells: the band's own two triangles.
  const triangles: number[] = [];
  for (let i = 0; i < cellColumns; i++) {
    for (let j = 0; j < cellRows; j++) {
      if (removed[i * cellRows + j]) continue;
      const a = i * rows + j, b = (i + 1) * rows + j, c = (i + 1) * rows + j + 1, d = i * rows + j + 1;
      triangles.push(a, b, c, a, c, d);
    }
  }

  // 2. Each group of removed cells, with the loops that start in it.
  const group = new Int32Array(removed.length).fill(-1);
  const groups: number[][] = [];
  for (let c = 0; c < removed.length; c++) {
    if (!removed[c] || group[c]! >= 0) continue;
    const cells: number[] = [];
    const stack = [c];
    group[c] = groups.length;
    while (stack.length > 0) {
      const x = stack.pop()!;
      cells.push(x);
      const i = Math.floor(x / cellRows), j = x % cellRows;
      for (const [di, dj] of SIDES) {
        const y = (i + di) * cellRows + j + dj;
        if (removed[y] && group[y]! < 0) {
          group[y] = groups.length;
          stack.push(y);
        }
      }
    }
    groups.push(cells);
  }
  const loopsOf: number[][] = groups.map(() => []);
  const loopStart: number[] = [];
  let offset = columns * rows;
  for (let l = 0; l < loops.length; l++) {
    loopStart.push(offset);
    offset += loops[l]!.s.length;
    loopsOf[group[cellOf(loops[l]!.s[0] as number, loops[l]!.n[0] as number)] as number]!.push(l);
  }

  for (let g = 0; g < groups.length; g++) {
    // The staircase, counter-clockwise: the removed cells' sides that face a kept cell, chained head to tail.
    const following = new Map<number, number>();
    for (const x of groups[g]!) {
      const i = Math.floor(x / cellRows), j = x % cellRows;
      const corners = [i * rows + j, (i + 1) * rows + j, (i + 1) * rows + j + 1, i * rows + j + 1];
      SIDES.forEach(([di, dj], side) => {
        if (!removed[(i + di) * cellRows + j + dj]) following.set(corners[side]!, corners[(side + 1) % 4]!);
      });
    }
    const contour: number[] = [];
    const first = Math.min(...following.keys());
    let v = first;
    do {
      contour.push(v);
      v = following.get(v)!;
    } while (v !== first && contour.length <= following.size);
    if (contour.length !== following.size) throw new RangeError("stitchGingiva: a hole's edge is not one loop");

    const ids = [...contour];
    const xs = contour.map(gridS);
    const ys = contour.map(gridN);
    const rings: number[] = [0];
    for (const l of loopsOf[g]!) {
      rings.push(ids.length);
      const loop = loops[l]!;
      for (let k = 0; k < loop.s.length; k++) {
        ids.push(loopStart[l]! + k);
        xs.push(loop.s[k] as number);
        ys.push(loop.n[k] as number);
      }
    }
    rings.push(ids.length);
    const local = triangulateRings(xs, ys, rings);
    for (const k of local) triangles.push(ids[k]!);
  }
  return Uint32Array.from(triangles);
}

/** Neighbour offsets (di, dj) across a cell's sides, in counter-clockwise order from the side j = const below. */
const SIDES: readonly (readonly [number, number])[] = [
  [0, -1],
  [1, 0],
  [0, 1],
  [-1, 0],
];

/**
 * Grows the removed set until each group of removed cells is bounded by one simple loop: kept cells cut off
 * from the band's edge are removed, and so are kept cells that meet another kept cell only at a corner where the
 * other two cells are removed (the staircase would touch itself there).
 */
function tidy(removed: Uint8Array, cellColumns: number, cellRows: number): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i + 1 < cellColumns; i++) {
      for (let j = 0; j + 1 < cellRows; j++) {
        const c00 = i * cellRows + j, c10 = c00 + cellRows, c01 = c00 + 1, c11 = c10 + 1;
        const diagonal = removed[c00] === removed[c11] && removed[c10] === removed[c01] && removed[c00] !== removed[c10];
        if (diagonal) {
          removed[c00] = removed[c10] = removed[c01] = removed[c11] = 1;
          changed = true;
        }
      }
    }
    // Kept cells reachable from the edge (the edge cells are all kept: checked by the caller).
    const reached = new Uint8Array(removed.length);
    const stack = [0];
    reached[0] = 1;
    while (stack.length > 0) {
      const x = stack.pop()!;
      const i = Math.floor(x / cellRows), j = x % cellRows;
      for (const [di, dj] of SIDES) {
        const ni = i + di, nj = j + dj;
        if (ni < 0 || nj < 0 || ni >= cellColumns || nj >= cellRows) continue;
        const y = ni * cellRows + nj;
        if (!removed[y] && !reached[y]) {
          reached[y] = 1;
          stack.push(y);
        }
      }
    }
    for (let c = 0; c < removed.length; c++) {
      if (!removed[c] && !reached[c]) {
        removed[c] = 1;
        changed = true;
      }
    }
  }
}

/** Even-odd test of (s, n) against a loop. */
function insidePolygon(s: number, n: number, loop: MarginLoop): boolean {
  let inside = false;
  const m = loop.s.length;
  for (let k = 0, l = m - 1; k < m; l = k++) {
    const sk = loop.s[k] as number, nk = loop.n[k] as number, sl = loop.s[l] as number, nl = loop.n[l] as number;
    if (nk > n !== nl > n && s < ((sl - sk) * (n - nk)) / (nl - nk) + sk) inside = !inside;
  }
  return inside;
}

/**
 * Triangles (local vertex indices, counter-clockwise) of the region inside ring 0 and outside the other rings;
 * `rings` holds each ring's first index and, last, the vertex count. Every vertex is used: earcut skips vertices
 * on a straight run of a ring, and the triangle over such a run is split at them (a T-junction would leave a
 * slit in the mesh). Lawson flips then make the triangulation constrained Delaunay.
 */
function triangulateRings(xs: number[], ys: number[], rings: number[]): number[] {
  const ringPoints = (r: number) => {
    const out: Vector2[] = [];
    for (let k = rings[r]!; k < rings[r + 1]!; k++) out.push(new Vector2(xs[k], ys[k]));
    return out;
  };
  const holes: Vector2[][] = [];
  for (let r = 1; r + 1 < rings.length; r++) holes.push(ringPoints(r));
  const faces = ShapeUtils.triangulateShape(ringPoints(0), holes);
  const orient = (a: number, b: number, c: number) => (xs[b]! - xs[a]!) * (ys[c]! - ys[a]!) - (ys[b]! - ys[a]!) * (xs[c]! - xs[a]!);
  const tris: [number, number, number][] = faces.map(([a, b, c]) => (orient(a!, b!, c!) >= 0 ? [a!, b!, c!] : [a!, c!, b!]));

  // Split the triangle over each run of skipped ring vertices.
  const used = new Uint8Array(xs.length);
  for (const t of tris) for (const v of t) used[v] = 1;
  const edgeOwner = new Map<string, number>();
  const key = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);
  tris.forEach((t, i) => {
    for (let k = 0; k < 3; k++) edgeOwner.set(key(t[k]!, t[(k + 1) % 3]!), i);
  });
  for (let r = 0; r + 1 < rings.length; r++) {
    const from = rings[r]!, to = rings[r + 1]!, size = to - from;
    const start = Array.from({ length: size }, (_, k) => from + k).find((v) => used[v]);
    if (start === undefined) throw new RangeError("stitchGingiva: a ring vanished in triangulation");
    for (let k = 0; k < size; ) {
      const u = from + ((start - from + k) % size);
      let step = 1;
      const run: number[] = [];
      while (!used[from + ((start - from + k + step) % size)]) run.push(from + ((start - from + k + step++) % size));
      const w = from + ((start - from + k + step) % size);
      if (run.length > 0) {
        const owner = edgeOwner.get(key(u, w));
        if (owner === undefined) throw new RangeError("stitchGingiva: skipped ring vertices are not on a triangle's edge");
        const t = tris[owner]!;
        const apex = t.find((x) => x !== u && x !== w)!;
        // Triangle (u, w, apex) when u → w runs along it, else (w, u, apex); fan from the apex along the run.
        const chain = t[(t.indexOf(u) + 1) % 3] === w ? [u, ...run, w] : [w, ...run.reverse(), u];
        tris[owner] = [chain[0]!, chain[1]!, apex];
        for (let q = 1; q + 1 < chain.length; q++) tris.push([chain[q]!, chain[q + 1]!, apex]);
        for (const v of run) used[v] = 1;
      }
      k += step;
    }
  }
  lawsonFlips(xs, ys, tris);
  return tris.flat();
}

/**
 * Flips interior edges until every one is locally Delaunay in the (s, n) plane (the empty-circumcircle test),
 * skipping flips that would fold a triangle. Ring edges are boundary edges here (one triangle each), so they stay.
 * (Judging the flips on the 3D triangles instead was tried: it gave ~30 % more crossings at the gum line.)
 */
function lawsonFlips(xs: number[], ys: number[], tris: [number, number, number][]): void {
  const orient = (a: number, b: number, c: number) => (xs[b]! - xs[a]!) * (ys[c]! - ys[a]!) - (ys[b]! - ys[a]!) * (xs[c]! - xs[a]!);
  const inCircle = (a: number, b: number, c: number, d: number) => {
    const ax = xs[a]! - xs[d]!, ay = ys[a]! - ys[d]!;
    const bx = xs[b]! - xs[d]!, by = ys[b]! - ys[d]!;
    const cx = xs[c]! - xs[d]!, cy = ys[c]! - ys[d]!;
    return (ax * ax + ay * ay) * (bx * cy - cx * by) - (bx * bx + by * by) * (ax * cy - cx * ay) + (cx * cx + cy * cy) * (ax * by - bx * ay);
  };
  const n = xs.length;
  const directed = new Map<number, number>();
  const register = (i: number) => {
    const t = tris[i]!;
    for (let k = 0; k < 3; k++) directed.set(t[k]! * n + t[(k + 1) % 3]!, i);
  };
  tris.forEach((_, i) => register(i));
  const stack = tris.map((_, i) => i).reverse();
  // Each flip strictly shrinks the sum of circumcircle powers, so this ends; the budget [A] only guards ties.
  for (let budget = 50 * tris.length; stack.length > 0 && budget > 0; budget--) {
    const i = stack.pop()!;
    for (let k = 0; k < 3; k++) {
      const t = tris[i]!;
      const u = t[k]!, v = t[(k + 1) % 3]!, w = t[(k + 2) % 3]!;
      const j = directed.get(v * n + u);
      if (j === undefined) continue;
      const o = tris[j]!;
      const z = o[(o.indexOf(v) + 2) % 3]!;
      // Flip u–v to w–z when z lies strictly inside (u, v, w)'s circumcircle [A: relative tolerance for ties].
      const scale = orient(u, v, w) * ((xs[u]! - xs[w]!) ** 2 + (ys[u]! - ys[w]!) ** 2 + (xs[v]! - xs[w]!) ** 2 + (ys[v]! - ys[w]!) ** 2);
      if (!(inCircle(u, v, w, z) > 1e-9 * Math.abs(scale))) continue;
      if (!(orient(w, u, z) > 0 && orient(z, v, w) > 0)) continue;
      directed.delete(u * n + v);
      directed.delete(v * n + u);
      tris[i] = [w, u, z];
      tris[j] = [z, v, w];
      register(i);
      register(j);
      stack.push(i, j);
      break;
    }
  }
}
