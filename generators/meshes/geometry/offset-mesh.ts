/**
 * A closed mesh pushed outward by a distance along its area-weighted vertex normals: the socket around a root
 * (periodontal ligament space, lamina dura) for the radiograph renderer. For offsets well below the surface's
 * radius of curvature the result stays closed and embedded; in tight concavities (a furcation) it may fold
 * slightly, which only shortens or lengthens a chord locally.
 */
import type { TriMesh } from "./tri-mesh.js";

export function offsetMesh(mesh: TriMesh, distance: number): TriMesh {
  const p = mesh.positions;
  const n = new Float64Array(p.length);
  const idx = mesh.indices;
  for (let t = 0; t < idx.length; t += 3) {
    const a = 3 * (idx[t] as number);
    const b = 3 * (idx[t + 1] as number);
    const c = 3 * (idx[t + 2] as number);
    const ux = (p[b] as number) - (p[a] as number), uy = (p[b + 1] as number) - (p[a + 1] as number), uz = (p[b + 2] as number) - (p[a + 2] as number);
    const vx = (p[c] as number) - (p[a] as number), vy = (p[c + 1] as number) - (p[a + 1] as number), vz = (p[c + 2] as number) - (p[a + 2] as number);
    // The cross product's length is twice the area: summing it weights each face by its area.
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    for (const v of [a, b, c]) {
      n[v] = (n[v] as number) + nx;
      n[v + 1] = (n[v + 1] as number) + ny;
      n[v + 2] = (n[v + 2] as number) + nz;
    }
  }
  const out = new Float32Array(p.length);
  for (let v = 0; v < p.length; v += 3) {
    const l = Math.hypot(n[v] as number, n[v + 1] as number, n[v + 2] as number) || 1;
    out[v] = (p[v] as number) + (distance * (n[v] as number)) / l;
    out[v + 1] = (p[v + 1] as number) + (distance * (n[v + 1] as number)) / l;
    out[v + 2] = (p[v + 2] as number) + (distance * (n[v + 2] as number)) / l;
  }
  return { positions: out, indices: mesh.indices };
}
