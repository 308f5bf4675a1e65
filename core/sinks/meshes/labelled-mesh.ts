/**
 * A mesh as the mesh sinks take it: positions in mm, CCW-outward triangles, and optional per-vertex integer
 * labels (FDI number, 0 = gingiva) and instance ids. Plain typed arrays, so meshes cross worker threads cheaply.
 */
export interface LabelledMesh {
  /** Object name in formats that keep one (OBJ `o`, PLY comment), e.g. "11_outer". */
  name: string;
  positions: Float32Array;
  indices: Uint32Array;
  labels?: Int32Array | Uint8Array;
  instances?: Int32Array | Uint8Array;
}

/** The meshes of one file, concatenated (indices offset per mesh); labels kept only when every mesh has them. */
export function mergeMeshes(meshes: readonly LabelledMesh[], name: string): LabelledMesh {
  let vertices = 0;
  let triangles = 0;
  for (const m of meshes) {
    vertices += m.positions.length / 3;
    triangles += m.indices.length / 3;
  }
  const positions = new Float32Array(vertices * 3);
  const indices = new Uint32Array(triangles * 3);
  const withLabels = meshes.length > 0 && meshes.every((m) => m.labels);
  const withInstances = meshes.length > 0 && meshes.every((m) => m.instances);
  const labels = withLabels ? new Int32Array(vertices) : undefined;
  const instances = withInstances ? new Int32Array(vertices) : undefined;
  let v = 0;
  let t = 0;
  for (const m of meshes) {
    positions.set(m.positions, v * 3);
    for (let i = 0; i < m.indices.length; i++) indices[t * 3 + i] = (m.indices[i] as number) + v;
    if (labels && m.labels) labels.set(m.labels, v);
    if (instances && m.instances) instances.set(m.instances, v);
    v += m.positions.length / 3;
    t += m.indices.length / 3;
  }
  return { name, positions, indices, ...(labels ? { labels } : {}), ...(instances ? { instances } : {}) };
}
