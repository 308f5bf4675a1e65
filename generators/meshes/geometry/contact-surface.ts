import { PLANE_STRIDE, trianglesWithPlanesIntersect, writePlane } from "./triangle-intersection.js";
import { TriangleGrid, triangleCoordinates } from "./triangle-grid.js";
import { TrianglePlanes } from "./triangle-planes.js";
import type { TriMesh } from "./tri-mesh.js";

/**
 * A fixed surface indexed for "does this other mesh touch it anywhere": a {@link TriangleGrid} finds the
 * candidate pairs and the surface's triangle planes are kept ({@link TrianglePlanes}), so each pair costs one
 * Möller test with both planes known. Build once and ask about many meshes (the shell guard asks about every
 * candidate volume of a tooth); cost about O(F) per question. Answers are those of trianglesIntersect over
 * every pair whose boxes overlap.
 */
export class ContactSurface {
  private readonly grid: TriangleGrid;
  private readonly planes: TrianglePlanes;
  private readonly stamp: Int32Array;
  private readonly found: Uint32Array;
  private token = 0;
  private readonly box = new Float64Array(6);
  private readonly a = new Float64Array(9);
  private readonly b = new Float64Array(9);
  private readonly plane = new Float64Array(PLANE_STRIDE);

  constructor(readonly mesh: TriMesh) {
    this.grid = new TriangleGrid(mesh);
    this.planes = new TrianglePlanes(mesh);
    const f = mesh.indices.length / 3;
    this.stamp = new Int32Array(f).fill(-1);
    this.found = new Uint32Array(f);
  }

  /** Whether any triangle of `other` intersects or touches a triangle of this surface. */
  meets(other: TriMesh): boolean {
    for (let t = 0; t < other.indices.length / 3; t++) if (this.triangleMeets(other, t)) return true;
    return false;
  }

  /** The triangles of `other` that intersect or touch this surface, in index order. */
  touching(other: TriMesh): number[] {
    const out: number[] = [];
    for (let t = 0; t < other.indices.length / 3; t++) if (this.triangleMeets(other, t)) out.push(t);
    return out;
  }

  /** Whether triangle t of `other` intersects or touches a triangle of this surface. */
  private triangleMeets(other: TriMesh, t: number): boolean {
    const { box, a, b, plane, found, stamp, mesh } = this;
    const planes = this.planes;
    triangleCoordinates(other, t, a);
    for (let k = 0; k < 3; k++) {
      box[k] = Math.min(a[k] as number, a[3 + k] as number, a[6 + k] as number);
      box[3 + k] = Math.max(a[k] as number, a[3 + k] as number, a[6 + k] as number);
    }
    const n = this.grid.queryInto(box, 0, stamp, this.token++, found);
    // A degenerate triangle meets nothing.
    if (n === 0 || !writePlane(a, plane, 0)) return false;
    for (let i = 0; i < n; i++) {
      const j = found[i] as number;
      if (planes.has(j) && trianglesWithPlanesIntersect(a, plane, 0, triangleCoordinates(mesh, j, b), planes.planes, PLANE_STRIDE * j)) return true;
    }
    return false;
  }
}
