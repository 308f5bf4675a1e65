/**
 * The point of a closed surface nearest a query point: where the dentinal tubules under a lesion lead (they run
 * from the DEJ to the pulp), and the local dentin thickness that sets a lesion's depth. Brute force over the
 * triangles (a pulp has about 2,000): called a few times per tooth.
 */
import type { TriMesh } from "../geometry/tri-mesh.js";
import { length, sub, type Vec3 } from "./vec3.js";

/** Closest point of triangle abc to p, by the Voronoi regions of Ericson, Real-Time Collision Detection
 * (2005) §5.1.5. */
export function closestPointOnTriangle(p: Vec3, a: Vec3, b: Vec3, c: Vec3): Vec3 {
  const dot = (u: Vec3, v: Vec3) => u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  const at = (s: number, t: number): Vec3 => [a[0] + s * (b[0] - a[0]) + t * (c[0] - a[0]), a[1] + s * (b[1] - a[1]) + t * (c[1] - a[1]), a[2] + s * (b[2] - a[2]) + t * (c[2] - a[2])];
  const ab = sub(b, a);
  const ac = sub(c, a);
  const ap = sub(p, a);
  const d1 = dot(ab, ap);
  const d2 = dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return a;
  const bp = sub(p, b);
  const d3 = dot(ab, bp);
  const d4 = dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return b;
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return at(d1 / (d1 - d3), 0);
  const cp = sub(p, c);
  const d5 = dot(ab, cp);
  const d6 = dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return c;
  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return at(0, d2 / (d2 - d6));
  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
    const w = (d4 - d3) / (d4 - d3 + (d5 - d6));
    return at(1 - w, w);
  }
  const denom = 1 / (va + vb + vc);
  return at(vb * denom, vc * denom);
}

/** The nearest point of `surface` to `p`, and its distance. */
export function closestPointOnSurface(surface: TriMesh, p: Vec3): { point: Vec3; distance: number } {
  const pos = surface.positions;
  const idx = surface.indices;
  const v = (i: number): Vec3 => [pos[3 * i] as number, pos[3 * i + 1] as number, pos[3 * i + 2] as number];
  let best: Vec3 = v(idx[0] as number);
  let bestDistance = Infinity;
  for (let t = 0; t < idx.length; t += 3) {
    const q = closestPointOnTriangle(p, v(idx[t] as number), v(idx[t + 1] as number), v(idx[t + 2] as number));
    const d = length(sub(q, p));
    if (d < bestDistance) {
      bestDistance = d;
      best = q;
    }
  }
  return { point: best, distance: bestDistance };
}
