import { DataError } from "../../errors.js";

/**
 * A triangle mesh as the mesh encoders take it: plain typed arrays, so it crosses worker threads cheaply (transfer
 * the buffers) and every encoder is a pure function of it.
 *
 * - `positions`: x y z per vertex, in mm.
 * - `indices`: three vertex indices per triangle, counter-clockwise seen from outside (outward normals).
 * - `labels`: per-vertex FDI tooth number, 0 = gingiva (Teeth3DS convention, dental-domain.md 4.1).
 * - `instances`: per-vertex tooth instance id, 0 = gingiva.
 * - `material`: material name for formats that keep one (GLB, OBJ `usemtl`); defaults to `name`.
 *
 * Labels and instances may also be Uint8Array or Uint16Array (the arch-scan generator keeps them as Uint8Array);
 * every encoder reads them as integers, and merged or decoded meshes carry Int32Array.
 */
export interface LabelledMesh {
  name: string;
  positions: Float32Array;
  indices: Uint32Array;
  labels?: IntLabels;
  instances?: IntLabels;
  material?: string;
}

/** Per-vertex integer values. */
export type IntLabels = Int32Array | Uint16Array | Uint8Array;

/** Several meshes written to one file: one per tooth, layer or material. */
export type MeshScene = LabelledMesh[];

/** A single mesh or a scene, as every encoder accepts. */
export type MeshInput = LabelledMesh | readonly LabelledMesh[];

/** The input as a list of meshes (a single mesh becomes a one-mesh scene). */
export function asScene(input: MeshInput): readonly LabelledMesh[] {
  return isMeshList(input) ? input : [input];
}

function isMeshList(input: MeshInput): input is readonly LabelledMesh[] {
  return Array.isArray(input);
}

/**
 * Checks what the encoders rely on: whole triangles and vertices, indices in range, one label and instance per
 * vertex. Throws a DataError naming the mesh and the first problem. Cost O(triangles).
 */
export function checkMesh(mesh: LabelledMesh): void {
  const where = `mesh ${JSON.stringify(mesh.name)}`;
  if (mesh.positions.length % 3 !== 0) throw new DataError(`${where}: positions length ${mesh.positions.length} is not a multiple of 3`);
  if (mesh.indices.length % 3 !== 0) throw new DataError(`${where}: indices length ${mesh.indices.length} is not a multiple of 3`);
  const vertices = mesh.positions.length / 3;
  for (let i = 0; i < mesh.indices.length; i++) {
    const index = mesh.indices[i] as number;
    if (index >= vertices) throw new DataError(`${where}: index ${index} at ${i} is out of range for ${vertices} vertices`);
  }
  if (mesh.labels && mesh.labels.length !== vertices) throw new DataError(`${where}: ${mesh.labels.length} labels for ${vertices} vertices`);
  if (mesh.instances && mesh.instances.length !== vertices) throw new DataError(`${where}: ${mesh.instances.length} instances for ${vertices} vertices`);
}

/**
 * The meshes of a scene concatenated into one (indices offset per mesh, vertex order kept), for formats with a
 * single vertex list (PLY, Teeth3DS JSON). Labels and instances are kept only when every mesh has them.
 * A one-mesh input is returned as it is (renamed when `name` is given), without copying.
 */
export function mergeScene(input: MeshInput, name?: string): LabelledMesh {
  const meshes = asScene(input);
  if (meshes.length === 1) {
    const only = meshes[0] as LabelledMesh;
    return name === undefined ? only : { ...only, name };
  }
  let vertices = 0;
  let triangles = 0;
  for (const m of meshes) {
    vertices += m.positions.length / 3;
    triangles += m.indices.length / 3;
  }
  const positions = new Float32Array(vertices * 3);
  const indices = new Uint32Array(triangles * 3);
  const labels = meshes.length > 0 && meshes.every((m) => m.labels) ? new Int32Array(vertices) : undefined;
  const instances = meshes.length > 0 && meshes.every((m) => m.instances) ? new Int32Array(vertices) : undefined;
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
  return {
    name: name ?? meshes.map((m) => m.name).join("+"),
    positions,
    indices,
    ...(labels ? { labels } : {}),
    ...(instances ? { instances } : {}),
  };
}

/** Axis-aligned bounding box of all vertices of the input; `null` when there are none. */
export function boundsOf(input: MeshInput): { min: [number, number, number]; max: [number, number, number] } | null {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const m of asScene(input)) {
    const p = m.positions;
    for (let i = 0; i < p.length; i += 3) {
      for (let k = 0; k < 3; k++) {
        const value = p[i + k] as number;
        if (value < min[k]!) min[k] = value;
        if (value > max[k]!) max[k] = value;
      }
    }
  }
  return min[0] === Infinity ? null : { min, max };
}
