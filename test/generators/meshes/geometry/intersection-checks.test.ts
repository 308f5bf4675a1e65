import { describe, expect, it } from "vitest";
import { checkNestedInside } from "../../../../generators/meshes/geometry/nested-inside.js";
import { PointInMesh, pointInMesh } from "../../../../generators/meshes/geometry/point-in-mesh.js";
import { findSelfIntersections, meshesIntersect } from "../../../../generators/meshes/geometry/self-intersections.js";
import { trianglesIntersect } from "../../../../generators/meshes/geometry/triangle-intersection.js";
import { minimumDistanceToSurface, pointTriangleDistance } from "../../../../generators/meshes/geometry/surface-distance.js";
import { cube, merge, sphere, tetrahedron } from "./fixtures.js";

describe("triangle–triangle test (Möller 1997)", () => {
  const base = [0, 0, 0, 2, 0, 0, 0, 2, 0];
  it("finds crossing, touching and coplanar overlaps", () => {
    expect(trianglesIntersect(base, [0.5, 0.5, -1, 0.5, 0.5, 1, 1.5, 0.2, 0])).toBe(true);
    expect(trianglesIntersect(base, [0.5, 0.5, 0, 0.5, 0.5, 1, 1, 0.2, 1])).toBe(true);
    expect(trianglesIntersect(base, [0.2, 0.2, 0, 3, 0.2, 0, 0.2, 3, 0])).toBe(true);
  });
  it("rejects separated pairs", () => {
    expect(trianglesIntersect(base, [0, 0, 0.1, 2, 0, 0.1, 0, 2, 0.1])).toBe(false);
    expect(trianglesIntersect(base, [2, 2, -1, 2, 2, 1, 3, 3, 0])).toBe(false);
    expect(trianglesIntersect(base, [3, 3, 0, 4, 3, 0, 3, 4, 0])).toBe(false);
  });
});

describe("self-intersection", () => {
  it("finds none on a cube, a tetrahedron and a 20k-triangle sphere", () => {
    expect(findSelfIntersections(cube())).toEqual([]);
    expect(findSelfIntersections(tetrahedron())).toEqual([]);
    const fine = sphere(5, 160, 64);
    expect(fine.indices.length / 3).toBeGreaterThan(20_000);
    const started = performance.now();
    expect(findSelfIntersections(fine)).toEqual([]);
    // A grid keeps it near linear: all pairs would be 2·10⁸ tests.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("finds the crossing of two overlapping cubes kept as two shells", () => {
    const union = merge(cube(), cube(1, 0.5, 0.5, 0.5));
    expect(findSelfIntersections(union).length).toBeGreaterThan(0);
    expect(meshesIntersect(cube(), cube(1, 0.5, 0.5, 0.5))).toBe(true);
    expect(meshesIntersect(cube(), cube(1, 2))).toBe(false);
  });

  it("finds a fold between faces that share a vertex", () => {
    // Two triangles fanned around vertex 0, the second folded through the first.
    const positions = Float32Array.from([0, 0, 0, 2, 0, 0, 0, 2, 0, 0.5, 0.5, 1, 0.5, 0.5, -1]);
    const indices = Uint32Array.from([0, 1, 2, 0, 3, 4]);
    expect(findSelfIntersections({ positions, indices })).toEqual([[0, 1]]);
  });
});

describe("point in mesh", () => {
  it("answers inside and outside for a cube, including rays through edges and vertices", () => {
    const solid = new PointInMesh(cube());
    expect(solid.contains(0.5, 0.5, 0.5)).toBe(true);
    // Points on the faces' diagonals: the parity ray is slightly oblique (see point-in-mesh.ts), so it meets the
    // top face near, not exactly on, its diagonal edge; the exact-edge case is in point-in-mesh.test.ts.
    expect(solid.contains(0.25, 0.25, 0.5)).toBe(true);
    expect(solid.contains(0.5, 0.5, 1.5)).toBe(false);
    expect(solid.contains(0.5, 0.5, -0.5)).toBe(false);
    expect(solid.contains(1.5, 0.5, 0.5)).toBe(false);
    expect(pointInMesh(tetrahedron(), [0.1, 0.1, 0.1])).toBe(true);
    expect(pointInMesh(tetrahedron(), [0.5, 0.5, 0.5])).toBe(false);
  });

  it("agrees with the analytic answer on a sphere at grid points", () => {
    const solid = new PointInMesh(sphere(1, 64, 32));
    let wrong = 0;
    for (let x = -1.2; x <= 1.2; x += 0.1) {
      for (let y = -1.2; y <= 1.2; y += 0.1) {
        for (let z = -1.2; z <= 1.2; z += 0.3) {
          const r = Math.hypot(x, y, z);
          if (Math.abs(r - 1) < 0.02) continue;
          if (solid.contains(x, y, z) !== r < 1) wrong++;
        }
      }
    }
    expect(wrong).toBe(0);
  });
});

describe("nesting", () => {
  it("holds for a small cube inside a big one and fails when they overlap or when a fold pokes through", () => {
    expect(checkNestedInside(cube(1, 1, 1, 1), cube(3)).nested).toBe(true);
    const overlapping = checkNestedInside(cube(1, 2.5, 1, 1), cube(3));
    expect(overlapping.nested).toBe(false);
    expect(overlapping.surfacesIntersect).toBe(true);
    expect(checkNestedInside(cube(3), cube(1, 1, 1, 1)).verticesOutside).toBe(8);
    expect(checkNestedInside(sphere(0.9, 32, 16), sphere(1, 32, 16)).nested).toBe(true);
  });
});

describe("distance to a surface", () => {
  const tri = [0, 0, 0, 2, 0, 0, 0, 2, 0];
  it("measures point–triangle distance in the face, edge and vertex regions", () => {
    expect(pointTriangleDistance(0.5, 0.5, 3, tri)).toBeCloseTo(3, 12);
    expect(pointTriangleDistance(1, -1, 0, tri)).toBeCloseTo(1, 12);
    expect(pointTriangleDistance(2, 2, 0, tri)).toBeCloseTo(Math.SQRT2, 12);
    expect(pointTriangleDistance(-3, -4, 0, tri)).toBeCloseTo(5, 12);
  });
  it("finds the clearance between nested cubes and spheres", () => {
    expect(minimumDistanceToSurface(cube(1, 1, 1, 1), cube(3), 2)).toBeCloseTo(1, 6);
    expect(minimumDistanceToSurface(sphere(0.8, 64, 32), sphere(1, 64, 32))).toBeCloseTo(0.2, 2);
    expect(minimumDistanceToSurface(cube(1, 10), cube(1), 0.5)).toBe(0.5);
  });
});
