import { describe, expect, it } from "vitest";
import { checkEdgeManifold } from "../../../../generators/meshes/geometry/edge-manifold.js";
import { eulerCharacteristic } from "../../../../generators/meshes/geometry/euler-characteristic.js";
import { extentsAlong } from "../../../../generators/meshes/geometry/extents-along.js";
import { countSectionLoops } from "../../../../generators/meshes/geometry/plane-section.js";
import { signedVolume } from "../../../../generators/meshes/geometry/signed-volume.js";
import { cube, flipped, merge, sphere, tetrahedron } from "./fixtures.js";

describe("edge manifoldness and watertightness", () => {
  it("accepts a tetrahedron and a cube", () => {
    for (const mesh of [tetrahedron(), cube()]) {
      const report = checkEdgeManifold(mesh);
      expect(report.watertight).toBe(true);
      expect(report.orientedManifold).toBe(true);
    }
    expect(checkEdgeManifold(cube()).edgeCount).toBe(18);
  });

  it("rejects a cube with one face removed", () => {
    const open = cube();
    const report = checkEdgeManifold({ positions: open.positions, indices: open.indices.slice(6) });
    expect(report.watertight).toBe(false);
    expect(report.boundaryEdges).toBe(4);
  });

  it("rejects a flipped face and an edge shared by three faces", () => {
    const mesh = cube();
    const indices = mesh.indices.slice();
    [indices[1], indices[2]] = [indices[2]!, indices[1]!];
    const flippedFace = checkEdgeManifold({ positions: mesh.positions, indices });
    expect(flippedFace.watertight).toBe(true);
    expect(flippedFace.orientedManifold).toBe(false);
    const extra = checkEdgeManifold({ positions: mesh.positions, indices: Uint32Array.from([...mesh.indices, 0, 2, 5]) });
    expect(extra.nonManifoldEdges).toBeGreaterThan(0);
  });
});

describe("signed volume", () => {
  it("is 1/6 for the unit tetrahedron and 1 for the unit cube, negative inside out", () => {
    expect(signedVolume(tetrahedron())).toBeCloseTo(1 / 6, 12);
    expect(signedVolume(cube())).toBeCloseTo(1, 12);
    expect(signedVolume(cube(2, 5, -3, 1))).toBeCloseTo(8, 5);
    expect(signedVolume(flipped(cube()))).toBeCloseTo(-1, 12);
  });

  it("approaches 4/3 π r³ on a fine sphere", () => {
    expect(signedVolume(sphere(2, 128, 64))).toBeCloseTo((4 / 3) * Math.PI * 8, 0);
  });
});

describe("Euler characteristic", () => {
  it("is 2 for a tetrahedron, a cube and a sphere, 4 for two shells", () => {
    expect(eulerCharacteristic(tetrahedron())).toBe(2);
    expect(eulerCharacteristic(cube())).toBe(2);
    expect(eulerCharacteristic(sphere(1, 12, 6))).toBe(2);
    expect(eulerCharacteristic(merge(cube(), cube(1, 3)))).toBe(4);
  });
});

describe("extents along axes", () => {
  it("measures a shifted cube along the axes and its diagonal", () => {
    const [x, y, z, diagonal] = extentsAlong(cube(2, 1, 0, -1), [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]]);
    expect(x).toEqual({ min: 1, max: 3, length: 2 });
    expect(y?.length).toBe(2);
    expect(z?.min).toBe(-1);
    expect(diagonal?.length).toBeCloseTo((3 * 2) / Math.sqrt(3), 6);
  });
});

describe("plane sections", () => {
  it("counts one loop through a cube, two through two cubes, none beside them", () => {
    expect(countSectionLoops(cube(), [0, 0, 1], 0.5)).toBe(1);
    expect(countSectionLoops(merge(cube(), cube(1, 3)), [0, 0, 1], 0.5)).toBe(2);
    expect(countSectionLoops(cube(), [0, 0, 1], 2)).toBe(0);
  });
});
