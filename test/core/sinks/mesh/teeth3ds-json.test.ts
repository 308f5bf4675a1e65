import { describe, expect, it } from "vitest";
import { encodeObj } from "../../../../core/sinks/mesh/obj.js";
import { encodeTeeth3dsJson, teeth3dsLabels } from "../../../../core/sinks/mesh/teeth3ds-json.js";
import { cube, patch } from "./fixtures.js";

describe("teeth3dsLabels", () => {
  const scene = [patch("gum", 4, 31), cube("32", [9, 0, 0], 1, 32, 2)];

  it("gives one label and instance per vertex, in the OBJ's vertex order", () => {
    const json = teeth3dsLabels(scene, { idPatient: "P000007", jaw: "lower" });
    expect(Object.keys(json)).toEqual(["id_patient", "jaw", "labels", "instances"]);
    expect(json.labels).toEqual([0, 0, 31, 31, 0, 0, 31, 31, 0, 0, 31, 31, 0, 0, 31, 31, ...Array(8).fill(32)]);
    expect(json.instances).toEqual([0, 0, 3, 3, 0, 0, 3, 3, 0, 0, 3, 3, 0, 0, 3, 3, ...Array(8).fill(2)]);
    const objVertices = encodeObj(scene, { firstLine: "# lower" }).split("\n").filter((l) => l.startsWith("v ")).length;
    expect(json.labels.length).toBe(objVertices);
  });

  it("numbers instances by ascending FDI when the meshes have none", () => {
    const bare = scene.map(({ instances: _, ...m }) => m);
    expect(teeth3dsLabels(bare, { idPatient: "", jaw: "lower" }).instances).toEqual([0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, ...Array(8).fill(2)]);
  });

  it("encodes compact JSON and refuses meshes without labels", () => {
    expect(encodeTeeth3dsJson(cube("11"), { idPatient: "X", jaw: "upper" })).toBe(
      '{"id_patient":"X","jaw":"upper","labels":[11,11,11,11,11,11,11,11],"instances":[1,1,1,1,1,1,1,1]}',
    );
    const { labels: _, ...unlabelled } = cube("a");
    expect(() => teeth3dsLabels(unlabelled, { idPatient: "X", jaw: "upper" })).toThrow('mesh "a" has no per-vertex labels');
  });
});
