import { PLANE_STRIDE, writePlane } from "./triangle-intersection.js";
import { triangleCoordinates } from "./triangle-grid.js";
import type { TriMesh } from "./tri-mesh.js";

/**
 * The plane of each triangle of a mesh, computed on first use and kept. A surface tested against many triangles
 * (a tooth layer against every candidate volume, a mesh against itself) would otherwise recompute a plane,
 * square root included, once per candidate pair; computing lazily skips the triangles no query comes near.
 */
export class TrianglePlanes {
  /** Per triangle, {@link PLANE_STRIDE} numbers as written by writePlane (unit normal, then offset), once known. */
  readonly planes: Float64Array;
  /** Per triangle: 0 not computed yet, 1 plane known, 2 degenerate (no plane). */
  private readonly state: Uint8Array;
  private readonly corners = new Float64Array(9);

  constructor(private readonly mesh: TriMesh) {
    const f = mesh.indices.length / 3;
    this.planes = new Float64Array(PLANE_STRIDE * f);
    this.state = new Uint8Array(f);
  }

  /** Whether triangle t has a plane (it is not degenerate); afterwards its plane is at PLANE_STRIDE * t. */
  has(t: number): boolean {
    const s = this.state[t];
    if (s === 1) return true;
    if (s === 2) return false;
    const ok = writePlane(triangleCoordinates(this.mesh, t, this.corners), this.planes, PLANE_STRIDE * t);
    this.state[t] = ok ? 1 : 2;
    return ok;
  }
}
