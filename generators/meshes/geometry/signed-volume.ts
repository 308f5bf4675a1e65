import type { TriMesh } from "./tri-mesh.js";

/**
 * Signed volume enclosed by a closed mesh, by the divergence theorem: the sum over faces of the signed volume
 * of the tetrahedron (origin, a, b, c) = a · (b × c) / 6. Positive when faces are wound counter-clockwise seen
 * from outside; meaningless on an open mesh. Cost O(F).
 */
export function signedVolume(mesh: TriMesh): number {
  const p = mesh.positions;
  const idx = mesh.indices;
  let sum = 0;
  for (let t = 0; t < idx.length; t += 3) {
    const a = 3 * (idx[t] as number);
    const b = 3 * (idx[t + 1] as number);
    const c = 3 * (idx[t + 2] as number);
    const ax = p[a] as number, ay = p[a + 1] as number, az = p[a + 2] as number;
    const bx = p[b] as number, by = p[b + 1] as number, bz = p[b + 2] as number;
    const cx = p[c] as number, cy = p[c + 1] as number, cz = p[c + 2] as number;
    sum += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
  }
  return sum / 6;
}
