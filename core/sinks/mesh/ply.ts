import { checkMesh, mergeScene, type MeshInput } from "./labelled-mesh.js";

export interface PlyOptions {
  /** Object name written as `comment object <name>`; defaults to the (merged) mesh name. */
  name?: string;
  /** Write the `label` / `instance` vertex properties when the mesh has them (default true). */
  labels?: boolean;
}

/** Bytes per face: uchar count (3) + three int32 indices. */
const FACE_BYTES = 13;

/**
 * Binary little-endian PLY (format: http://paulbourke.net/dataformats/ply/): vertex `float x y z` (mm), then
 * `int label` (FDI, 0 = gingiva) and `int instance` when the mesh has them, and faces as
 * `property list uchar int vertex_indices`. Segmentation datasets keep labels beside the geometry (Teeth3DS in a
 * JSON); PLY carries them inline, and three's PLYExporter cannot write custom vertex properties, hence this writer.
 * A scene is merged into one vertex list (labels kept only when every mesh has them).
 * Pure and deterministic. Cost O(vertices + triangles).
 */
export function encodePly(input: MeshInput, options: PlyOptions = {}): Uint8Array {
  const mesh = mergeScene(input);
  checkMesh(mesh);
  const labels = options.labels === false ? undefined : mesh.labels;
  const instances = options.labels === false ? undefined : mesh.instances;
  const vertices = mesh.positions.length / 3;
  const faces = mesh.indices.length / 3;
  const name = (options.name ?? mesh.name).replace(/[\r\n]+/g, " ");
  const header = [
    "ply",
    "format binary_little_endian 1.0",
    "comment dentsynth, units mm",
    `comment object ${name}`,
    `element vertex ${vertices}`,
    "property float x",
    "property float y",
    "property float z",
    ...(labels ? ["property int label"] : []),
    ...(instances ? ["property int instance"] : []),
    `element face ${faces}`,
    "property list uchar int vertex_indices",
    "end_header",
    "",
  ].join("\n");
  const headerBytes = new TextEncoder().encode(header);
  const vertexBytes = 12 + (labels ? 4 : 0) + (instances ? 4 : 0);
  const out = new Uint8Array(headerBytes.length + vertices * vertexBytes + faces * FACE_BYTES);
  out.set(headerBytes, 0);
  const view = new DataView(out.buffer);
  let o = headerBytes.length;
  const p = mesh.positions;
  for (let v = 0; v < vertices; v++) {
    view.setFloat32(o, p[v * 3] as number, true);
    view.setFloat32(o + 4, p[v * 3 + 1] as number, true);
    view.setFloat32(o + 8, p[v * 3 + 2] as number, true);
    o += 12;
    if (labels) {
      view.setInt32(o, labels[v] as number, true);
      o += 4;
    }
    if (instances) {
      view.setInt32(o, instances[v] as number, true);
      o += 4;
    }
  }
  const idx = mesh.indices;
  for (let f = 0; f < faces; f++) {
    view.setUint8(o, 3);
    view.setInt32(o + 1, idx[f * 3] as number, true);
    view.setInt32(o + 5, idx[f * 3 + 1] as number, true);
    view.setInt32(o + 9, idx[f * 3 + 2] as number, true);
    o += FACE_BYTES;
  }
  return out;
}
