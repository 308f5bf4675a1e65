/** A point or direction in the tooth frame, mm. Tuples keep the builders short; they are not hot loops. */
export type Vec3 = readonly [number, number, number];

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
export const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
/** a + s·(b − a): the point a fraction s of the way from a to b. */
export const lerp = (a: Vec3, b: Vec3, s: number): Vec3 => [a[0] + s * (b[0] - a[0]), a[1] + s * (b[1] - a[1]), a[2] + s * (b[2] - a[2])];
/** a + s·unit(b − a): the point s mm from a toward b. */
export const toward = (a: Vec3, b: Vec3, s: number): Vec3 => lerp(a, b, s / Math.max(length(sub(b, a)), 1e-12));

/** Vertex `v` of a position buffer. */
export const vertexOf = (positions: Float32Array, v: number): Vec3 => [positions[3 * v] as number, positions[3 * v + 1] as number, positions[3 * v + 2] as number];

/** Writes `p` as vertex `v` of a position buffer. */
export function setVertex(positions: Float32Array, v: number, p: Vec3): void {
  positions[3 * v] = p[0];
  positions[3 * v + 1] = p[1];
  positions[3 * v + 2] = p[2];
}

/** Smooth step from 0 at t ≤ 0 to 1 at t ≥ 1 (zero slope at both ends, so carved surfaces have no crease). */
export const smoothstep = (t: number): number => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));
