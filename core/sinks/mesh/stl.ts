import { DataError } from "../../errors.js";
import { asScene, checkMesh, type MeshInput } from "./labelled-mesh.js";

/** Bytes before the triangle count in a binary STL. */
const HEADER_BYTES = 80;
/** Per triangle: normal + 3 vertices as 12 float32, then a 16-bit attribute word. */
const TRIANGLE_BYTES = 50;

export interface StlOptions {
  /** Header text (ASCII, cut to 80 bytes). Must not start with "solid", which readers take for ASCII STL. */
  header?: string;
}

/**
 * Binary STL, the format dental CAD/CAM and printing exchange: an 80-byte header, a uint32 triangle count, then
 * per triangle the unit facet normal and three vertices as little-endian float32 and a zero attribute word
 * (layout: https://en.wikipedia.org/wiki/STL_(file_format)#Binary). STL has no units, names or labels: a scene
 * is written as one solid, its meshes one after another; the header says the units are mm.
 * Normals are computed from the vertices (right-hand rule on the CCW triangle); a degenerate triangle gets 0 0 0.
 * Pure and deterministic. Cost O(triangles); output 84 + 50 bytes per triangle.
 */
export function encodeStl(input: MeshInput, options: StlOptions = {}): Uint8Array {
  const meshes = asScene(input);
  let triangles = 0;
  for (const m of meshes) {
    checkMesh(m);
    triangles += m.indices.length / 3;
  }
  const out = new Uint8Array(HEADER_BYTES + 4 + TRIANGLE_BYTES * triangles);
  const view = new DataView(out.buffer);
  const header = options.header ?? `dentsynth binary STL, units mm, ${meshes.map((m) => m.name).join(" ")}`;
  if (/^solid/i.test(header)) throw new DataError(`STL header must not start with "solid": ${JSON.stringify(header)}`);
  for (let i = 0; i < Math.min(header.length, HEADER_BYTES); i++) {
    const code = header.charCodeAt(i);
    out[i] = code < 0x20 || code > 0x7e ? 0x3f : code; // printable ASCII only; anything else becomes "?"
  }
  view.setUint32(HEADER_BYTES, triangles, true);
  let o = HEADER_BYTES + 4;
  for (const m of meshes) {
    const p = m.positions;
    const idx = m.indices;
    for (let t = 0; t < idx.length; t += 3) {
      const a = (idx[t] as number) * 3;
      const b = (idx[t + 1] as number) * 3;
      const c = (idx[t + 2] as number) * 3;
      const ux = (p[b] as number) - (p[a] as number);
      const uy = (p[b + 1] as number) - (p[a + 1] as number);
      const uz = (p[b + 2] as number) - (p[a + 2] as number);
      const vx = (p[c] as number) - (p[a] as number);
      const vy = (p[c + 1] as number) - (p[a + 1] as number);
      const vz = (p[c + 2] as number) - (p[a + 2] as number);
      const nx = uy * vz - uz * vy;
      const ny = uz * vx - ux * vz;
      const nz = ux * vy - uy * vx;
      const length = Math.hypot(nx, ny, nz) || 1; // degenerate: the zero vector stays zero
      view.setFloat32(o, nx / length, true);
      view.setFloat32(o + 4, ny / length, true);
      view.setFloat32(o + 8, nz / length, true);
      o += 12;
      for (const k of [a, b, c]) {
        view.setFloat32(o, p[k] as number, true);
        view.setFloat32(o + 4, p[k + 1] as number, true);
        view.setFloat32(o + 8, p[k + 2] as number, true);
        o += 12;
      }
      o += 2; // attribute byte count: 0 (the array is zero-filled)
    }
  }
  return out;
}
