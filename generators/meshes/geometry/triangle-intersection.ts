/**
 * Exact-in-spirit triangle–triangle and segment–triangle tests in double precision, after Möller,
 * "A fast triangle-triangle intersection test", Journal of Graphics Tools 2(2), 1997
 * (https://fileadmin.cs.lth.se/cs/Personal/Tomas_Akenine-Moller/pubs/tritri.pdf).
 *
 * Triangles are passed as 9 numbers (x0 y0 z0 x1 y1 z1 x2 y2 z2). Touching counts as intersecting: the callers
 * ask "do these surfaces meet at all", and a shared point is a meeting.
 *
 * The mesh checks run these tests millions of times per patient, so the common paths work on scalars and
 * allocate nothing (small tuples per call made the garbage collector a tenth of the run). Every expression keeps
 * the operand order of the plain vector form, so the answers are bit-for-bit those of that form.
 */

/** Distances below this (mm, against unit normals) are treated as lying on the plane. */
const PLANE_EPS = 1e-9;

/** Numbers per plane written by {@link writePlane}: unit normal x, y, z, then offset d (n·p + d = 0). */
export const PLANE_STRIDE = 4;

/**
 * Writes the unit normal and offset of the triangle's plane to out[o .. o + 4); returns false (writing nothing)
 * for a degenerate, zero-area triangle, which meets nothing. Callers testing one triangle against many keep its
 * plane, and static surfaces keep all of theirs (see triangle-planes.ts).
 */
export function writePlane(t: ArrayLike<number>, out: Float64Array, o: number): boolean {
  const t0 = t[0] as number, t1 = t[1] as number, t2 = t[2] as number;
  const e1x = (t[3] as number) - t0, e1y = (t[4] as number) - t1, e1z = (t[5] as number) - t2;
  const e2x = (t[6] as number) - t0, e2y = (t[7] as number) - t1, e2z = (t[8] as number) - t2;
  let nx = e1y * e2z - e1z * e2y;
  let ny = e1z * e2x - e1x * e2z;
  let nz = e1x * e2y - e1y * e2x;
  // Math.hypot, not sqrt of the sum: it rounds differently, and the answers must not move.
  const len = Math.hypot(nx, ny, nz);
  if (len === 0) return false;
  nx /= len;
  ny /= len;
  nz /= len;
  out[o] = nx;
  out[o + 1] = ny;
  out[o + 2] = nz;
  out[o + 3] = -(nx * t0 + ny * t1 + nz * t2);
  return true;
}

/** Signed distance of vertex i of t to the plane, snapped to 0 within PLANE_EPS. */
function planeDistance(t: ArrayLike<number>, i: number, nx: number, ny: number, nz: number, d: number): number {
  const v = nx * (t[3 * i] as number) + ny * (t[3 * i + 1] as number) + nz * (t[3 * i + 2] as number) + d;
  return Math.abs(v) < PLANE_EPS ? 0 : v;
}

/** Scratch for {@link trianglesIntersect}'s two planes (module-level: JS runs one call at a time per thread). */
const planeScratch = new Float64Array(2 * PLANE_STRIDE);
/** Scratch for the two line intervals: [lo1, hi1, lo2, hi2]. */
const intervals = new Float64Array(4);

/**
 * Interval where the triangle crosses the line of the two planes, in the projected coordinates p0..p2 of its
 * vertices with plane distances d0..d2, written to intervals[at], intervals[at + 1]; false when the triangle is
 * coplanar with the other plane.
 */
function lineInterval(p0: number, p1: number, p2: number, d0: number, d1: number, d2: number, at: number): boolean {
  // The vertex alone on its side of the plane is a; b and c follow it cyclically.
  let pa: number, pb: number, pc: number, da: number, db: number, dc: number;
  if (d0 * d1 > 0) (pa = p2), (pb = p0), (pc = p1), (da = d2), (db = d0), (dc = d1);
  else if (d0 * d2 > 0) (pa = p1), (pb = p2), (pc = p0), (da = d1), (db = d2), (dc = d0);
  else if (d1 * d2 > 0 || d0 !== 0) (pa = p0), (pb = p1), (pc = p2), (da = d0), (db = d1), (dc = d2);
  else if (d1 !== 0) (pa = p1), (pb = p2), (pc = p0), (da = d1), (db = d2), (dc = d0);
  else if (d2 !== 0) (pa = p2), (pb = p0), (pc = p1), (da = d2), (db = d0), (dc = d1);
  else return false;
  const t1 = pa + ((pb - pa) * da) / (da - db);
  const t2 = pa + ((pc - pa) * da) / (da - dc);
  intervals[at] = t1 < t2 ? t1 : t2;
  intervals[at + 1] = t1 < t2 ? t2 : t1;
  return true;
}

/** Whether two triangles intersect or touch (Möller 1997, with a 2D fallback for coplanar pairs). */
export function trianglesIntersect(t1: ArrayLike<number>, t2: ArrayLike<number>): boolean {
  if (!writePlane(t2, planeScratch, PLANE_STRIDE) || !writePlane(t1, planeScratch, 0)) return false;
  return trianglesWithPlanesIntersect(t1, planeScratch, 0, t2, planeScratch, PLANE_STRIDE);
}

/**
 * {@link trianglesIntersect} with both planes already known (as written by {@link writePlane}, at o1 in p1 and
 * o2 in p2; neither degenerate), so a triangle tested against many pays for its plane once.
 */
export function trianglesWithPlanesIntersect(
  t1: ArrayLike<number>,
  p1: ArrayLike<number>,
  o1: number,
  t2: ArrayLike<number>,
  p2: ArrayLike<number>,
  o2: number,
): boolean {
  const m1x = p2[o2] as number, m1y = p2[o2 + 1] as number, m1z = p2[o2 + 2] as number, m1d = p2[o2 + 3] as number;
  // Distances of t1's vertices to t2's plane: all on one side means no meeting.
  const a0 = planeDistance(t1, 0, m1x, m1y, m1z, m1d);
  const a1 = planeDistance(t1, 1, m1x, m1y, m1z, m1d);
  const a2 = planeDistance(t1, 2, m1x, m1y, m1z, m1d);
  if ((a0 > 0 && a1 > 0 && a2 > 0) || (a0 < 0 && a1 < 0 && a2 < 0)) return false;
  const n1x = p1[o1] as number, n1y = p1[o1 + 1] as number, n1z = p1[o1 + 2] as number, n1d = p1[o1 + 3] as number;
  const b0 = planeDistance(t2, 0, n1x, n1y, n1z, n1d);
  const b1 = planeDistance(t2, 1, n1x, n1y, n1z, n1d);
  const b2 = planeDistance(t2, 2, n1x, n1y, n1z, n1d);
  if ((b0 > 0 && b1 > 0 && b2 > 0) || (b0 < 0 && b1 < 0 && b2 < 0)) return false;
  const dx = n1y * m1z - n1z * m1y;
  const dy = n1z * m1x - n1x * m1z;
  const dz = n1x * m1y - n1y * m1x;
  // Projecting on the largest component of the line direction gives the same ordering as the true parameter.
  const ax = Math.abs(dx) >= Math.abs(dy) && Math.abs(dx) >= Math.abs(dz) ? 0 : Math.abs(dy) >= Math.abs(dz) ? 1 : 2;
  if (
    !lineInterval(t1[ax] as number, t1[3 + ax] as number, t1[6 + ax] as number, a0, a1, a2, 0) ||
    !lineInterval(t2[ax] as number, t2[3 + ax] as number, t2[6 + ax] as number, b0, b1, b2, 2)
  ) {
    return coplanarTrianglesIntersect(t1, t2, n1x, n1y, n1z);
  }
  return (intervals[1] as number) >= (intervals[2] as number) && (intervals[3] as number) >= (intervals[0] as number);
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

/** Coplanar pairs are rare, so this path keeps the plain (allocating) 2D form. */
function coplanarTrianglesIntersect(t1: ArrayLike<number>, t2: ArrayLike<number>, nx: number, ny: number, nz: number): boolean {
  // Drop the coordinate along which the normal is largest: the projection keeps the triangles non-degenerate.
  const drop = Math.abs(nx) >= Math.abs(ny) && Math.abs(nx) >= Math.abs(nz) ? 0 : Math.abs(ny) >= Math.abs(nz) ? 1 : 2;
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
  const t0 = tri[0] as number, t1 = tri[1] as number, t2 = tri[2] as number;
  const e1x = (tri[3] as number) - t0, e1y = (tri[4] as number) - t1, e1z = (tri[5] as number) - t2;
  const e2x = (tri[6] as number) - t0, e2y = (tri[7] as number) - t1, e2z = (tri[8] as number) - t2;
  const s0 = seg[0] as number, s1 = seg[1] as number, s2 = seg[2] as number;
  const dx = (seg[3] as number) - s0, dy = (seg[4] as number) - s1, dz = (seg[5] as number) - s2;
  const hx = dy * e2z - dz * e2y;
  const hy = dz * e2x - dx * e2z;
  const hz = dx * e2y - dy * e2x;
  const det = e1x * hx + e1y * hy + e1z * hz;
  if (Math.abs(det) < 1e-18) return false;
  const sx = s0 - t0, sy = s1 - t1, sz = s2 - t2;
  const u = (sx * hx + sy * hy + sz * hz) / det;
  if (u <= margin || u >= 1 - margin) return false;
  const qx = sy * e1z - sz * e1y;
  const qy = sz * e1x - sx * e1z;
  const qz = sx * e1y - sy * e1x;
  const v = (dx * qx + dy * qy + dz * qz) / det;
  if (v <= margin || u + v >= 1 - margin) return false;
  const t = (e2x * qx + e2y * qy + e2z * qz) / det;
  return t > margin && t < 1 - margin;
}
