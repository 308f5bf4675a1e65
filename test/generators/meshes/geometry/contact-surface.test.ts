import { describe, expect, it } from "vitest";
import { ContactSurface } from "../../../../generators/meshes/geometry/contact-surface.js";
import { trianglesIntersect } from "../../../../generators/meshes/geometry/triangle-intersection.js";
import { triangleCoordinates } from "../../../../generators/meshes/geometry/triangle-grid.js";
import type { TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";
import { cube, sphere } from "./fixtures.js";

/** Every pair, no grid: the answer the indexed surface must give. */
function bruteForceMeets(surface: TriMesh, other: TriMesh): boolean {
  const a = new Float64Array(9);
  const b = new Float64Array(9);
  for (let i = 0; i < other.indices.length / 3; i++) {
    for (let j = 0; j < surface.indices.length / 3; j++) {
      if (trianglesIntersect(triangleCoordinates(other, i, a), triangleCoordinates(surface, j, b))) return true;
    }
  }
  return false;
}

describe("contact surface", () => {
  it("finds crossing and touching meshes and not nested or separate ones, asked many times", () => {
    const surface = new ContactSurface(cube(3));
    const cases: [TriMesh, boolean][] = [
      [cube(1, 1, 1, 1), false], // nested
      [cube(1, 2.5, 1, 1), true], // poking through a face
      [cube(1, 3, 1, 1), true], // touching a face from outside
      [cube(1, 5), false], // apart
      [sphere(1.6, 24, 12, [1.5, 1.5, 1.5]), true], // bulging through all six faces
      [sphere(1.4, 24, 12, [1.5, 1.5, 1.5]), false], // inside
    ];
    // Twice over, so the stamps and the lazily kept planes of earlier questions are reused.
    for (let round = 0; round < 2; round++) {
      for (const [mesh, meets] of cases) {
        expect(surface.meets(mesh)).toBe(meets);
        expect(bruteForceMeets(cube(3), mesh)).toBe(meets);
      }
    }
  });

  it("lists exactly the triangles that meet the surface, as a pair-by-pair search finds them", () => {
    const surface = cube(3);
    const poking = sphere(1.6, 24, 12, [1.5, 1.5, 1.5]);
    const a = new Float64Array(9);
    const b = new Float64Array(9);
    const expected: number[] = [];
    for (let i = 0; i < poking.indices.length / 3; i++) {
      triangleCoordinates(poking, i, a);
      let hit = false;
      for (let j = 0; j < surface.indices.length / 3 && !hit; j++) hit = trianglesIntersect(a, triangleCoordinates(surface, j, b));
      if (hit) expected.push(i);
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(new ContactSurface(surface).touching(poking)).toEqual(expected);
    expect(new ContactSurface(surface).touching(sphere(1.4, 24, 12, [1.5, 1.5, 1.5]))).toEqual([]);
  });

  it("ignores degenerate triangles on either side, as trianglesIntersect does", () => {
    const flat = { positions: Float32Array.from([0, 0, 0, 3, 3, 3, 1, 1, 1]), indices: Uint32Array.from([0, 1, 2]) };
    expect(new ContactSurface(cube(2)).meets(flat)).toBe(false);
    expect(new ContactSurface(flat).meets(cube(2))).toBe(false);
  });
});
