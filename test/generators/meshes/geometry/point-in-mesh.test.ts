import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { PointInMesh } from "../../../../generators/meshes/geometry/point-in-mesh.js";
import type { TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";
import { cube, sphere } from "./fixtures.js";

/**
 * The parity test over every triangle, no grid, reading corners through vertex indices as before the corners
 * were laid out per triangle: the grid and the layout must not change any answer.
 */
function referenceContains(mesh: TriMesh, px: number, py: number, z: number): boolean {
  const p = Float64Array.from(mesh.positions);
  for (let i = 0; i < p.length; i += 3) {
    p[i] = p[i]! - (1 / 73) * p[i + 2]!;
    p[i + 1] = p[i + 1]! - (1 / 131) * p[i + 2]!;
  }
  const x = px - (1 / 73) * z;
  const y = py - (1 / 131) * z;
  const edgeFunction = (u: number, v: number) => (p[v]! - p[u]!) * (y - p[u + 1]!) - (p[v + 1]! - p[u + 1]!) * (x - p[u]!);
  // The edge function is read from the edge's lower-numbered end (so both triangles beside it see opposite
  // values); the tie rule asks about the triangle's own direction u→v (so exactly one of them owns the edge).
  const edgeWeight = (u: number, v: number): number => {
    const [lo, hi, sign] = u > v ? [v, u, -1] : [u, v, 1];
    const w = sign * edgeFunction(lo, hi);
    if (w > 0) return w;
    if (w < 0) return NaN;
    const dy = p[v + 1]! - p[u + 1]!;
    const dx = p[v]! - p[u]!;
    return dy > 0 || (dy === 0 && dx < 0) ? 0 : NaN;
  };
  let crossings = 0;
  for (let t = 0; t < mesh.indices.length; t += 3) {
    const a = 3 * mesh.indices[t]!;
    let b = 3 * mesh.indices[t + 1]!;
    let d = 3 * mesh.indices[t + 2]!;
    const o = (p[b]! - p[a]!) * (p[d + 1]! - p[a + 1]!) - (p[b + 1]! - p[a + 1]!) * (p[d]! - p[a]!);
    if (o === 0) continue;
    if (o < 0) [b, d] = [d, b];
    const w = [edgeWeight(b, d), edgeWeight(d, a), edgeWeight(a, b)] as const;
    if (w.some(Number.isNaN)) continue;
    if ((w[0] * p[a + 2]! + w[1] * p[b + 2]! + w[2] * p[d + 2]!) / (w[0] + w[1] + w[2]) > z) crossings++;
  }
  return crossings % 2 === 1;
}

describe("point in mesh against the gridless parity test", () => {
  it("agrees at random points and at points whose rays meet edges and vertices", () => {
    const rng = new Rng("point-in-mesh");
    for (const mesh of [cube(2, -1, -1, -1), sphere(1, 20, 10)]) {
      const solid = new PointInMesh(mesh);
      let mismatches = 0;
      let inside = 0;
      const points: [number, number, number][] = [];
      for (let i = 0; i < 1500; i++) points.push([rng.uniform(-1.3, 1.3), rng.uniform(-1.3, 1.3), rng.uniform(-1.3, 1.3)]);
      // Quarter-grid points: on the cube's ray-projected edges, diagonals and corners.
      for (let x = -1; x <= 1; x += 0.25) for (let y = -1; y <= 1; y += 0.25) for (const z of [-1.5, -0.5, 0, 0.5]) points.push([x, y, z]);
      for (const [x, y, z] of points) {
        const got = solid.contains(x, y, z);
        if (got !== referenceContains(mesh, x, y, z)) mismatches++;
        if (got) inside++;
      }
      expect(mismatches).toBe(0);
      expect(inside).toBeGreaterThan(100);
    }
  });

  it("gives the cube's true answer wherever the point is off its surface, rays through its edges and corners included", () => {
    const solid = new PointInMesh(cube(2, -1, -1, -1));
    let checked = 0;
    // Points whose sheared rays pass exactly through the cube's projected edges and corners.
    for (let x = -1.5; x <= 1.5; x += 0.25) {
      for (let y = -1.5; y <= 1.5; y += 0.25) {
        for (const z of [-1.5, -0.5, 0, 0.5, 1.5]) {
          if ([x, y, z].some((c) => Math.abs(c) === 1)) continue; // on a face plane: either answer is allowed
          const inside = Math.abs(x) < 1 && Math.abs(y) < 1 && Math.abs(z) < 1;
          expect(solid.contains(x, y, z), `${x} ${y} ${z}`).toBe(inside);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
