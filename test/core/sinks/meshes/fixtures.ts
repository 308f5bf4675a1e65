import type { LabelledMesh } from "../../../../core/sinks/meshes/labelled-mesh.js";

/** A unit cube (8 vertices, 12 CCW-outward triangles) shifted by `dx`, labelled `label`. */
export function cube(name: string, dx = 0, label = 11): LabelledMesh {
  const positions = new Float32Array([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1].map((v, i) => (i % 3 === 0 ? v + dx : v)));
  const indices = new Uint32Array([0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4, 3, 4, 7]);
  return { name, positions, indices, labels: new Int32Array(8).fill(label), instances: new Int32Array(8).fill(label === 0 ? 0 : 1) };
}
