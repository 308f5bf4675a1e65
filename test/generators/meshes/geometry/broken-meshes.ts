/** Ways a closed mesh goes wrong, for checks that must count them exactly. */
import type { TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";

/** The mesh with a face removed, a face flipped, a face repeated, a degenerate face, an extra face on an existing edge, an unused vertex, and two vertices welded (a pinch). */
export function brokenVariants(mesh: TriMesh): TriMesh[] {
  const { positions, indices } = mesh;
  const flipped = indices.slice();
  [flipped[1], flipped[2]] = [flipped[2]!, flipped[1]!];
  const degenerate = indices.slice();
  degenerate[1] = degenerate[0]!;
  const unused = new Float32Array(positions.length + 3);
  unused.set(positions);
  const welded = indices.map((i) => (i === 1 ? 0 : i));
  return [
    { positions, indices: indices.slice(3) },
    { positions, indices: flipped },
    { positions, indices: Uint32Array.from([...indices, ...indices.subarray(0, 3)]) },
    { positions, indices: degenerate },
    { positions, indices: Uint32Array.from([...indices, indices[0]!, indices[1]!, positions.length / 3 - 1]) },
    { positions: unused, indices },
    { positions, indices: welded },
  ];
}
