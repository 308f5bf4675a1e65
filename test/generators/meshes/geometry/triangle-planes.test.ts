import { describe, expect, it } from "vitest";
import { PLANE_STRIDE, writePlane } from "../../../../generators/meshes/geometry/triangle-intersection.js";
import { triangleCoordinates } from "../../../../generators/meshes/geometry/triangle-grid.js";
import { TrianglePlanes } from "../../../../generators/meshes/geometry/triangle-planes.js";
import { sphere } from "./fixtures.js";

describe("per-triangle planes", () => {
  it("holds, for every triangle, exactly the plane writePlane computes", () => {
    const mesh = sphere(1, 16, 8);
    const planes = new TrianglePlanes(mesh);
    const expected = new Float64Array(PLANE_STRIDE);
    const t = new Float64Array(9);
    // Ask out of order: planes are computed on first use and then kept.
    for (const i of [5, 0, 5, mesh.indices.length / 3 - 1]) {
      expect(writePlane(triangleCoordinates(mesh, i, t), expected, 0)).toBe(true);
      expect(planes.has(i)).toBe(true);
      expect(Array.from(planes.planes.subarray(PLANE_STRIDE * i, PLANE_STRIDE * i + PLANE_STRIDE))).toEqual(Array.from(expected));
    }
  });

  it("reports a degenerate triangle as having no plane", () => {
    const mesh = { positions: Float32Array.from([0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 1, 0]), indices: Uint32Array.from([0, 1, 2, 0, 1, 3]) };
    const planes = new TrianglePlanes(mesh);
    expect(planes.has(0)).toBe(false);
    expect(planes.has(0)).toBe(false);
    expect(planes.has(1)).toBe(true);
  });
});
