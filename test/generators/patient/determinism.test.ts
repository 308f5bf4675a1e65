import { describe, expect, it } from "vitest";
import type { Preset } from "../../../generators/patient/preset.js";
import { CLINIC, DEFAULT_PRESET, PRESETS, US_ADULT } from "../../../generators/patient/presets.js";
import { patientId, samplePatient } from "../../../generators/patient/sample-patient.js";

describe("samplePatient determinism", () => {
  it("gives deep-equal patients for the same (index, seed, preset)", () => {
    for (const preset of [US_ADULT, CLINIC]) {
      for (const index of [0, 7, 123_456]) {
        expect(samplePatient(index, "42", preset)).toEqual(samplePatient(index, "42", preset));
      }
    }
  });

  it("gives patient i the same whether sampled alone or in a loop", () => {
    const inLoop = [];
    for (let i = 0; i < 40; i++) inLoop.push(samplePatient(i, "42", CLINIC));
    // Fresh calls in another order: no hidden state carries between patients.
    for (const i of [39, 13, 0, 27]) expect(samplePatient(i, "42", CLINIC)).toEqual(inLoop[i]);
  });

  it("differs across seeds and across indices", () => {
    const a = samplePatient(5, "42", CLINIC);
    const b = samplePatient(5, "43", CLINIC);
    const c = samplePatient(6, "42", CLINIC);
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(c);
    // Not only ids: the clinical content differs.
    expect(a.teeth).not.toEqual(b.teeth);
  });

  it("names and seeds the patient from its index", () => {
    const p = samplePatient(7, "42", CLINIC);
    expect(p.id).toBe("P000000007");
    expect(patientId(123_456_789)).toBe("P123456789");
    expect(p.index).toBe(7);
    expect(p.seed).toBe("42/patient/7");
    expect(p.preset).toBe("clinic");
  });

  it("keeps sub-models apart: changing one sub-model's prior leaves the others' draws unchanged", () => {
    // Each step draws from its own fork of the patient stream, so a different lab window changes only lab cases,
    // and a different perio prior changes neither the dentition, the lesions, the window nor the lab cases (tooth
    // loss during follow-up may change: it depends on the chart by design, not by a shifted stream).
    const labChanged: Preset = { ...CLINIC, lab: { ...CLINIC.lab, windowYears: 40 } };
    const perioChanged: Preset = { ...CLINIC, perio: { ...CLINIC.perio, bleedMean: 0.5, siteSd: 1 } };
    let labCasesDiffer = 0;
    for (let i = 0; i < 50; i++) {
      const base = samplePatient(i, "iso", CLINIC);
      const lab = samplePatient(i, "iso", labChanged);
      expect(lab.teeth).toEqual(base.teeth);
      expect(lab.followUpYears).toBe(base.followUpYears);
      if (JSON.stringify(lab.labCases) !== JSON.stringify(base.labCases)) labCasesDiffer++;
      const perio = samplePatient(i, "iso", perioChanged);
      expect(perio.labCases).toEqual(base.labCases);
      expect(perio.followUpYears).toBe(base.followUpYears);
      const baseline = (p: typeof base) =>
        p.teeth.map((t) => ({ ...t, perio: null, lostDuringFollowUp: false, lostAfterYears: null }));
      expect(baseline(perio)).toEqual(baseline(base));
    }
    expect(labCasesDiffer).toBeGreaterThan(0);
  });

  it("registers both presets with a name and a one-line description, clinic by default", () => {
    expect(DEFAULT_PRESET).toBe("clinic");
    for (const [key, preset] of Object.entries(PRESETS)) {
      expect(preset.name).toBe(key);
      expect(preset.description.length).toBeGreaterThan(10);
      expect(preset.description).not.toContain("\n");
    }
  });
});
