import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { generateArchScan } from "../../../../generators/meshes/arch/generate-arch-scan.js";
import { teeth3dsJson, teeth3dsObj } from "../../../../generators/meshes/arch/teeth3ds.js";
import type { TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";
import { crownsOf, fullJaw } from "./placeholder-crowns.js";
import { triangleProblems } from "./scan-surface.js";

const bytes = (a: Float32Array | Uint32Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Triangles naming a vertex the mesh does not have. */
function danglingTriangles(mesh: TriMesh): number {
  const n = mesh.positions.length / 3;
  let dangling = 0;
  for (let t = 0; t < mesh.indices.length; t += 3) if (mesh.indices[t]! >= n || mesh.indices[t + 1]! >= n || mesh.indices[t + 2]! >= n) dangling++;
  return dangling;
}

describe("generateArchScan", () => {
  const present = fullJaw("lower", true).filter((f) => f !== 36 && f !== 48);
  const result = generateArchScan("lower", crownsOf(present), new Rng("scan"));
  const { scan } = result;

  it("labels every vertex: one label and one instance per vertex", () => {
    const vertices = scan.mesh.positions.length / 3;
    expect(scan.labels.length).toBe(vertices);
    expect(scan.instances.length).toBe(vertices);
  });

  it("uses exactly the present teeth of the jaw plus 0 as labels; missing teeth are absent", () => {
    expect([...new Set(scan.labels)].sort((a, b) => a - b)).toEqual([0, ...present]);
    expect(scan.labels.includes(36)).toBe(false);
    expect(scan.labels.includes(48)).toBe(false);
    expect([...new Set(scan.instances)].sort((a, b) => a - b)).toEqual(Array.from({ length: present.length + 1 }, (_, i) => i));
    expect(scan.instanceFdi).toEqual(present);
    for (let v = 0; v < scan.labels.length; v++) {
      const inst = scan.instances[v]!;
      expect(inst === 0 ? 0 : scan.instanceFdi[inst - 1]).toBe(scan.labels[v]);
    }
    const gingivaShare = scan.labels.filter((l) => l === 0).length / scan.labels.length;
    expect(gingivaShare).toBeGreaterThan(0.15);
    expect(gingivaShare).toBeLessThan(0.85);
  });

  it("is a valid triangle mesh: no degenerate, duplicate or dangling triangles", () => {
    expect({ ...triangleProblems(scan.mesh), outOfRange: danglingTriangles(scan.mesh) }).toEqual({ degenerate: 0, duplicate: 0, outOfRange: 0 });
  });

  it("keeps only the crowns above the gingiva", () => {
    const p = scan.mesh.positions;
    for (let v = 0; v < scan.labels.length; v += 7) {
      if (scan.labels[v] === 0) continue;
      // The seam (cut) vertices lie on the gum, up to 5 % of a crown edge off it (clip-crown.ts MIN_SHARE).
      expect(p[3 * v + 2]!).toBeGreaterThan(result.gingiva.surfaceZ(p[3 * v]!, p[3 * v + 1]!) - 0.1);
    }
  });

  it("is deterministic in bytes for a seed", () => {
    const again = generateArchScan("lower", crownsOf(present), new Rng("scan")).scan;
    expect(bytes(again.mesh.positions).equals(bytes(scan.mesh.positions))).toBe(true);
    expect(bytes(again.mesh.indices).equals(bytes(scan.mesh.indices))).toBe(true);
    expect(bytes(again.labels).equals(bytes(scan.labels))).toBe(true);
    expect(bytes(again.instances).equals(bytes(scan.instances))).toBe(true);
  });

  it("writes the Teeth3DS labels object and OBJ", () => {
    const json = teeth3dsJson(scan, { idPatient: "P000001", jaw: "lower" });
    expect(Object.keys(json)).toEqual(["id_patient", "jaw", "labels", "instances"]);
    expect(json.id_patient).toBe("P000001");
    expect(json.jaw).toBe("lower");
    expect(json.labels.length).toBe(scan.mesh.positions.length / 3);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(() => teeth3dsJson(scan, { idPatient: "", jaw: "upper" })).toThrow(/jaw/);
    const obj = teeth3dsObj(scan);
    expect(obj.split("\n", 1)[0]).toBe("# lower");
    expect(obj.split("\n").filter((l) => l.startsWith("v ")).length).toBe(json.labels.length);
  });
});
