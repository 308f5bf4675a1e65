import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { PRESETS } from "../../../generators/patient/presets.js";
import { samplePatient } from "../../../generators/patient/sample-patient.js";
import type { VirtualPatient } from "../../../generators/patient/types.js";
import { PERIAPICAL_REGIONS, isImaged, planViews } from "../../../generators/radiographs/plan-views.js";

const patients = Array.from({ length: 40 }, (_, i) => samplePatient(i, "plan", PRESETS["clinic"]!));

function edentulousPosteriorRight(p: VirtualPatient): VirtualPatient {
  return {
    ...p,
    teeth: p.teeth.map((t) =>
      [1, 4].includes(Math.floor(t.fdi / 10)) && t.fdi % 10 >= 4
        ? { ...t, presence: "missing" as const, restoration: "none" as const, lesions: [], filledSurfaces: [] }
        : t,
    ),
  };
}

describe("planViews", () => {
  it("gives both bitewings and the asked number of distinct periapicals, in series order", () => {
    for (const p of patients) {
      const views = planViews(p, ["bitewing", "periapical"], 3, new Rng(`v${p.index}`));
      const pas = views.filter((v) => v.view === "periapical");
      const regionsWithTeeth = PERIAPICAL_REGIONS.filter((r) => r.target.some((f) => p.teeth.some((t) => t.fdi === f && isImaged(t))));
      expect(pas.length).toBe(Math.min(3, regionsWithTeeth.length));
      expect(new Set(views.map((v) => v.name)).size).toBe(views.length);
      const order = pas.map((v) => PERIAPICAL_REGIONS.findIndex((r) => r.target.join() === v.target.join()));
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      for (const v of views.filter((x) => x.view === "bitewing")) expect(["bw_right", "bw_left"]).toContain(v.name);
    }
  });

  it("skips a bitewing side with no premolar or molar in either jaw", () => {
    const p = edentulousPosteriorRight(patients[0]!);
    const names = planViews(p, ["bitewing"], 2, new Rng("x")).map((v) => v.name);
    expect(names).not.toContain("bw_right");
  });

  it("draws periapicals from one fork: the same patient and rng give the same plan, bitewings alone take nothing from it", () => {
    const p = patients[3]!;
    const a = planViews(p, ["bitewing", "periapical"], 4, new Rng("same"));
    const b = planViews(p, ["periapical"], 4, new Rng("same"));
    expect(a.filter((v) => v.view === "periapical")).toEqual(b);
  });

  it("prefers regions with findings: over many draws, a region with a root-canal-treated, crowned tooth is picked more often", () => {
    const base = patients.find((p) => p.teeth.filter(isImaged).length >= 26)!;
    const marked: VirtualPatient = {
      ...base,
      teeth: base.teeth.map((t) => (t.fdi === 36 ? { ...t, presence: "present" as const, restoration: "crowned" as const, rootCanalTreated: true } : t)),
    };
    let withFinding = 0;
    let without = 0;
    for (let k = 0; k < 300; k++) {
      const names = planViews(marked, ["periapical"], 1, new Rng(`d${k}`)).map((v) => v.name);
      if (names.includes("pa_36_37")) withFinding++;
      const plain = planViews(base, ["periapical"], 1, new Rng(`d${k}`)).map((v) => v.name);
      if (plain.includes("pa_36_37")) without++;
    }
    expect(withFinding).toBeGreaterThan(without);
  });
});
