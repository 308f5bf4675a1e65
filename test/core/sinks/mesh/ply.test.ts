import { describe, expect, it } from "vitest";
import { PLYLoader } from "three/examples/jsm/loaders/PLYLoader.js";
import { decodePly } from "../../../../core/sinks/mesh/decode-ply.js";
import { encodePly } from "../../../../core/sinks/mesh/ply.js";
import { cube, patch, toArrayBuffer } from "./fixtures.js";

describe("encodePly", () => {
  const scene = [patch("gum", 10, 36), cube("46", [20, 0, 0], 2, 46, 5)];
  const bytes = encodePly(scene, { name: "P000001_lower" });
  const header = new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0x0a, new TextDecoder().decode(bytes.subarray(0, 1000)).indexOf("end_header")) + 1));

  it("writes a binary little-endian header with int label and instance vertex properties and uchar/int faces", () => {
    expect(header).toBe(
      [
        "ply",
        "format binary_little_endian 1.0",
        "comment dentsynth, units mm",
        "comment object P000001_lower",
        "element vertex 108",
        "property float x",
        "property float y",
        "property float z",
        "property int label",
        "property int instance",
        "element face 174",
        "property list uchar int vertex_indices",
        "end_header",
        "",
      ].join("\n"),
    );
    expect(bytes.length).toBe(header.length + 108 * 20 + 174 * 13);
  });

  it("reads back in three's PLYLoader with the same positions and indices", () => {
    const geometry = new PLYLoader().parse(toArrayBuffer(bytes));
    const positions = new Float32Array([...scene[0]!.positions, ...scene[1]!.positions]);
    expect(Array.from(geometry.getAttribute("position").array)).toEqual(Array.from(positions));
    expect(geometry.getIndex()?.count).toBe(174 * 3);
    expect(geometry.getIndex()?.getX(162 * 3)).toBe(100); // first triangle of the cube, offset by the patch's 100 vertices
  });

  it("keeps labels and instances (read by decodePly)", () => {
    const back = decodePly(bytes);
    expect(back.name).toBe("P000001_lower");
    expect(Array.from(back.labels!)).toEqual([...scene[0]!.labels!, ...scene[1]!.labels!]);
    expect(Array.from(back.instances!)).toEqual([...scene[0]!.instances!, ...scene[1]!.instances!]);
    expect(Array.from(back.positions)).toEqual([...scene[0]!.positions, ...scene[1]!.positions]);
    expect(back.indices.length).toBe(174 * 3);
  });

  it("drops the label properties when asked or when a mesh of the scene has none, and is deterministic", () => {
    const plain = encodePly(cube("a"), { labels: false });
    expect(new TextDecoder().decode(plain.subarray(0, 300))).not.toContain("property int label");
    const { labels: _, instances: __, ...unlabelled } = cube("b", [3, 0, 0]);
    expect(decodePly(encodePly([cube("a"), unlabelled])).labels).toBeUndefined();
    expect(Buffer.from(encodePly(scene)).equals(Buffer.from(encodePly(scene)))).toBe(true);
  });

  it("takes Uint8Array labels as the arch-scan generator keeps them, and writes them as int", () => {
    const mesh = { ...cube("a"), labels: new Uint8Array(8).fill(47), instances: new Uint8Array(8).fill(7) };
    const back = decodePly(encodePly(mesh));
    expect(Array.from(back.labels!)).toEqual(Array(8).fill(47));
    expect(Array.from(back.instances!)).toEqual(Array(8).fill(7));
  });

  it("decodePly reports truncated bodies and ascii files as DataErrors", () => {
    expect(() => decodePly(bytes.subarray(0, bytes.length - 5))).toThrow("PLY body is truncated");
    expect(() => decodePly(new TextEncoder().encode("ply\nformat ascii 1.0\nend_header\n"))).toThrow("ascii PLY is not supported");
  });
});
