import { describe, expect, it } from "vitest";
import { OBJLoader } from "three/examples/jsm/loaders/OBJLoader.js";
import type { Mesh } from "three";
import { encodeObj } from "../../../../core/sinks/meshes/obj.js";
import { cube } from "./fixtures.js";

describe("encodeObj", () => {
  const text = encodeObj([cube("a"), cube("b", 2)], "# upper");

  it("starts with the given first line (Teeth3DS: # upper / # lower) and offsets indices per object", () => {
    expect(text.split("\n")[0]).toBe("# upper");
    expect(text).toContain("o b\n");
    expect(text).toContain("f 9 11 10");
  });

  it("reads back in three's OBJLoader as two objects of 12 triangles", () => {
    const group = new OBJLoader().parse(text);
    expect(group.children.map((c) => c.name)).toEqual(["a", "b"]);
    for (const child of group.children) expect((child as Mesh).geometry.getAttribute("position").count).toBe(36);
  });
});
