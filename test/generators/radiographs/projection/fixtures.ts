/** Closed meshes with known chords, and helpers to build views and rotations for the projection tests. */
import type { Rng } from "../../../../core/rng.js";
import { mat4FromBasis, type Mat4 } from "../../../../generators/meshes/arch/mat4.js";
import { latLongMesh } from "../../../../generators/meshes/geometry/lat-long-mesh.js";
import type { TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";

/**
 * Sphere of radius r about `centre`, vertices on the sphere (a latitude-longitude grid with poles on ±z).
 * Facets lie inside the sphere by at most the sagitta r·(1 − cos α), α the largest facet's angular circumradius.
 */
export function sphere(r: number, meridians: number, rings: number, centre: readonly number[] = [0, 0, 0]): TriMesh {
  const positions = new Float32Array(3 * (2 + meridians * rings));
  const put = (i: number, theta: number, phi: number) => {
    positions[3 * i] = centre[0]! + r * Math.sin(theta) * Math.cos(phi);
    positions[3 * i + 1] = centre[1]! + r * Math.sin(theta) * Math.sin(phi);
    positions[3 * i + 2] = centre[2]! + r * Math.cos(theta);
  };
  put(0, 0, 0);
  for (let ring = 0; ring < rings; ring++) {
    for (let m = 0; m < meridians; m++) put(1 + ring * meridians + m, (Math.PI * (ring + 1)) / (rings + 1), (2 * Math.PI * m) / meridians);
  }
  put(1 + meridians * rings, Math.PI, 0);
  return latLongMesh(meridians, rings, positions);
}

/** Largest distance between the sphere() mesh and the true sphere, mm (facet sagitta, bounded generously). */
export function sphereSagitta(r: number, meridians: number, rings: number): number {
  const dPhi = (2 * Math.PI) / meridians;
  const dTheta = Math.PI / (rings + 1);
  // A facet's circumradius angle is at most half its quad's diagonal.
  const alpha = 0.5 * Math.hypot(dPhi, dTheta);
  return r * (1 - Math.cos(alpha));
}

/** Box [0, a] × [0, b] × [0, c], 12 triangles counter-clockwise seen from outside. */
export function box(a: number, b: number, c: number, origin: readonly number[] = [0, 0, 0]): TriMesh {
  const positions = new Float32Array(24);
  for (let i = 0; i < 8; i++) {
    positions[3 * i] = origin[0]! + (i & 1 ? a : 0);
    positions[3 * i + 1] = origin[1]! + (i & 2 ? b : 0);
    positions[3 * i + 2] = origin[2]! + (i & 4 ? c : 0);
  }
  const quads = [
    [0, 2, 3, 1], // z = 0, normal −z
    [4, 5, 7, 6], // z = c
    [0, 1, 5, 4], // y = 0
    [2, 6, 7, 3], // y = b
    [0, 4, 6, 2], // x = 0
    [1, 3, 7, 5], // x = a
  ];
  return { positions, indices: Uint32Array.from(quads.flatMap(([p, q, r, s]) => [p!, q!, r!, p!, r!, s!])) };
}

/**
 * Torus about the z axis: major radius R, minor radius r, `major` × `minor` quads. Outward because
 * ∂p/∂θ × ∂p/∂φ points away from the tube's centre line.
 */
export function torus(R: number, r: number, major: number, minor: number): TriMesh {
  const positions = new Float32Array(3 * major * minor);
  for (let i = 0; i < major; i++) {
    const theta = (2 * Math.PI * i) / major;
    for (let j = 0; j < minor; j++) {
      const phi = (2 * Math.PI * j) / minor;
      const k = 3 * (i * minor + j);
      positions[k] = (R + r * Math.cos(phi)) * Math.cos(theta);
      positions[k + 1] = (R + r * Math.cos(phi)) * Math.sin(theta);
      positions[k + 2] = r * Math.sin(phi);
    }
  }
  const indices = new Uint32Array(6 * major * minor);
  let n = 0;
  const at = (i: number, j: number) => (i % major) * minor + (j % minor);
  for (let i = 0; i < major; i++) {
    for (let j = 0; j < minor; j++) {
      const a = at(i, j);
      const b = at(i + 1, j);
      const c = at(i + 1, j + 1);
      const d = at(i, j + 1);
      indices.set([a, b, c, a, c, d], n);
      n += 6;
    }
  }
  return { positions, indices };
}

/** One mesh of two shells; `b` reversed (a cavity) when `hollow`. */
export function merge(a: TriMesh, b: TriMesh, hollow = false): TriMesh {
  const positions = new Float32Array(a.positions.length + b.positions.length);
  positions.set(a.positions);
  positions.set(b.positions, a.positions.length);
  const offset = a.positions.length / 3;
  const indices = new Uint32Array(a.indices.length + b.indices.length);
  indices.set(a.indices);
  for (let t = 0; t < b.indices.length; t += 3) {
    const at = a.indices.length + t;
    indices[at] = b.indices[t]! + offset;
    indices[at + 1] = b.indices[t + (hollow ? 2 : 1)]! + offset;
    indices[at + 2] = b.indices[t + (hollow ? 1 : 2)]! + offset;
  }
  return { positions, indices };
}

/** Rotation (uniform over SO(3), from a random unit quaternion) followed by translation t. */
export function randomRigid(rng: Rng, t: readonly number[] = [0, 0, 0]): Mat4 {
  let q: number[];
  let l: number;
  do {
    q = [rng.normal(), rng.normal(), rng.normal(), rng.normal()];
    l = Math.hypot(...q);
  } while (l < 1e-6);
  const [w, x, y, z] = q.map((c) => c / l) as [number, number, number, number];
  const ex = [1 - 2 * (y * y + z * z), 2 * (x * y + w * z), 2 * (x * z - w * y)];
  const ey = [2 * (x * y - w * z), 1 - 2 * (x * x + z * z), 2 * (y * z + w * x)];
  const ez = [2 * (x * z + w * y), 2 * (y * z - w * x), 1 - 2 * (x * x + y * y)];
  return mat4FromBasis(ex, ey, ez, t);
}

/** World point of pixel (i, j)'s centre on the image plane of a view with origin o, axes u, v and object pixel p. */
export function pixelCentre(o: readonly number[], u: readonly number[], v: readonly number[], p: number, i: number, j: number): [number, number, number] {
  return [0, 1, 2].map((k) => o[k]! + (i + 0.5) * p * u[k]! + (j + 0.5) * p * v[k]!) as [number, number, number];
}

/** Chord of the line x(t) = p + t·d (unit d) through the axis-aligned box [lo, hi] (slab method). */
export function boxChord(p: readonly number[], d: readonly number[], lo: readonly number[], hi: readonly number[]): number {
  let t0 = -Infinity;
  let t1 = Infinity;
  for (let k = 0; k < 3; k++) {
    if (Math.abs(d[k]!) < 1e-15) {
      if (p[k]! < lo[k]! || p[k]! > hi[k]!) return 0;
      continue;
    }
    const a = (lo[k]! - p[k]!) / d[k]!;
    const b = (hi[k]! - p[k]!) / d[k]!;
    t0 = Math.max(t0, Math.min(a, b));
    t1 = Math.min(t1, Math.max(a, b));
  }
  return Math.max(0, t1 - t0);
}

/** p and d expressed in the local frame of a rigid transform m (inverse: Rᵀ(x − t)). */
export function toLocal(m: Mat4, p: readonly number[], d: readonly number[]): { p: number[]; d: number[] } {
  const col = (c: number) => [m[4 * c]!, m[4 * c + 1]!, m[4 * c + 2]!];
  const t = [m[12]!, m[13]!, m[14]!];
  const rel = [p[0]! - t[0]!, p[1]! - t[1]!, p[2]! - t[2]!];
  const dotv = (a: number[], b: readonly number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  return { p: [0, 1, 2].map((c) => dotv(col(c), rel)), d: [0, 1, 2].map((c) => dotv(col(c), d)) };
}
