import { describe, expect, it } from "vitest";
import { OBJLoader } from "three/examples/jsm/loaders/OBJLoader.js";
import type { Mesh } from "three";
import { encodeObj } from "../../../../core/sinks/mesh/obj.js";
import { cube, maxAbsDiff, patch, soup } from "./fixtures.js";

describe("encodeObj", () => {
  const scene = [patch("gum"), { ...cube("11", [0, 0, 5]), material: "enamel" }];
  const text = encodeObj(scene, { firstLine: "# upper" });

  it("starts with the Teeth3DS jaw comment, then one o block per mesh with 1-based indices continuing across meshes", () => {
    const lines = text.split("\n");
    expect(lines.slice(0, 3)).toEqual(["# upper", "# dentsynth, units mm", "o gum"]);
    expect(text).toContain("\no 11\nusemtl enamel\nv 0.0000 0.0000 5.0000\n");
    expect(text).toContain("\nf 145 147 146\n"); // cube's first triangle (0 2 1) after the patch's 144 vertices
    expect(encodeObj(cube("a"), { firstLine: "lower" }).split("\n")[0]).toBe("# lower");
    expect(encodeObj(cube("a")).split("\n")[0]).toBe("# dentsynth, units mm");
  });

  it("writes fixed decimals, never -0", () => {
    const mesh = { name: "m", positions: new Float32Array([-0.00001, 1.5, -2.123456]), indices: new Uint32Array(0) };
    expect(encodeObj(mesh)).toContain("v 0.0000 1.5000 -2.1235\n");
    expect(encodeObj(mesh, { decimals: 2 })).toContain("v 0.00 1.50 -2.12\n");
  });

  it("reads back in three's OBJLoader as named objects with positions within the rounding", () => {
    const group = new OBJLoader().parse(text);
    expect(group.children.map((c) => c.name)).toEqual(["gum", "11"]);
    group.children.forEach((child, i) => {
      const positions = (child as Mesh).geometry.getAttribute("position").array;
      expect(maxAbsDiff(positions, soup(scene[i]!))).toBeLessThanOrEqual(0.5e-4 + 1e-6);
    });
  });

  it("is deterministic", () => {
    expect(encodeObj(scene, { firstLine: "# upper" })).toBe(text);
  });
});
