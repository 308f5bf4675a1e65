import { describe, expect, it } from "vitest";
import { PRESETS } from "../../../generators/patient/presets.js";
import { samplePatient } from "../../../generators/patient/sample-patient.js";
import { meshStream, renderDentition } from "../../../generators/meshes/render-dentition.js";
import { checkEdgeManifold } from "../../../generators/meshes/geometry/index.js";

const preset = PRESETS["us-adult"]!;

describe("renderDentition", () => {
  // Older patients are likelier to have missing teeth; find one with at least one missing tooth.
  const index = Array.from({ length: 60 }, (_, i) => i).find((i) => samplePatient(i, "7", preset).teeth.some((t) => t.presence === "missing"))!;
  const patient = samplePatient(index, "7", preset);

  it("renders exactly the chart's present natural teeth, each closed and manifold", () => {
    const meshes = renderDentition(patient, meshStream("7", index), { resolution: 0.4 });
    const expected = patient.teeth.filter((t) => t.presence === "present" && t.restoration !== "implant" && t.restoration !== "pontic").map((t) => t.fdi);
    expect(meshes.teeth.map((t) => t.fdi)).toEqual(expected);
    expect(expected.length).toBeLessThan(32);
    for (const t of meshes.teeth) expect(checkEdgeManifold(t.outer).watertight).toBe(true);
  });

  it("is the same bytes for the same patient, and a tooth does not depend on the others", () => {
    const a = renderDentition(patient, meshStream("7", index), { resolution: 0.4 });
    const b = renderDentition(patient, meshStream("7", index), { resolution: 0.4 });
    expect(Buffer.from(a.teeth[0]!.outer.positions.buffer).equals(Buffer.from(b.teeth[0]!.outer.positions.buffer))).toBe(true);
    const fewer = { ...patient, teeth: patient.teeth.map((t, i) => (i === 0 ? { ...t, presence: "missing" as const } : t)) };
    const c = renderDentition(fewer, meshStream("7", index), { resolution: 0.4 });
    const last = a.teeth.at(-1)!;
    const same = c.teeth.find((t) => t.fdi === last.fdi)!;
    expect(Buffer.from(same.outer.positions.buffer).equals(Buffer.from(last.outer.positions.buffer))).toBe(true);
  });
});
