/** Checks of an arch scan as one open surface, shared by the scan tests. */
import type { ArchScanResult } from "../../../../generators/meshes/arch/generate-arch-scan.js";
import { checkEdgeManifold } from "../../../../generators/meshes/geometry/edge-manifold.js";
import { findSelfIntersections } from "../../../../generators/meshes/geometry/self-intersections.js";
import type { TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";

/** The boundary edges (in one triangle only) grouped into connected loops, each as its vertex set. */
export function boundaryLoops(mesh: TriMesh): number[][] {
  const idx = mesh.indices;
  const n = mesh.positions.length / 3;
  const uses = new Map<number, number>();
  for (let t = 0; t < idx.length; t += 3) {
    for (let k = 0; k < 3; k++) {
      const a = idx[t + k]!, b = idx[t + ((k + 1) % 3)]!;
      const key = Math.min(a, b) * n + Math.max(a, b);
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
  }
  const adjacent = new Map<number, number[]>();
  for (const [key, count] of uses) {
    if (count !== 1) continue;
    const a = Math.floor(key / n), b = key % n;
    for (const [u, v] of [[a, b], [b, a]] as const) adjacent.set(u, [...(adjacent.get(u) ?? []), v]);
  }
  const seen = new Set<number>();
  const loops: number[][] = [];
  for (const v of adjacent.keys()) {
    if (seen.has(v)) continue;
    const loop: number[] = [];
    const stack = [v];
    seen.add(v);
    while (stack.length > 0) {
      const u = stack.pop()!;
      loop.push(u);
      for (const w of adjacent.get(u)!) if (!seen.has(w)) (seen.add(w), stack.push(w));
    }
    loops.push(loop);
  }
  return loops;
}

/** Triangles with zero area or a repeated corner, and triangles repeating another's corner set. */
export function triangleProblems(mesh: TriMesh): { degenerate: number; duplicate: number } {
  const p = mesh.positions, idx = mesh.indices;
  const seen = new Set<string>();
  let degenerate = 0, duplicate = 0;
  for (let t = 0; t < idx.length; t += 3) {
    const [a, b, c] = [idx[t]!, idx[t + 1]!, idx[t + 2]!];
    const u = [0, 1, 2].map((k) => p[3 * b + k]! - p[3 * a + k]!);
    const v = [0, 1, 2].map((k) => p[3 * c + k]! - p[3 * a + k]!);
    const area = Math.hypot(u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!) / 2;
    if (a === b || b === c || a === c || area < 1e-8) degenerate++;
    const key = [a, b, c].sort((x, y) => x - y).join(",");
    if (seen.has(key)) duplicate++;
    seen.add(key);
  }
  return { degenerate, duplicate };
}

/** Vertices of a crown (label ≠ 0) that share a triangle with the gingiva (label 0): the seam. */
export function seamVertices(mesh: TriMesh, labels: Uint8Array): Set<number> {
  const seam = new Set<number>();
  const idx = mesh.indices;
  for (let t = 0; t < idx.length; t += 3) {
    const tri = [idx[t]!, idx[t + 1]!, idx[t + 2]!];
    if (!tri.some((v) => labels[v] === 0)) continue;
    for (const v of tri) if (labels[v] !== 0) seam.add(v);
  }
  return seam;
}

/**
 * Intersecting triangle pairs among the triangles within `radius` mm of a seam vertex, leaving out pairs from two
 * different crowns (neighbours touching at their contact: the placement's business, not the gum line's). Each
 * pair as the two triangles' corner vertices.
 */
export function gumLineIntersections(mesh: TriMesh, labels: Uint8Array, radius = 1): number[][][] {
  const seam = [...seamVertices(mesh, labels)];
  const p = mesh.positions, idx = mesh.indices;
  // Vertices near the seam, by a hash grid of cell = radius.
  const cellOf = (v: number) => [0, 1, 2].map((k) => Math.floor(p[3 * v + k]! / radius));
  const grid = new Map<string, number[]>();
  for (const v of seam) {
    const key = cellOf(v).join(",");
    grid.set(key, [...(grid.get(key) ?? []), v]);
  }
  const near = (v: number) => {
    const [x, y, z] = cellOf(v) as [number, number, number];
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) for (let dz = -1; dz <= 1; dz++) {
      for (const s of grid.get(`${x + dx},${y + dy},${z + dz}`) ?? []) {
        if (Math.hypot(p[3 * v]! - p[3 * s]!, p[3 * v + 1]! - p[3 * s + 1]!, p[3 * v + 2]! - p[3 * s + 2]!) <= radius) return true;
      }
    }
    return false;
  };
  const kept: number[] = [];
  for (let t = 0; t < idx.length; t += 3) if (near(idx[t]!) || near(idx[t + 1]!) || near(idx[t + 2]!)) kept.push(t);
  const sub: TriMesh = { positions: p, indices: Uint32Array.from(kept.flatMap((t) => [idx[t]!, idx[t + 1]!, idx[t + 2]!])) };
  const owner = (t: number) => Math.max(...[0, 1, 2].map((k) => labels[sub.indices[3 * t + k]!]!));
  const corners = (t: number) => [0, 1, 2].map((k) => sub.indices[3 * t + k]!);
  return findSelfIntersections(sub, 1000)
    .filter(([a, b]) => owner(a) === 0 || owner(b) === 0 || owner(a) === owner(b))
    .map(([a, b]) => [corners(a), corners(b)]);
}

/** Everything the scan-surface tests assert, gathered for one scan. */
export function surfaceReport(result: ArchScanResult) {
  const { scan, gingiva } = result;
  const manifold = checkEdgeManifold(scan.mesh);
  const loops = boundaryLoops(scan.mesh);
  // The band's border: its first and last rows (lingual and buccal feet) and columns (distal ends).
  const { columns, rows } = gingiva.sheet;
  const border = new Set<string>();
  const bp = gingiva.mesh.positions;
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < rows; j++) {
      if (i === 0 || j === 0 || i === columns - 1 || j === rows - 1) border.add([0, 1, 2].map((k) => bp[3 * (i * rows + j) + k]).join(","));
    }
  }
  const p = scan.mesh.positions;
  const boundary = loops.flat();
  return {
    nonManifoldEdges: manifold.nonManifoldEdges,
    inconsistentEdges: manifold.inconsistentEdges,
    loops: loops.length,
    boundaryOffBorder: boundary.filter((v) => !border.has([0, 1, 2].map((k) => p[3 * v + k]).join(","))).length,
    boundaryOnCrowns: boundary.filter((v) => scan.labels[v] !== 0).length,
    ...triangleProblems(scan.mesh),
    gumLineIntersections: gumLineIntersections(scan.mesh, scan.labels).length,
  };
}
