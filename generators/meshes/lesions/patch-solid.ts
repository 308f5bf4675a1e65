/**
 * A closed solid over a grid patch: a top sheet (toward the outside of the tooth), a bottom sheet (toward the
 * inside), and a side wall along the patch boundary joining them. Top disk + bottom disk + wall annulus make a
 * sphere (V − E + F = 2), closed and edge-manifold whatever the positions; the caller's positions keep it free
 * of self-intersections (the bottom strictly deeper than the top at every vertex, both sheets close to the
 * tooth's own surfaces).
 */
import type { TriMesh } from "../geometry/tri-mesh.js";
import type { GridPatch } from "./grid-patch.js";
import type { Vec3 } from "./vec3.js";

/**
 * @param top position of the top sheet at a patch vertex (keeps the tooth's outward winding)
 * @param bottom position of the bottom sheet at a patch vertex (wound the other way: its outside faces the
 *   tooth's interior)
 */
export function buildPatchSolid(patch: GridPatch, top: (v: number) => Vec3, bottom: (v: number) => Vec3): TriMesh {
  const faces = patch.faces;
  // Compact numbering of the patch's vertices: top copy i, bottom copy count + i.
  const local = new Map<number, number>();
  for (const v of faces) if (!local.has(v)) local.set(v, local.size);
  const count = local.size;
  const positions = new Float32Array(6 * count);
  for (const [v, i] of local) {
    positions.set(top(v), 3 * i);
    positions.set(bottom(v), 3 * (count + i));
  }
  const id = (v: number) => local.get(v) as number;
  // Directed edges of the top sheet; an edge whose reverse is absent lies on the boundary.
  const directed = new Set<number>();
  const key = (a: number, b: number) => a * count + b;
  for (let t = 0; t < faces.length; t += 3) {
    for (let k = 0; k < 3; k++) directed.add(key(id(faces[t + k] as number), id(faces[t + ((k + 1) % 3)] as number)));
  }
  const indices: number[] = [];
  for (let t = 0; t < faces.length; t += 3) {
    const a = id(faces[t] as number);
    const b = id(faces[t + 1] as number);
    const c = id(faces[t + 2] as number);
    indices.push(a, b, c, count + a, count + c, count + b);
  }
  for (let t = 0; t < faces.length; t += 3) {
    for (let k = 0; k < 3; k++) {
      const u = id(faces[t + k] as number);
      const v = id(faces[t + ((k + 1) % 3)] as number);
      if (directed.has(key(v, u))) continue;
      // The top sheet runs u→v along this edge, so the wall runs v→u on top and u→v on the bottom.
      indices.push(v, u, count + u, v, count + u, count + v);
    }
  }
  return { positions, indices: Uint32Array.from(indices) };
}
