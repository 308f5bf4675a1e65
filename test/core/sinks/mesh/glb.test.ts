import { describe, expect, it } from "vitest";
import type { BufferGeometry, Mesh, MeshStandardMaterial } from "three";
import { GLTFLoader, type GLTF } from "three/examples/jsm/loaders/GLTFLoader.js";
import { encodeGlb } from "../../../../core/sinks/mesh/glb.js";
import { cube, patch, toArrayBuffer } from "./fixtures.js";

/** gltf-validator (Khronos) is optional: loaded through a variable so tsc and vite do not require it. */
const VALIDATOR = "gltf-validator";
const validator = (await import(/* @vite-ignore */ VALIDATOR).catch(() => undefined)) as
  | { validateBytes(data: Uint8Array, options?: object): Promise<{ issues: { numErrors: number; numWarnings: number; messages: unknown[] } }> }
  | undefined;

function load(bytes: Uint8Array): Promise<GLTF> {
  return new GLTFLoader().parseAsync(toArrayBuffer(bytes), "");
}

describe("encodeGlb", () => {
  const scene = [patch("gum", 8, 0), { ...cube("11", [0, 0, 5], 2, 11, 1), material: "enamel" }, { ...cube("21", [3, 0, 5], 2, 21, 2), material: "enamel" }];

  it("writes a GLB (magic, version 2, total length) with one node per mesh and one named material per material name", async () => {
    const bytes = await encodeGlb(scene, { colors: { enamel: [0.5, 1, 0] } });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x46546c67); // "glTF"
    expect(view.getUint32(4, true)).toBe(2);
    expect(view.getUint32(8, true)).toBe(bytes.length);
    const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + view.getUint32(12, true)))) as {
      nodes: { name: string }[];
      materials: { name: string; pbrMetallicRoughness: { baseColorFactor: number[] } }[];
      meshes: { primitives: { attributes: Record<string, number> }[] }[];
    };
    expect(json.nodes.map((n) => n.name)).toEqual(["gum", "11", "21"]);
    expect(json.materials.map((m) => m.name)).toEqual(["gum", "enamel"]);
    // glTF colour factors are linear: sRGB 0.5 is 0.214 linear.
    const [r, g, b, a] = json.materials[1]!.pbrMetallicRoughness.baseColorFactor;
    expect([r!.toFixed(3), g, b, a]).toEqual(["0.214", 1, 0, 1]);
    expect(Object.keys(json.meshes[1]!.primitives[0]!.attributes).sort()).toEqual(["NORMAL", "POSITION", "_INSTANCE", "_LABEL"]);
  });

  it("reads back in three's GLTFLoader with the same positions, indices and labels", async () => {
    const gltf = await load(await encodeGlb(scene));
    const meshes = gltf.scene.children as Mesh<BufferGeometry, MeshStandardMaterial>[];
    expect(meshes.map((m) => [m.name, m.material.name])).toEqual([
      ["gum", "gum"],
      ["11", "enamel"],
      ["21", "enamel"],
    ]);
    meshes.forEach((mesh, i) => {
      const source = scene[i]!;
      expect(Array.from(mesh.geometry.getAttribute("position").array)).toEqual(Array.from(source.positions));
      expect(Array.from(mesh.geometry.getIndex()!.array)).toEqual(Array.from(source.indices));
      expect(Array.from(mesh.geometry.getAttribute("_label").array)).toEqual(Array.from(source.labels!));
      expect(Array.from(mesh.geometry.getAttribute("_instance").array)).toEqual(Array.from(source.instances!));
      const normal = mesh.geometry.getAttribute("normal");
      expect(Math.hypot(normal.getX(0), normal.getY(0), normal.getZ(0))).toBeCloseTo(1, 5);
    });
  });

  it("is deterministic: the same input gives the same bytes", async () => {
    const a = await encodeGlb(scene);
    const b = await encodeGlb(scene.map((m) => ({ ...m })));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("leaves the labels out when asked, and skips meshes without triangles", async () => {
    const empty = { name: "empty", positions: new Float32Array(0), indices: new Uint32Array(0) };
    const gltf = await load(await encodeGlb([cube("a"), empty], { labels: false }));
    expect(gltf.scene.children.map((c) => c.name)).toEqual(["a"]);
    expect((gltf.scene.children[0] as Mesh).geometry.getAttribute("_label")).toBeUndefined();
  });

  it("keeps a FileReader that already exists", async () => {
    const g = globalThis as { FileReader?: unknown };
    const existing = g.FileReader;
    expect(existing).toBeDefined(); // installed by the earlier tests
    await encodeGlb(cube("a"));
    expect(g.FileReader).toBe(existing);
  });

  (validator ? it : it.skip)(
    validator ? "passes the Khronos gltf-validator with no errors or warnings" : "passes the Khronos gltf-validator (SKIPPED: npm package gltf-validator is not installed)",
    async () => {
      const report = await validator!.validateBytes(await encodeGlb(scene));
      const summary = JSON.stringify(report.issues.messages);
      expect(report.issues.numErrors, summary).toBe(0);
      expect(report.issues.numWarnings, summary).toBe(0);
    },
  );
});
