import { describe, expect, it } from "vitest";
import { PLYLoader } from "three/examples/jsm/loaders/PLYLoader.js";
import { mergeMeshes } from "../../../../core/sinks/meshes/labelled-mesh.js";
import { encodePly } from "../../../../core/sinks/meshes/ply.js";
import { cube } from "./fixtures.js";

describe("encodePly", () => {
  const mesh = mergeMeshes([cube("11", 0, 11), cube("21", 2, 21)], "scan");
  const bytes = encodePly(mesh);

  it("reads back in three's PLYLoader with the same vertices and faces", () => {
    const geometry = new PLYLoader().parse(bytes.buffer as ArrayBuffer);
    expect(geometry.getAttribute("position").count).toBe(16);
    expect(geometry.getIndex()?.count).toBe(72);
    expect(geometry.getAttribute("position").getX(8)).toBe(2);
  });

  it("carries the per-vertex label and instance properties", () => {
    const text = new TextDecoder().decode(bytes.subarray(0, 400));
    const end = text.indexOf("end_header\n") + "end_header\n".length;
    expect(text.slice(0, end)).toContain("property int label\nproperty int instance\n");
    const view = new DataView(bytes.buffer, bytes.byteOffset + end);
    const labels = Array.from({ length: 16 }, (_, v) => view.getInt32(v * 20 + 12, true));
    expect(labels).toEqual([...Array(8).fill(11), ...Array(8).fill(21)]);
  });
});
