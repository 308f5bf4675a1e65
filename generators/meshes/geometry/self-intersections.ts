import { segmentCrossesTriangle, trianglesIntersect } from "./triangle-intersection.js";
import { TriangleGrid, triangleCoordinates } from "./triangle-grid.js";
import type { TriMesh } from "./tri-mesh.js";

/**
 * Pairs of triangles of one mesh that intersect, found with a {@link TriangleGrid} (about O(F), not O(F²)) and
 * tested with Möller's triangle–triangle test.
 *
 * Neighbours need care because they always touch: triangles sharing an edge are skipped, and triangles sharing
 * one vertex count only when the edge opposite the shared vertex of one passes through the other's interior
 * (a fold), since meeting at the shared vertex is how a mesh is built.
 *
 * @param limit stop after this many pairs (a bad mesh can have millions)
 * @returns intersecting pairs [i, j] with i < j, at most `limit` of them
 */
export function findSelfIntersections(mesh: TriMesh, limit = 100): [number, number][] {
  const grid = new TriangleGrid(mesh);
  const idx = mesh.indices;
  const f = idx.length / 3;
  const stamp = new Int32Array(f).fill(-1);
  const a = new Float64Array(9);
  const b = new Float64Array(9);
  const seg = new Float64Array(6);
  const found: [number, number][] = [];
  for (let i = 0; i < f && found.length < limit; i++) {
    triangleCoordinates(mesh, i, a);
    grid.query(grid.boxes, 6 * i, stamp, i, (j) => {
      if (j <= i || found.length >= limit) return;
      let shared = 0;
      let sharedA = -1;
      let sharedB = -1;
      for (let u = 0; u < 3; u++) {
        for (let v = 0; v < 3; v++) {
          if (idx[3 * i + u] === idx[3 * j + v]) {
            shared++;
            sharedA = u;
            sharedB = v;
          }
        }
      }
      if (shared >= 2) return;
      triangleCoordinates(mesh, j, b);
      if (shared === 0) {
        if (trianglesIntersect(a, b)) found.push([i, j]);
        return;
      }
      if (oppositeEdgeCrosses(a, sharedA, b, seg) || oppositeEdgeCrosses(b, sharedB, a, seg)) found.push([i, j]);
    });
  }
  return found;
}

function oppositeEdgeCrosses(tri: Float64Array, sharedCorner: number, other: Float64Array, seg: Float64Array): boolean {
  const p = (sharedCorner + 1) % 3;
  const q = (sharedCorner + 2) % 3;
  for (let k = 0; k < 3; k++) {
    seg[k] = tri[3 * p + k] as number;
    seg[3 + k] = tri[3 * q + k] as number;
  }
  return segmentCrossesTriangle(seg, other);
}

/**
 * Whether any triangle of `a` intersects or touches any triangle of `b` (a grid over `b`, queried with each
 * triangle of `a`). Cost about O(Fa + Fb).
 */
export function meshesIntersect(a: TriMesh, b: TriMesh): boolean {
  const grid = new TriangleGrid(b);
  const fa = a.indices.length / 3;
  const stamp = new Int32Array(b.indices.length / 3).fill(-1);
  const box = new Float64Array(6);
  const ta = new Float64Array(9);
  const tb = new Float64Array(9);
  for (let i = 0; i < fa; i++) {
    triangleCoordinates(a, i, ta);
    for (let k = 0; k < 3; k++) {
      box[k] = Math.min(ta[k] as number, ta[3 + k] as number, ta[6 + k] as number);
      box[3 + k] = Math.max(ta[k] as number, ta[3 + k] as number, ta[6 + k] as number);
    }
    let hit = false;
    grid.query(box, 0, stamp, i, (j) => {
      if (!hit && trianglesIntersect(ta, triangleCoordinates(b, j, tb))) hit = true;
    });
    if (hit) return true;
  }
  return false;
}
