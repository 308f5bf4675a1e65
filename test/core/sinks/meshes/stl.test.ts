import { describe, expect, it } from "vitest";
import { STLLoader } from "three/examples/jsm/loaders/STLLoader.js";
import { encodeStl } from "../../../../core/sinks/meshes/stl.js";
import { cube } from "./fixtures.js";

describe("encodeStl", () => {
  it("writes 84 + 50 bytes per triangle and reads back in three's STLLoader with outward normals", () => {
    const bytes = encodeStl([cube("a"), cube("b", 2)]);
    expect(bytes.length).toBe(84 + 50 * 24);
    const geometry = new STLLoader().parse(bytes.buffer as ArrayBuffer);
    expect(geometry.getAttribute("position").count).toBe(72);
    const normal = geometry.getAttribute("normal");
    // First triangle is the bottom face (z = 0): outward normal points to -z.
    expect(normal.getZ(0)).toBeCloseTo(-1, 6);
    const x = Array.from({ length: 72 }, (_, i) => geometry.getAttribute("position").getX(i));
    expect(Math.max(...x)).toBe(3);
  });

  it("is deterministic", () => {
    expect(Buffer.from(encodeStl([cube("a")])).equals(Buffer.from(encodeStl([cube("a")])))).toBe(true);
  });
});
