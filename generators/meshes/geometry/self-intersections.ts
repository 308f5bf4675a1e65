import { ContactSurface } from "./contact-surface.js";
import { PLANE_STRIDE, segmentCrossesTriangle, trianglesWithPlanesIntersect } from "./triangle-intersection.js";
import { TriangleGrid, triangleCoordinates } from "./triangle-grid.js";
import { TrianglePlanes } from "./triangle-planes.js";
import type { TriMesh } from "./tri-mesh.js";

/**
 * Pairs of triangles of one mesh that intersect, found with a {@link TriangleGrid} (about O(F), not O(F²)) and
 * tested with Möller's triangle–triangle test (each triangle's plane computed once, see triangle-planes.ts).
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
  const planes = new TrianglePlanes(mesh);
  const idx = mesh.indices;
  const f = idx.length / 3;
  const stamp = new Int32Array(f).fill(-1);
  const candidates = new Uint32Array(f);
  const a = new Float64Array(9);
  const b = new Float64Array(9);
  const seg = new Float64Array(6);
  const found: [number, number][] = [];
  for (let i = 0; i < f && found.length < limit; i++) {
    triangleCoordinates(mesh, i, a);
    const n = grid.queryInto(grid.boxes, 6 * i, stamp, i, candidates);
    for (let k = 0; k < n && found.length < limit; k++) {
      const j = candidates[k] as number;
      if (j <= i) continue;
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
      if (shared >= 2) continue;
      triangleCoordinates(mesh, j, b);
      if (shared === 0) {
        // A degenerate triangle meets nothing.
        if (planes.has(i) && planes.has(j) && trianglesWithPlanesIntersect(a, planes.planes, PLANE_STRIDE * i, b, planes.planes, PLANE_STRIDE * j)) found.push([i, j]);
        continue;
      }
      if (oppositeEdgeCrosses(a, sharedA, b, seg) || oppositeEdgeCrosses(b, sharedB, a, seg)) found.push([i, j]);
    }
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
 * triangle of `a`). Cost about O(Fa + Fb); to ask about one `b` many times, keep a {@link ContactSurface}.
 */
export function meshesIntersect(a: TriMesh, b: TriMesh): boolean {
  return new ContactSurface(b).meets(a);
}
