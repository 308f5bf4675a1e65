import { describe, expect, it } from "vitest";
import { offsetMesh } from "../../../../generators/meshes/geometry/offset-mesh.js";
import { latLongMesh } from "../../../../generators/meshes/geometry/lat-long-mesh.js";
import { signedVolume } from "../../../../generators/meshes/geometry/signed-volume.js";
import { checkEdgeManifold } from "../../../../generators/meshes/geometry/edge-manifold.js";

/** A lat-long sphere of radius r (poles on the z axis), as the tooth layers are built. */
function sphere(r: number, meridians = 64, rings = 31) {
  const positions = new Float32Array(3 * (2 + meridians * rings));
  // As the tooth layers: the first pole on top, rings going down.
  positions[2] = r;
  positions[positions.length - 1] = -r;
  for (let m = 0; m < meridians; m++) {
    const theta = (2 * Math.PI * m) / meridians;
    for (let j = 0; j < rings; j++) {
      const phi = Math.PI / 2 - (Math.PI * (j + 1)) / (rings + 1);
      const at = 3 * (1 + j * meridians + m);
      positions[at] = r * Math.cos(phi) * Math.cos(theta);
      positions[at + 1] = r * Math.cos(phi) * Math.sin(theta);
      positions[at + 2] = r * Math.sin(phi);
    }
  }
  return latLongMesh(meridians, rings, positions);
}

describe("offsetMesh", () => {
  it("grows a sphere of radius 3 into one of radius 3.45 (volume of the facetted sphere, 4/3 π r³ within 1 %)", () => {
    const s = offsetMesh(sphere(3), 0.45);
    expect(checkEdgeManifold(s).orientedManifold).toBe(true);
    expect(signedVolume(s) / ((4 / 3) * Math.PI * 3.45 ** 3)).toBeGreaterThan(0.98);
    expect(signedVolume(s) / ((4 / 3) * Math.PI * 3.45 ** 3)).toBeLessThan(1.005);
    for (let v = 0; v < s.positions.length; v += 3) expect(Math.hypot(s.positions[v]!, s.positions[v + 1]!, s.positions[v + 2]!)).toBeCloseTo(3.45, 3);
  });
});
