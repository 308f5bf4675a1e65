/**
 * The mean inward unit normal of a patch of a closed mesh: minus the area-weighted sum of its faces' normals.
 * Over a lesion's footprint on the DEJ it points the way the dentinal tubules leave it, toward the pulp; the
 * mean over the footprint, not the normal at one vertex, because the centre of an occlusal footprint sits in the
 * fossa, where a single vertex's normal tilts toward whichever cusp slope is largest.
 */
import type { GridPatch } from "./grid-patch.js";
import { length, scale, type Vec3 } from "./vec3.js";

export function inwardNormal(positions: Float32Array, patch: GridPatch): Vec3 {
  const p = positions;
  const idx = patch.faces;
  let nx = 0, ny = 0, nz = 0;
  for (let t = 0; t < idx.length; t += 3) {
    const a = 3 * (idx[t] as number), b = 3 * (idx[t + 1] as number), c = 3 * (idx[t + 2] as number);
    const ux = (p[b] as number) - (p[a] as number), uy = (p[b + 1] as number) - (p[a + 1] as number), uz = (p[b + 2] as number) - (p[a + 2] as number);
    const vx = (p[c] as number) - (p[a] as number), vy = (p[c + 1] as number) - (p[a + 1] as number), vz = (p[c + 2] as number) - (p[a + 2] as number);
    // (b − a) × (c − a): twice the face's area along its outward normal.
    nx += uy * vz - uz * vy;
    ny += uz * vx - ux * vz;
    nz += ux * vy - uy * vx;
  }
  const n: Vec3 = [-nx, -ny, -nz];
  return scale(n, 1 / Math.max(length(n), 1e-12));
}
