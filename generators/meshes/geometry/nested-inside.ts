import { PointInMesh } from "./point-in-mesh.js";
import { meshesIntersect } from "./self-intersections.js";
import type { TriMesh } from "./tri-mesh.js";

/** What {@link checkNestedInside} found. */
export interface NestingReport {
  /** Vertices of the inner mesh that are not inside the outer one. */
  verticesOutside: number;
  /** Some triangle of the inner mesh meets some triangle of the outer one. */
  surfacesIntersect: boolean;
  nested: boolean;
}

/**
 * Whether closed mesh `inner` lies strictly inside closed mesh `outer`: every vertex of `inner` is inside
 * `outer` (ray parity) and no two triangles of the two meshes meet. Both are needed: vertices inside alone
 * miss a thin fold of `outer` poking through a face of `inner`. Cost about O(V + F) with the grids.
 */
export function checkNestedInside(inner: TriMesh, outer: TriMesh): NestingReport {
  const solid = new PointInMesh(outer);
  const p = inner.positions;
  let verticesOutside = 0;
  for (let i = 0; i < p.length; i += 3) {
    if (!solid.contains(p[i] as number, p[i + 1] as number, p[i + 2] as number)) verticesOutside++;
  }
  const surfacesIntersect = meshesIntersect(inner, outer);
  return { verticesOutside, surfacesIntersect, nested: verticesOutside === 0 && !surfacesIntersect };
}
