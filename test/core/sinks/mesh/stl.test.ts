import { describe, expect, it } from "vitest";
import { STLLoader } from "three/examples/jsm/loaders/STLLoader.js";
import { encodeStl } from "../../../../core/sinks/mesh/stl.js";
import { mergeScene } from "../../../../core/sinks/mesh/labelled-mesh.js";
import { cube, maxAbsDiff, patch, soup, toArrayBuffer } from "./fixtures.js";

describe("encodeStl", () => {
  it("writes an 80-byte header naming dentsynth, the triangle count and 50 bytes per triangle", () => {
    const bytes = encodeStl(cube("a"));
    expect(bytes.length).toBe(84 + 50 * 12);
    expect(new TextDecoder().decode(bytes.subarray(0, 80))).toMatch(/^dentsynth binary STL, units mm, a\0*$/);
    expect(new DataView(bytes.buffer).getUint32(80, true)).toBe(12);
  });

  it("reads back in three's STLLoader with the same positions and unit outward normals", () => {
    const mesh = patch("p");
    const geometry = new STLLoader().parse(toArrayBuffer(encodeStl(mesh)));
    expect(maxAbsDiff(geometry.getAttribute("position").array, soup(mesh))).toBe(0);
    const box = cube("c");
    const normals = new STLLoader().parse(toArrayBuffer(encodeStl(box))).getAttribute("normal");
    // Triangle 0 is on the bottom face (z = 0), triangle 2 on the top face (z = 1).
    expect([normals.getX(0), normals.getY(0), normals.getZ(0)]).toEqual([0, 0, -1]);
    expect(normals.getZ(6)).toBe(1);
  });

  it("writes a scene as one solid, meshes one after another, like the merged mesh", () => {
    const scene = [cube("a"), cube("b", [2, 0, 0])];
    const bytes = encodeStl(scene, { header: "dentsynth test" });
    expect(Buffer.from(bytes).equals(Buffer.from(encodeStl(mergeScene(scene), { header: "dentsynth test" })))).toBe(true);
    expect(new STLLoader().parse(toArrayBuffer(bytes)).getAttribute("position").count).toBe(72);
  });

  it("gives a degenerate triangle a zero normal, and is deterministic", () => {
    const flat = { name: "flat", positions: new Float32Array([0, 0, 0, 1, 1, 1, 2, 2, 2]), indices: new Uint32Array([0, 1, 2]) };
    const view = new DataView(encodeStl(flat).buffer);
    expect([view.getFloat32(84, true), view.getFloat32(88, true), view.getFloat32(92, true)]).toEqual([0, 0, 0]);
    expect(Buffer.from(encodeStl(patch("p"))).equals(Buffer.from(encodeStl(patch("p"))))).toBe(true);
  });

  it("rejects a header that readers would take for ASCII STL, and out-of-range indices", () => {
    expect(() => encodeStl(cube("a"), { header: "solid x" })).toThrow(/must not start with "solid"/);
    expect(() => encodeStl({ name: "bad", positions: new Float32Array(9), indices: new Uint32Array([0, 1, 3]) })).toThrow(
      'mesh "bad": index 3 at 2 is out of range for 3 vertices',
    );
  });
});
