/**
 * Exact-in-spirit triangle–triangle and segment–triangle tests in double precision, after Möller,
 * "A fast triangle-triangle intersection test", Journal of Graphics Tools 2(2), 1997
 * (https://fileadmin.cs.lth.se/cs/Personal/Tomas_Akenine-Moller/pubs/tritri.pdf).
 *
 * Triangles are passed as 9 numbers (x0 y0 z0 x1 y1 z1 x2 y2 z2). Touching counts as intersecting: the callers
 * ask "do these surfaces meet at all", and a shared point is a meeting.
 */

/** Distances below this (mm, against unit normals) are treated as lying on the plane. */
const PLANE_EPS = 1e-9;

type Vec = [number, number, number];

const sub = (t: ArrayLike<number>, i: number, j: number): Vec => [
  (t[3 * i] as number) - (t[3 * j] as number),
  (t[3 * i + 1] as number) - (t[3 * j + 1] as number),
  (t[3 * i + 2] as number) - (t[3 * j + 2] as number),
];
const cross = (a: Vec, b: Vec): Vec => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

/** Unit normal and offset of the triangle's plane, or null for a degenerate (zero-area) triangle. */
function planeOf(t: ArrayLike<number>): { n: Vec; d: number } | null {
  const n = cross(sub(t, 1, 0), sub(t, 2, 0));
  const len = Math.hypot(n[0], n[1], n[2]);
  if (len === 0) return null;
  n[0] /= len;
  n[1] /= len;
  n[2] /= len;
  return { n, d: -(n[0] * (t[0] as number) + n[1] * (t[1] as number) + n[2] * (t[2] as number)) };
}

function signedDistances(t: ArrayLike<number>, n: Vec, d: number): Vec {
  const out: Vec = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const v = n[0] * (t[3 * i] as number) + n[1] * (t[3 * i + 1] as number) + n[2] * (t[3 * i + 2] as number) + d;
    out[i] = Math.abs(v) < PLANE_EPS ? 0 : v;
  }
  return out;
}

/**
 * Interval where the triangle crosses the line of the two planes, in the projected coordinate p of its
 * vertices; null when the triangle is coplanar with the other plane.
 */
function lineInterval(p: Vec, d: Vec): [number, number] | null {
  let a: number;
  if (d[0] * d[1] > 0) a = 2;
  else if (d[0] * d[2] > 0) a = 1;
  else if (d[1] * d[2] > 0 || d[0] !== 0) a = 0;
  else if (d[1] !== 0) a = 1;
  else if (d[2] !== 0) a = 2;
  else return null;
  const b = (a + 1) % 3;
  const c = (a + 2) % 3;
  const pa = p[a] as number, pb = p[b] as number, pc = p[c] as number;
  const da = d[a] as number, db = d[b] as number, dc = d[c] as number;
  const t1 = pa + ((pb - pa) * da) / (da - db);
  const t2 = pa + ((pc - pa) * da) / (da - dc);
  return t1 < t2 ? [t1, t2] : [t2, t1];
}

/** Whether two triangles intersect or touch (Möller 1997, with a 2D fallback for coplanar pairs). */
export function trianglesIntersect(t1: ArrayLike<number>, t2: ArrayLike<number>): boolean {
  const plane2 = planeOf(t2);
  const plane1 = planeOf(t1);
  if (!plane1 || !plane2) return false;
  const d1 = signedDistances(t1, plane2.n, plane2.d);
  if ((d1[0] > 0 && d1[1] > 0 && d1[2] > 0) || (d1[0] < 0 && d1[1] < 0 && d1[2] < 0)) return false;
  const d2 = signedDistances(t2, plane1.n, plane1.d);
  if ((d2[0] > 0 && d2[1] > 0 && d2[2] > 0) || (d2[0] < 0 && d2[1] < 0 && d2[2] < 0)) return false;
  const dir = cross(plane1.n, plane2.n);
  // Projecting on the largest component of the line direction gives the same ordering as the true parameter.
  const ax = Math.abs(dir[0]) >= Math.abs(dir[1]) && Math.abs(dir[0]) >= Math.abs(dir[2]) ? 0 : Math.abs(dir[1]) >= Math.abs(dir[2]) ? 1 : 2;
  const p1: Vec = [t1[ax] as number, t1[3 + ax] as number, t1[6 + ax] as number];
  const p2: Vec = [t2[ax] as number, t2[3 + ax] as number, t2[6 + ax] as number];
  const i1 = lineInterval(p1, d1);
  const i2 = lineInterval(p2, d2);
  if (!i1 || !i2) return coplanarTrianglesIntersect(t1, t2, plane1.n);
  return i1[1] >= i2[0] && i2[1] >= i1[0];
}

/** 2D orientation of (a, b, c): positive when counter-clockwise. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function segmentsIntersect2d(a: number[], b: number[], c: number[], d: number[]): boolean {
  const o1 = orient(a[0]!, a[1]!, b[0]!, b[1]!, c[0]!, c[1]!);
  const o2 = orient(a[0]!, a[1]!, b[0]!, b[1]!, d[0]!, d[1]!);
  const o3 = orient(c[0]!, c[1]!, d[0]!, d[1]!, a[0]!, a[1]!);
  const o4 = orient(c[0]!, c[1]!, d[0]!, d[1]!, b[0]!, b[1]!);
  return o1 * o2 <= 0 && o3 * o4 <= 0 && !(o1 === 0 && o2 === 0 && o3 === 0 && o4 === 0 && !boxesOverlap(a, b, c, d));
}

function boxesOverlap(a: number[], b: number[], c: number[], d: number[]): boolean {
  for (let k = 0; k < 2; k++) {
    if (Math.max(a[k]!, b[k]!) < Math.min(c[k]!, d[k]!) || Math.max(c[k]!, d[k]!) < Math.min(a[k]!, b[k]!)) return false;
  }
  return true;
}

function pointInTriangle2d(p: number[], t: number[][]): boolean {
  const [a, b, c] = t as [number[], number[], number[]];
  const o1 = orient(a[0]!, a[1]!, b[0]!, b[1]!, p[0]!, p[1]!);
  const o2 = orient(b[0]!, b[1]!, c[0]!, c[1]!, p[0]!, p[1]!);
  const o3 = orient(c[0]!, c[1]!, a[0]!, a[1]!, p[0]!, p[1]!);
  return (o1 >= 0 && o2 >= 0 && o3 >= 0) || (o1 <= 0 && o2 <= 0 && o3 <= 0);
}

function coplanarTrianglesIntersect(t1: ArrayLike<number>, t2: ArrayLike<number>, n: Vec): boolean {
  // Drop the coordinate along which the normal is largest: the projection keeps the triangles non-degenerate.
  const drop = Math.abs(n[0]) >= Math.abs(n[1]) && Math.abs(n[0]) >= Math.abs(n[2]) ? 0 : Math.abs(n[1]) >= Math.abs(n[2]) ? 1 : 2;
  const u = drop === 0 ? 1 : 0;
  const v = drop === 2 ? 1 : 2;
  const a = [0, 1, 2].map((i) => [t1[3 * i + u] as number, t1[3 * i + v] as number]);
  const b = [0, 1, 2].map((i) => [t2[3 * i + u] as number, t2[3 * i + v] as number]);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      if (segmentsIntersect2d(a[i]!, a[(i + 1) % 3]!, b[j]!, b[(j + 1) % 3]!)) return true;
    }
  }
  return pointInTriangle2d(a[0]!, b) || pointInTriangle2d(b[0]!, a);
}

/**
 * Whether the open segment p→q crosses the triangle's interior, by Möller–Trumbore ("Fast, minimum storage
 * ray-triangle intersection", 1997). Endpoints and the triangle's boundary are excluded by a small relative
 * margin: this is used for triangles that share a vertex, where meeting at that vertex is not an intersection.
 */
export function segmentCrossesTriangle(seg: ArrayLike<number>, tri: ArrayLike<number>, margin = 1e-7): boolean {
  const e1 = sub(tri, 1, 0);
  const e2 = sub(tri, 2, 0);
  const dir: Vec = [(seg[3] as number) - (seg[0] as number), (seg[4] as number) - (seg[1] as number), (seg[5] as number) - (seg[2] as number)];
  const h = cross(dir, e2);
  const det = e1[0] * h[0] + e1[1] * h[1] + e1[2] * h[2];
  if (Math.abs(det) < 1e-18) return false;
  const s: Vec = [(seg[0] as number) - (tri[0] as number), (seg[1] as number) - (tri[1] as number), (seg[2] as number) - (tri[2] as number)];
  const u = (s[0] * h[0] + s[1] * h[1] + s[2] * h[2]) / det;
  if (u <= margin || u >= 1 - margin) return false;
  const qv = cross(s, e1);
  const v = (dir[0] * qv[0] + dir[1] * qv[1] + dir[2] * qv[2]) / det;
  if (v <= margin || u + v >= 1 - margin) return false;
  const t = (e2[0] * qv[0] + e2[1] * qv[1] + e2[2] * qv[2]) / det;
  return t > margin && t < 1 - margin;
}
