import { describe, expect, it } from "vitest";
import { checkDomainRules } from "../../../generators/patient/rules.js";
import type { LabCase, VirtualPatient } from "../../../generators/patient/types.js";
import {
  addLesion,
  healthyChart,
  healthyPatient,
  makeCrowned,
  makeFilled,
  makeMissing,
  makeUnerupted,
  toothOf,
} from "./build-patient.js";

/** A patient that breaks exactly the rule under test: its messages must be exactly `expected`. */
function expectProblems(patient: VirtualPatient, expected: string[]): void {
  expect(checkDomainRules(patient)).toEqual(expected);
}

function labCase(partial: Partial<LabCase> & Pick<LabCase, "type" | "teeth">): LabCase {
  return {
    id: "P000000001-C1",
    units: partial.teeth.length,
    material: "monolithic_zirconia",
    shade: "A2",
    turnaroundDays: 4,
    remake: false,
    remakeReason: null,
    ...partial,
  };
}

/** A valid patient using every kind of position: fillings, crowns, a bridge, an implant, lesions, lab cases. */
function richPatient(): VirtualPatient {
  const p = healthyPatient(45);
  makeFilled(p, 16, ["M", "O"]);
  addLesion(p, 16, "M", "D1", { cavitated: true, recurrent: true });
  makeCrowned(p, 26);
  addLesion(p, 26, "D", "E2", { recurrent: true });
  makeMissing(p, 36, "implant");
  makeCrowned(p, 44);
  makeMissing(p, 45, "pontic");
  makeCrowned(p, 46);
  makeMissing(p, 18);
  makeUnerupted(p, 38);
  p.labCases = [
    labCase({ id: "P000000001-C1", type: "single_crown", teeth: [26] }),
    labCase({ id: "P000000001-C2", type: "implant_crown", teeth: [36] }),
    labCase({ id: "P000000001-C3", type: "bridge", teeth: [46, 45, 44], material: "pfm" }),
  ];
  toothOf(p, 47).lostDuringFollowUp = true;
  toothOf(p, 47).lostAfterYears = 1.5;
  return p;
}

describe("checkDomainRules", () => {
  it("accepts valid hand-built patients", () => {
    expectProblems(healthyPatient(), []);
    expectProblems(richPatient(), []);
  });

  describe("positions", () => {
    it("needs all 32 positions", () => {
      const p = healthyPatient();
      p.teeth.pop();
      expectProblems(p, ["teeth: expected 32 positions, found 31", "tooth 48: position missing from the chart"]);
    });

    it("rejects invalid and repeated FDI numbers", () => {
      const p = healthyPatient();
      (p.teeth[7] as { fdi: number }).fdi = 19;
      expect(checkDomainRules(p)).toEqual(["teeth[7]: invalid FDI number 19", "tooth 18: position missing from the chart"]);
      const q = healthyPatient();
      q.teeth[7] = { ...toothOf(q, 17) };
      expect(checkDomainRules(q)).toEqual([
        "tooth 17: listed more than once",
        "teeth[7]: expected tooth 18 in FDI order, found 17",
        "tooth 18: position missing from the chart",
      ]);
    });

    it("checks the Universal number", () => {
      const p = healthyPatient();
      toothOf(p, 11).universal = 9;
      expectProblems(p, ["tooth 11: Universal number 9, expected 8"]);
    });
  });

  describe("missing and unerupted teeth", () => {
    it("carry no lesions", () => {
      const p = healthyPatient();
      makeMissing(p, 36);
      addLesion(p, 36, "O", "D2");
      expectProblems(p, ["tooth 36: missing tooth has 1 lesion(s)"]);
    });

    it("carry no fillings, root canal or crown", () => {
      const p = healthyPatient(30);
      makeUnerupted(p, 48);
      toothOf(p, 48).filledSurfaces = ["O"];
      toothOf(p, 48).rootCanalTreated = true;
      expectProblems(p, [
        "tooth 48: unerupted tooth has filled surfaces",
        "tooth 48: unerupted tooth is root-canal treated",
        "tooth 48: filled surfaces on a tooth that is none, not filled",
      ]);
      const q = healthyPatient();
      makeMissing(q, 36);
      toothOf(q, 36).restoration = "crowned";
      expectProblems(q, ["tooth 36: missing tooth is crowned"]);
    });

    it("carry no perio chart unless an implant stands there", () => {
      const p = healthyPatient();
      makeMissing(p, 36);
      toothOf(p, 36).perio = healthyChart();
      expectProblems(p, ["tooth 36: missing tooth has a perio chart"]);
    });

    it("an unerupted position carries no restoration at all", () => {
      const p = healthyPatient(30);
      makeUnerupted(p, 38);
      toothOf(p, 38).restoration = "implant";
      expectProblems(p, [
        "tooth 38: unerupted tooth carries an implant",
        "tooth 38: implant on an unerupted tooth (only on missing positions)",
      ]);
    });
  });

  it("allows implants and pontics only on missing positions", () => {
    const p = healthyPatient();
    toothOf(p, 36).restoration = "implant";
    expectProblems(p, ["tooth 36: implant on a present tooth (only on missing positions)"]);
  });

  it("wants a crowned tooth without occlusal lesion", () => {
    const p = healthyPatient();
    makeCrowned(p, 16);
    const lesion = addLesion(p, 16, "O", "D1", { recurrent: true });
    expectProblems(p, [`tooth 16: crowned tooth has an occlusal lesion (${lesion.id})`]);
  });

  it("allows at most one lesion per surface", () => {
    const p = healthyPatient();
    addLesion(p, 16, "M", "E1");
    addLesion(p, 16, "M", "D2");
    expectProblems(p, ["tooth 16: more than one lesion on surface M"]);
  });

  it("allows a recurrent lesion only on a restored surface, and the ICCMS code of its depth", () => {
    const p = healthyPatient();
    makeFilled(p, 16, ["O"]);
    const lesion = addLesion(p, 16, "M", "D1", { recurrent: true });
    expectProblems(p, [`tooth 16: recurrent lesion ${lesion.id} on surface M, which is not restored`]);
    const q = healthyPatient();
    const wrong = addLesion(q, 16, "M", "D1");
    wrong.iccms = "RB4";
    expectProblems(q, [`tooth 16: lesion ${wrong.id} has ICCMS RB4, expected RA3 for D1`]);
  });

  it("puts filled surfaces only (and always) on filled teeth, each once", () => {
    const p = healthyPatient();
    toothOf(p, 16).restoration = "filled";
    expectProblems(p, ["tooth 16: filled tooth has no filled surface"]);
    const q = healthyPatient();
    makeCrowned(q, 16);
    toothOf(q, 16).filledSurfaces = ["O"];
    expectProblems(q, ["tooth 16: filled surfaces on a tooth that is crowned, not filled"]);
    const r = healthyPatient();
    makeFilled(r, 16, ["O", "O"]);
    expectProblems(r, ["tooth 16: a filled surface is listed twice"]);
  });

  it("wants a pontic between two crowned present teeth", () => {
    const p = healthyPatient();
    makeMissing(p, 45, "pontic");
    makeCrowned(p, 46);
    expectProblems(p, ["tooth 45: pontic without a crowned abutment on its mesial side"]);
    const q = healthyPatient();
    makeMissing(q, 18, "pontic");
    makeCrowned(q, 17);
    expectProblems(q, ["tooth 18: pontic without a crowned abutment on its distal side"]);
  });

  describe("lab cases", () => {
    it("only for teeth carrying that restoration", () => {
      const p = healthyPatient();
      p.labCases = [labCase({ type: "single_crown", teeth: [16] })];
      expectProblems(p, ["lab case P000000001-C1: single crown on tooth 16, which is not a present crowned tooth"]);
      const q = healthyPatient();
      q.labCases = [labCase({ type: "implant_crown", teeth: [36] })];
      expectProblems(q, ["lab case P000000001-C1: implant crown on tooth 36, which carries no implant"]);
    });

    it("a bridge is crowned abutment, pontic, crowned abutment in a row", () => {
      const p = richPatient();
      (p.labCases[2] as LabCase).teeth = [44, 45, 47];
      expectProblems(p, ["lab case P000000001-C3: bridge 44-45-47 is not crowned abutment, pontic, crowned abutment in a row"]);
    });

    it("a pontic in a case is in a bridge case", () => {
      const p = richPatient();
      p.labCases.push(labCase({ id: "P000000001-C4", type: "single_crown", teeth: [45] }));
      const problems = checkDomainRules(p);
      expect(problems).toContain("lab case P000000001-C4: tooth 45 is already in lab case P000000001-C3");
      expect(problems).toContain("lab case P000000001-C4: pontic 45 outside a bridge case");
    });

    it("has consistent units, remake reason and known teeth", () => {
      const p = richPatient();
      (p.labCases[0] as LabCase).units = 2;
      (p.labCases[1] as LabCase).remake = true;
      expectProblems(p, [
        "lab case P000000001-C1: 2 units for 1 teeth",
        "lab case P000000001-C2: remake true with reason null",
      ]);
      const q = healthyPatient();
      q.labCases = [labCase({ type: "single_crown", teeth: [19] })];
      expectProblems(q, ["lab case P000000001-C1: names a tooth that is not in the chart (19)"]);
    });
  });

  describe("eruption", () => {
    it("keeps second molars unerupted before their window", () => {
      const p = healthyPatient(10);
      for (const fdi of [18, 28, 38, 48]) makeUnerupted(p, fdi);
      expectProblems(p, [
        "tooth 17: present at age 10, before its eruption window (from 12 y)",
        "tooth 27: present at age 10, before its eruption window (from 12 y)",
        "tooth 37: present at age 10, before its eruption window (from 11 y)",
        "tooth 47: present at age 10, before its eruption window (from 11 y)",
      ]);
    });

    it("keeps third molars unerupted before 17", () => {
      const p = healthyPatient(15);
      for (const fdi of [18, 28, 38]) makeUnerupted(p, fdi);
      expectProblems(p, ["tooth 48: present at age 15, before its eruption window (from 17 y)"]);
      makeUnerupted(p, 48);
      expectProblems(p, []);
    });
  });

  describe("perio chart", () => {
    it("has CAL = PD + recession at every site", () => {
      const p = healthyPatient();
      const chart = toothOf(p, 11).perio;
      if (!chart) throw new Error("no chart");
      chart.recession[0] = 1;
      expectProblems(p, ["tooth 11: site 1 CAL 3 is not PD 3 + recession 1"]);
    });

    it("has furcation 0 on single-rooted teeth and grades 0-3", () => {
      const p = healthyPatient();
      const chart = toothOf(p, 13).perio;
      if (!chart) throw new Error("no chart");
      chart.furcation = 1;
      expectProblems(p, ["tooth 13: furcation grade 1 on a single-rooted tooth"]);
      const molar = toothOf(p, 16).perio;
      if (!molar) throw new Error("no chart");
      chart.furcation = 0;
      molar.mobility = 4;
      expectProblems(p, ["tooth 16: mobility 4 is not a grade 0-3"]);
    });

    it("is present on every present tooth, with six sites", () => {
      const p = healthyPatient();
      toothOf(p, 11).perio = null;
      expectProblems(p, ["tooth 11: present tooth has no perio chart"]);
      const q = healthyPatient();
      const chart = toothOf(q, 11).perio;
      if (!chart) throw new Error("no chart");
      chart.bleeding.pop();
      expectProblems(q, ["tooth 11: perio chart does not have 6 sites"]);
    });
  });

  describe("follow-up", () => {
    it("loses only teeth present at baseline, within the window", () => {
      const p = healthyPatient();
      makeMissing(p, 36);
      toothOf(p, 36).lostDuringFollowUp = true;
      toothOf(p, 36).lostAfterYears = 1;
      expectProblems(p, ["tooth 36: lost during follow-up but missing at baseline"]);
      const q = healthyPatient();
      toothOf(q, 16).lostDuringFollowUp = true;
      toothOf(q, 16).lostAfterYears = 3;
      expectProblems(q, ["tooth 16: lost after 3 years, outside the follow-up window (0, 2]"]);
      const r = healthyPatient();
      toothOf(r, 16).lostAfterYears = 1;
      expectProblems(r, ["tooth 16: has a loss time but was not lost during follow-up"]);
    });
  });

  // DMFT = D + M + F: dmftOf computes the total as the sum, so no hand-built patient can break it; the rule guards
  // dmftOf itself and is exercised on every generated patient in domain-rules.test.ts.
});
