import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import {
  PLANE_STRIDE,
  segmentCrossesTriangle,
  trianglesIntersect,
  trianglesWithPlanesIntersect,
  writePlane,
} from "../../../../generators/meshes/geometry/triangle-intersection.js";

/**
 * The plain vector form the scalar code replaced (tuples per step), kept here as the reference: the mesh checks
 * must give exactly its answers, so generated meshes do not change.
 */
type Vec = [number, number, number];
const PLANE_EPS = 1e-9;
const sub = (t: ArrayLike<number>, i: number, j: number): Vec => [t[3 * i]! - t[3 * j]!, t[3 * i + 1]! - t[3 * j + 1]!, t[3 * i + 2]! - t[3 * j + 2]!];
const cross = (a: Vec, b: Vec): Vec => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
function planeOf(t: ArrayLike<number>): { n: Vec; d: number } | null {
  const n = cross(sub(t, 1, 0), sub(t, 2, 0));
  const len = Math.hypot(n[0], n[1], n[2]);
  if (len === 0) return null;
  n[0] /= len;
  n[1] /= len;
  n[2] /= len;
  return { n, d: -(n[0] * t[0]! + n[1] * t[1]! + n[2] * t[2]!) };
}
function signedDistances(t: ArrayLike<number>, n: Vec, d: number): Vec {
  const out: Vec = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const v = n[0] * t[3 * i]! + n[1] * t[3 * i + 1]! + n[2] * t[3 * i + 2]! + d;
    out[i] = Math.abs(v) < PLANE_EPS ? 0 : v;
  }
  return out;
}
function lineInterval(p: Vec, d: Vec): [number, number] | null {
  let a: number;
  if (d[0] * d[1] > 0) a = 2;
  else if (d[0] * d[2] > 0) a = 1;
  else if (d[1] * d[2] > 0 || d[0] !== 0) a = 0;
  else if (d[1] !== 0) a = 1;
  else if (d[2] !== 0) a = 2;
  else return null;
  const pa = p[a]!, pb = p[(a + 1) % 3]!, pc = p[(a + 2) % 3]!;
  const da = d[a]!, db = d[(a + 1) % 3]!, dc = d[(a + 2) % 3]!;
  const t1 = pa + ((pb - pa) * da) / (da - db);
  const t2 = pa + ((pc - pa) * da) / (da - dc);
  return t1 < t2 ? [t1, t2] : [t2, t1];
}
/** Only whether the pair is coplanar matters here: the coplanar branch is shared code. */
function referenceTrianglesIntersect(t1: ArrayLike<number>, t2: ArrayLike<number>): boolean | "coplanar" {
  const plane2 = planeOf(t2);
  const plane1 = planeOf(t1);
  if (!plane1 || !plane2) return false;
  const d1 = signedDistances(t1, plane2.n, plane2.d);
  if ((d1[0] > 0 && d1[1] > 0 && d1[2] > 0) || (d1[0] < 0 && d1[1] < 0 && d1[2] < 0)) return false;
  const d2 = signedDistances(t2, plane1.n, plane1.d);
  if ((d2[0] > 0 && d2[1] > 0 && d2[2] > 0) || (d2[0] < 0 && d2[1] < 0 && d2[2] < 0)) return false;
  const dir = cross(plane1.n, plane2.n);
  const ax = Math.abs(dir[0]) >= Math.abs(dir[1]) && Math.abs(dir[0]) >= Math.abs(dir[2]) ? 0 : Math.abs(dir[1]) >= Math.abs(dir[2]) ? 1 : 2;
  const i1 = lineInterval([t1[ax]!, t1[3 + ax]!, t1[6 + ax]!], d1);
  const i2 = lineInterval([t2[ax]!, t2[3 + ax]!, t2[6 + ax]!], d2);
  if (!i1 || !i2) return "coplanar";
  return i1[1] >= i2[0] && i2[1] >= i1[0];
}
function referenceSegmentCrossesTriangle(seg: ArrayLike<number>, tri: ArrayLike<number>, margin = 1e-7): boolean {
  const e1 = sub(tri, 1, 0);
  const e2 = sub(tri, 2, 0);
  const dir: Vec = [seg[3]! - seg[0]!, seg[4]! - seg[1]!, seg[5]! - seg[2]!];
  const h = cross(dir, e2);
  const det = e1[0] * h[0] + e1[1] * h[1] + e1[2] * h[2];
  if (Math.abs(det) < 1e-18) return false;
  const s: Vec = [seg[0]! - tri[0]!, seg[1]! - tri[1]!, seg[2]! - tri[2]!];
  const u = (s[0] * h[0] + s[1] * h[1] + s[2] * h[2]) / det;
  if (u <= margin || u >= 1 - margin) return false;
  const qv = cross(s, e1);
  const v = (dir[0] * qv[0] + dir[1] * qv[1] + dir[2] * qv[2]) / det;
  if (v <= margin || u + v >= 1 - margin) return false;
  const t = (e2[0] * qv[0] + e2[1] * qv[1] + e2[2] * qv[2]) / det;
  return t > margin && t < 1 - margin;
}

/** Random triangle pairs rich in ties: small-integer corners (shared points, coplanar and touching pairs), float32-rounded reals, and near-coplanar pairs. */
function trianglePairs(count: number): [Float64Array, Float64Array][] {
  const rng = new Rng("triangle-intersection");
  const pairs: [Float64Array, Float64Array][] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    const coordinate = () => (kind === 0 ? rng.int(3) : kind === 1 ? Math.fround(rng.uniform(-1, 1)) : rng.uniform(-1, 1));
    const t1 = Float64Array.from({ length: 9 }, coordinate);
    const t2 = Float64Array.from({ length: 9 }, coordinate);
    // Near-coplanar: flatten the pair onto z = 0, then lift t2 by at most a few PLANE_EPS.
    if (kind === 2 && rng.bernoulli(0.5)) for (let k = 2; k < 9; k += 3) (t1[k] = 0), (t2[k] = rng.uniform(-3e-9, 3e-9));
    pairs.push([t1, t2]);
  }
  return pairs;
}

describe("allocation-free triangle–triangle test", () => {
  const base = [0, 0, 0, 2, 0, 0, 0, 2, 0];
  it("answers the known cases: crossing, touching, coplanar overlap; separated", () => {
    expect(trianglesIntersect(base, [0.5, 0.5, -1, 0.5, 0.5, 1, 1.5, 0.2, 0])).toBe(true); // crossing
    expect(trianglesIntersect(base, [0.5, 0.5, 0, 0.5, 0.5, 1, 1, 0.2, 1])).toBe(true); // touching at a vertex
    expect(trianglesIntersect(base, [2, 0, 0, 3, 0, 1, 3, 1, -1])).toBe(true); // touching corner to corner
    expect(trianglesIntersect(base, [0.2, 0.2, 0, 3, 0.2, 0, 0.2, 3, 0])).toBe(true); // coplanar overlap
    expect(trianglesIntersect(base, [0, 0, 0.1, 2, 0, 0.1, 0, 2, 0.1])).toBe(false); // parallel planes
    expect(trianglesIntersect(base, [3, 3, 0, 4, 3, 0, 3, 4, 0])).toBe(false); // coplanar apart
    expect(trianglesIntersect(base, [2, 2, -1, 2, 2, 1, 3, 3, 0])).toBe(false); // crosses the plane beside it
    expect(trianglesIntersect(base, [0, 0, 0, 1, 1, 0, 2, 2, 0])).toBe(false); // degenerate
  });

  it("gives exactly the plain vector form's answers, with planes passed in or computed", () => {
    const planes = new Float64Array(2 * PLANE_STRIDE);
    let coplanar = 0;
    let hits = 0;
    let mismatches = 0;
    for (const [t1, t2] of trianglePairs(30_000)) {
      const expected = referenceTrianglesIntersect(t1, t2);
      const got = trianglesIntersect(t1, t2);
      if (expected === "coplanar") coplanar++;
      else if (got !== expected) mismatches++;
      if (got) hits++;
      if (writePlane(t1, planes, 0) && writePlane(t2, planes, PLANE_STRIDE) && trianglesWithPlanesIntersect(t1, planes, 0, t2, planes, PLANE_STRIDE) !== got) mismatches++;
    }
    expect(mismatches).toBe(0);
    // The cases exercise every branch: coplanar pairs, meetings and misses.
    expect(coplanar).toBeGreaterThan(100);
    expect(hits).toBeGreaterThan(1000);
  });

  it("writes the unit normal and offset of a plane, and nothing for a degenerate triangle", () => {
    const out = new Float64Array(PLANE_STRIDE + 1).fill(7);
    expect(writePlane([1, 0, 2, 3, 0, 2, 1, 4, 2], out, 1)).toBe(true);
    expect(Array.from(out)).toEqual([7, 0, 0, 1, -2]);
    expect(writePlane([0, 0, 0, 1, 1, 1, 2, 2, 2], out, 0)).toBe(false);
    expect(out[0]).toBe(7);
  });
});

describe("allocation-free segment–triangle test", () => {
  it("gives exactly the plain vector form's answers", () => {
    let crossings = 0;
    let mismatches = 0;
    for (const [t1, t2] of trianglePairs(30_000)) {
      const expected = referenceSegmentCrossesTriangle(t1, t2);
      if (segmentCrossesTriangle(t1, t2) !== expected) mismatches++;
      if (expected) crossings++;
    }
    expect(mismatches).toBe(0);
    expect(crossings).toBeGreaterThan(100);
  });
});
