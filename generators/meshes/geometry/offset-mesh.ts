/**
 * A closed mesh pushed outward by a distance along its area-weighted vertex normals: the socket around a root
 * (periodontal ligament space, lamina dura) for the radiograph renderer. For offsets well below the surface's
 * radius of curvature the result stays closed and embedded; in tight concavities (a furcation) it may fold
 * slightly, which only shortens or lengthens a chord locally.
 */
import type { TriMesh } from "./tri-mesh.js";
import { vertexNormals } from "./vertex-normals.js";

export function offsetMesh(mesh: TriMesh, distance: number): TriMesh {
  const p = mesh.positions;
  const n = vertexNormals(mesh);
  const out = new Float32Array(p.length);
  for (let v = 0; v < p.length; v++) out[v] = (p[v] as number) + distance * (n[v] as number);
  return { positions: out, indices: mesh.indices };
}
