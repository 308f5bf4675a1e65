import type { Axis } from "./extents-along.js";
import type { TriMesh } from "./tri-mesh.js";

/**
 * Number of closed loops in which the plane {p : p · axis/|axis| = offset} cuts a closed mesh. A horizontal cut
 * through the roots of a molar gives one loop per root, which is how tests count roots from geometry alone.
 *
 * Vertices are classed as above (> offset) or not, so a vertex exactly on the plane never splits a loop. Each
 * triangle with vertices on both sides contributes one segment joining two crossed edges; loops are the
 * connected components of crossed edges under those segments (union–find). Cost O(F).
 */
export function countSectionLoops(mesh: TriMesh, axis: Axis, offset: number): number {
  const [ax, ay, az] = axis;
  const len = Math.hypot(ax, ay, az);
  const p = mesh.positions;
  const idx = mesh.indices;
  const n = p.length / 3;
  const above = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    above[i] = ((p[3 * i] as number) * ax + (p[3 * i + 1] as number) * ay + (p[3 * i + 2] as number) * az) / len > offset ? 1 : 0;
  }
  const nodeOf = new Map<number, number>();
  const parent: number[] = [];
  const node = (u: number, v: number): number => {
    const key = u < v ? u * n + v : v * n + u;
    let id = nodeOf.get(key);
    if (id === undefined) {
      id = parent.length;
      parent.push(id);
      nodeOf.set(key, id);
    }
    return id;
  };
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  for (let t = 0; t < idx.length; t += 3) {
    const tri = [idx[t] as number, idx[t + 1] as number, idx[t + 2] as number];
    const crossed: number[] = [];
    for (let k = 0; k < 3; k++) {
      const u = tri[k] as number;
      const v = tri[(k + 1) % 3] as number;
      if (above[u] !== above[v]) crossed.push(node(u, v));
    }
    if (crossed.length === 2) {
      const r1 = find(crossed[0] as number);
      const r2 = find(crossed[1] as number);
      if (r1 !== r2) parent[r1] = r2;
    }
  }
  let loops = 0;
  for (let i = 0; i < parent.length; i++) if (find(i) === i) loops++;
  return loops;
}
