import type { LabelledMesh } from "./labelled-mesh.js";

/**
 * Binary little-endian PLY with the per-vertex `label` (FDI, 0 = gingiva) and `instance` properties that
 * segmentation datasets keep beside the geometry (Teeth3DS stores them in a JSON; PLY carries them inline).
 * three's PLYExporter cannot add custom vertex properties, hence this writer.
 */
export function encodePly(mesh: LabelledMesh, comment = "dentsynth, units mm"): Uint8Array {
  const vertices = mesh.positions.length / 3;
  const faces = mesh.indices.length / 3;
  const props = ["property float x", "property float y", "property float z"];
  if (mesh.labels) props.push("property int label");
  if (mesh.instances) props.push("property int instance");
  const header = [
    "ply",
    "format binary_little_endian 1.0",
    `comment ${comment}`,
    `comment object ${mesh.name}`,
    `element vertex ${vertices}`,
    ...props,
    `element face ${faces}`,
    "property list uchar int vertex_indices",
    "end_header",
    "",
  ].join("\n");
  const headerBytes = new TextEncoder().encode(header);
  const vertexSize = 12 + (mesh.labels ? 4 : 0) + (mesh.instances ? 4 : 0);
  const out = new Uint8Array(headerBytes.length + vertices * vertexSize + faces * 13);
  out.set(headerBytes, 0);
  const view = new DataView(out.buffer);
  let o = headerBytes.length;
  for (let v = 0; v < vertices; v++) {
    view.setFloat32(o, mesh.positions[v * 3] as number, true);
    view.setFloat32(o + 4, mesh.positions[v * 3 + 1] as number, true);
    view.setFloat32(o + 8, mesh.positions[v * 3 + 2] as number, true);
    o += 12;
    if (mesh.labels) {
      view.setInt32(o, mesh.labels[v] as number, true);
      o += 4;
    }
    if (mesh.instances) {
      view.setInt32(o, mesh.instances[v] as number, true);
      o += 4;
    }
  }
  for (let f = 0; f < faces; f++) {
    view.setUint8(o, 3);
    view.setInt32(o + 1, mesh.indices[f * 3] as number, true);
    view.setInt32(o + 5, mesh.indices[f * 3 + 1] as number, true);
    view.setInt32(o + 9, mesh.indices[f * 3 + 2] as number, true);
    o += 13;
  }
  return out;
}
