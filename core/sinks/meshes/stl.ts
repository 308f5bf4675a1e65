import type { LabelledMesh } from "./labelled-mesh.js";

/**
 * Binary STL (the de-facto format of dental CAD and printing): an 80-byte header, the triangle count, and per
 * triangle a unit normal and three vertices as little-endian float32, then a zero attribute word. Units are mm
 * (STL has none; the header says so). One solid: several meshes are written one after another.
 */
export function encodeStl(meshes: readonly LabelledMesh[], title = "dentsynth"): Uint8Array {
  let triangles = 0;
  for (const m of meshes) triangles += m.indices.length / 3;
  const out = new Uint8Array(84 + 50 * triangles);
  const view = new DataView(out.buffer);
  const header = `${title} binary STL, units mm`.slice(0, 80);
  for (let i = 0; i < header.length; i++) out[i] = header.charCodeAt(i) & 0x7f;
  view.setUint32(80, triangles, true);
  let o = 84;
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
      let nx = uy * vz - uz * vy;
      let ny = uz * vx - ux * vz;
      let nz = ux * vy - uy * vx;
      const len = Math.hypot(nx, ny, nz) || 1;
      nx /= len;
      ny /= len;
      nz /= len;
      view.setFloat32(o, nx, true);
      view.setFloat32(o + 4, ny, true);
      view.setFloat32(o + 8, nz, true);
      o += 12;
      for (const k of [a, b, c]) {
        view.setFloat32(o, p[k] as number, true);
        view.setFloat32(o + 4, p[k + 1] as number, true);
        view.setFloat32(o + 8, p[k + 2] as number, true);
        o += 12;
      }
      view.setUint16(o, 0, true);
      o += 2;
    }
  }
  return out;
}
