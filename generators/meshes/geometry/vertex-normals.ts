import type { TriMesh } from "./tri-mesh.js";

/**
 * Outward unit normals per vertex, each the area-weighted mean of its faces' normals (the cross product's length
 * is twice the face's area, so summing unnormalised cross products weights by area). A vertex whose faces cancel
 * out gets (0, 0, 0). Returned as x, y, z per vertex, in double precision.
 */
export function vertexNormals(mesh: TriMesh): Float64Array {
  const p = mesh.positions;
  const idx = mesh.indices;
  const n = new Float64Array(p.length);
  for (let t = 0; t < idx.length; t += 3) {
    const a = 3 * (idx[t] as number);
    const b = 3 * (idx[t + 1] as number);
    const c = 3 * (idx[t + 2] as number);
    const ux = (p[b] as number) - (p[a] as number), uy = (p[b + 1] as number) - (p[a + 1] as number), uz = (p[b + 2] as number) - (p[a + 2] as number);
    const vx = (p[c] as number) - (p[a] as number), vy = (p[c + 1] as number) - (p[a + 1] as number), vz = (p[c + 2] as number) - (p[a + 2] as number);
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    // Unrolled rather than `for (const v of [a, b, c])`: that array per triangle was most of the cost.
    n[a] = (n[a] as number) + nx;
    n[a + 1] = (n[a + 1] as number) + ny;
    n[a + 2] = (n[a + 2] as number) + nz;
    n[b] = (n[b] as number) + nx;
    n[b + 1] = (n[b + 1] as number) + ny;
    n[b + 2] = (n[b + 2] as number) + nz;
    n[c] = (n[c] as number) + nx;
    n[c + 1] = (n[c + 1] as number) + ny;
    n[c + 2] = (n[c + 2] as number) + nz;
  }
  for (let v = 0; v < n.length; v += 3) {
    const l = Math.hypot(n[v] as number, n[v + 1] as number, n[v + 2] as number) || 1;
    n[v] = (n[v] as number) / l;
    n[v + 1] = (n[v + 1] as number) / l;
    n[v + 2] = (n[v + 2] as number) / l;
  }
  return n;
}
