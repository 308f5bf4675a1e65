import { TriangleGrid, triangleCoordinates } from "./triangle-grid.js";
import type { TriMesh } from "./tri-mesh.js";

/**
 * Closest distance from any vertex of `points` to the surface `surface` (its triangles, not just its vertices),
 * searched within `searchRadius` mm; returns `searchRadius` when nothing is closer. With nested layers this is
 * the thinnest gap between them at the inner layer's vertices, the clearance a renderer or a boolean needs.
 *
 * Point–triangle distance by the closest-point regions of Ericson, Real-Time Collision Detection (2005) §5.1.5.
 * Cost about O(V · triangles per search box) with a {@link TriangleGrid}.
 */
export function minimumDistanceToSurface(points: TriMesh, surface: TriMesh, searchRadius = 1): number {
  const grid = new TriangleGrid(surface);
  const stamp = new Int32Array(surface.indices.length / 3).fill(-1);
  const tri = new Float64Array(9);
  const box = new Float64Array(6);
  const p = points.positions;
  let best = searchRadius;
  for (let i = 0; i < p.length; i += 3) {
    const x = p[i] as number, y = p[i + 1] as number, z = p[i + 2] as number;
    const r = best;
    box.set([x - r, y - r, z - r, x + r, y + r, z + r]);
    grid.query(box, 0, stamp, i / 3, (t) => {
      const d = pointTriangleDistance(x, y, z, triangleCoordinates(surface, t, tri));
      if (d < best) best = d;
    });
  }
  return best;
}

/** Euclidean distance from (px, py, pz) to the triangle (9 coordinates). */
export function pointTriangleDistance(px: number, py: number, pz: number, t: ArrayLike<number>): number {
  const ax = t[0] as number, ay = t[1] as number, az = t[2] as number;
  const bx = t[3] as number, by = t[4] as number, bz = t[5] as number;
  const cx = t[6] as number, cy = t[7] as number, cz = t[8] as number;
  const abx = bx - ax, aby = by - ay, abz = bz - az;
  const acx = cx - ax, acy = cy - ay, acz = cz - az;
  const apx = px - ax, apy = py - ay, apz = pz - az;
  const dist = (qx: number, qy: number, qz: number) => Math.hypot(px - qx, py - qy, pz - qz);
  const d1 = abx * apx + aby * apy + abz * apz;
  const d2 = acx * apx + acy * apy + acz * apz;
  if (d1 <= 0 && d2 <= 0) return dist(ax, ay, az);
  const bpx = px - bx, bpy = py - by, bpz = pz - bz;
  const d3 = abx * bpx + aby * bpy + abz * bpz;
  const d4 = acx * bpx + acy * bpy + acz * bpz;
  if (d3 >= 0 && d4 <= d3) return dist(bx, by, bz);
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) {
    const v = d1 / (d1 - d3);
    return dist(ax + v * abx, ay + v * aby, az + v * abz);
  }
  const cpx = px - cx, cpy = py - cy, cpz = pz - cz;
  const d5 = abx * cpx + aby * cpy + abz * cpz;
  const d6 = acx * cpx + acy * cpy + acz * cpz;
  if (d6 >= 0 && d5 <= d6) return dist(cx, cy, cz);
  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) {
    const w = d2 / (d2 - d6);
    return dist(ax + w * acx, ay + w * acy, az + w * acz);
  }
  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
    const w = (d4 - d3) / (d4 - d3 + (d5 - d6));
    return dist(bx + w * (cx - bx), by + w * (cy - by), bz + w * (cz - bz));
  }
  const denom = 1 / (va + vb + vc);
  const v = vb * denom;
  const w = vc * denom;
  return dist(ax + abx * v + acx * w, ay + aby * v + acy * w, az + abz * v + acz * w);
}
