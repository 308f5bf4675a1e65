/**
 * 4×4 affine transforms, column-major like three.js `Matrix4.elements` and WebGL: element (row r, column c) is
 * at index 4c + r, and a point p maps to M·[p, 1].
 */
import type { TriMesh } from "../geometry/tri-mesh.js";

export type Mat4 = Float64Array;

/**
 * The transform whose 3×3 part has columns `ex`, `ey`, `ez` (the images of the local axes) and whose
 * translation is `t`.
 */
export function mat4FromBasis(ex: readonly number[], ey: readonly number[], ez: readonly number[], t: readonly number[]): Mat4 {
  const m = new Float64Array(16);
  for (let r = 0; r < 3; r++) {
    m[r] = ex[r] as number;
    m[4 + r] = ey[r] as number;
    m[8 + r] = ez[r] as number;
    m[12 + r] = t[r] as number;
  }
  m[15] = 1;
  return m;
}

/** Determinant of the 3×3 linear part: negative for a mirroring transform. */
export function linearDeterminant(m: Mat4): number {
  const e = (r: number, c: number) => m[4 * c + r] as number;
  return (
    e(0, 0) * (e(1, 1) * e(2, 2) - e(1, 2) * e(2, 1)) -
    e(0, 1) * (e(1, 0) * e(2, 2) - e(1, 2) * e(2, 0)) +
    e(0, 2) * (e(1, 0) * e(2, 1) - e(1, 1) * e(2, 0))
  );
}

/** M·[x, y, z, 1], written into `out` at `at`. */
export function applyMat4(m: Mat4, x: number, y: number, z: number, out: { [i: number]: number }, at = 0): void {
  out[at] = (m[0] as number) * x + (m[4] as number) * y + (m[8] as number) * z + (m[12] as number);
  out[at + 1] = (m[1] as number) * x + (m[5] as number) * y + (m[9] as number) * z + (m[13] as number);
  out[at + 2] = (m[2] as number) * x + (m[6] as number) * y + (m[10] as number) * z + (m[14] as number);
}

/**
 * The mesh moved by `m`. A mirroring transform (negative determinant) would turn the faces inside out, so their
 * winding is reversed to keep them counter-clockwise seen from outside.
 */
export function transformMesh(mesh: TriMesh, m: Mat4): TriMesh {
  const p = mesh.positions;
  const positions = new Float32Array(p.length);
  for (let i = 0; i < p.length; i += 3) applyMat4(m, p[i] as number, p[i + 1] as number, p[i + 2] as number, positions, i);
  let indices = mesh.indices;
  if (linearDeterminant(m) < 0) {
    indices = new Uint32Array(mesh.indices.length);
    for (let t = 0; t < indices.length; t += 3) {
      indices[t] = mesh.indices[t] as number;
      indices[t + 1] = mesh.indices[t + 2] as number;
      indices[t + 2] = mesh.indices[t + 1] as number;
    }
  } else indices = indices.slice();
  return { positions, indices };
}

/** Inverse of a rigid (or mirrored-rigid) transform: the 3×3 part transposed, the translation brought back. */
export function invertRigid(m: Mat4): Mat4 {
  const out = new Float64Array(16);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) out[c * 4 + r] = m[r * 4 + c] as number;
  for (let r = 0; r < 3; r++) out[12 + r] = -((out[r] as number) * (m[12] as number) + (out[4 + r] as number) * (m[13] as number) + (out[8 + r] as number) * (m[14] as number));
  out[15] = 1;
  return out;
}
