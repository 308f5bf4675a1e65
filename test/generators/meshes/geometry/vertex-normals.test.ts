import { describe, expect, it } from "vitest";
import { vertexNormals } from "../../../../generators/meshes/geometry/vertex-normals.js";
import type { TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";

/** A unit cube, outward-oriented, two triangles per face. */
function cube(): TriMesh {
  const positions = Float32Array.from([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1]);
  // prettier-ignore
  const indices = Uint32Array.from([0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4, 3, 4, 7]);
  return { positions, indices };
}

describe("vertexNormals", () => {
  it("points each corner of a cube outward, unit length", () => {
    const n = vertexNormals(cube());
    const p = cube().positions;
    for (let v = 0; v < 8; v++) {
      expect(Math.hypot(n[3 * v]!, n[3 * v + 1]!, n[3 * v + 2]!)).toBeCloseTo(1, 12);
      // Outward: along the corner's direction from the centre, component by component.
      for (let k = 0; k < 3; k++) expect(Math.sign(n[3 * v + k]!)).toBe(p[3 * v + k] === 1 ? 1 : -1);
    }
  });

  it("weights faces by area: a vertex on a face of area 2 (normal +z) and one of area 0.5 (normal +x) gets (0.5, 0, 2)/|…|", () => {
    const mesh: TriMesh = {
      positions: Float32Array.from([0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 1, 0, 0, 0, 1]),
      indices: Uint32Array.from([0, 1, 2, 0, 3, 4]),
    };
    const n = vertexNormals(mesh);
    const l = Math.hypot(0.5, 2);
    expect(n[0]!).toBeCloseTo(0.5 / l, 12);
    expect(n[1]!).toBeCloseTo(0, 12);
    expect(n[2]!).toBeCloseTo(2 / l, 12);
  });

  it("gives a zero-area mesh zero-length normals rather than NaN", () => {
    const flat: TriMesh = { positions: Float32Array.from([0, 0, 0, 1, 0, 0, 2, 0, 0]), indices: Uint32Array.from([0, 1, 2]) };
    expect([...vertexNormals(flat)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
