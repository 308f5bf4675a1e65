import { describe, expect, it } from "vitest";
import { CLINIC, US_ADULT } from "../../../generators/patient/presets.js";
import { TURNAROUND_DAYS, VITA_SHADES } from "../../../generators/patient/priors-lab.js";
import { Rng } from "../../../core/rng.js";
import { sampleLabCases } from "../../../generators/patient/sample-lab-cases.js";
import { samplePatient } from "../../../generators/patient/sample-patient.js";
import { healthyPatient } from "./build-patient.js";
import type { LabCase, LabMaterial, VirtualPatient } from "../../../generators/patient/types.js";

const PATIENTS = 20_000;
const patients: VirtualPatient[] = [];
for (let i = 0; i < PATIENTS; i++) patients.push(samplePatient(i, "lab", CLINIC), samplePatient(i, "lab", US_ADULT));
const cases: LabCase[] = patients.flatMap((p) => p.labCases);
const singles = cases.filter((c) => c.type === "single_crown");
const materialShare = (list: readonly LabCase[], material: LabMaterial) => list.filter((c) => c.material === material).length / list.length;

describe(`lab cases (${cases.length.toLocaleString("en")} cases of ${(2 * PATIENTS).toLocaleString("en")} patients)`, () => {
  it("exist only for a fraction of restorations, and for every kind", () => {
    const restorations = patients.reduce(
      (n, p) => n + p.teeth.filter((t) => t.restoration === "crowned" || t.restoration === "implant").length,
      0,
    );
    expect(cases.length).toBeGreaterThan(2000);
    expect(cases.length).toBeLessThan(restorations / 3); // the record window keeps recent restorations only
    for (const type of ["single_crown", "bridge", "implant_crown"] as const) {
      expect(cases.some((c) => c.type === type)).toBe(true);
    }
  });

  // source: PMC7005880, 3.8 % of 3,750 single crowns remade.
  it("are remade at the cited rate", () => {
    const remakes = cases.filter((c) => c.remake);
    expect(Math.abs(remakes.length / cases.length - 0.038)).toBeLessThan(0.01); // 3.8 % ± 1 pp
    expect(cases.every((c) => c.remake === (c.remakeReason !== null))).toBe(true);
  });

  // source: PMC7005880: main reasons proximal contacts, then margins, then esthetics (order only).
  it("gives remake reasons in the order contacts > margins > esthetics", () => {
    // Many cases at once: a full crowned dentition with every crown recent (window of 100 years).
    const crowned = healthyPatient(40);
    for (const t of crowned.teeth) t.restoration = "crowned";
    const many: LabCase[] = [];
    for (let i = 0; i < 2500; i++) {
      many.push(...sampleLabCases(new Rng(`remakes/${i}`), crowned.teeth, 40, { windowYears: 100, restorativeStartAge: 18 }, "P1"));
    }
    const remakes = many.filter((c) => c.remake);
    expect(Math.abs(remakes.length / many.length - 0.038)).toBeLessThan(0.003); // 3.8 % ± 0.3 pp, n = 80,000
    const count = (reason: string) => remakes.filter((c) => c.remakeReason === reason).length;
    expect(count("proximal_contact")).toBeGreaterThan(count("margin_fit"));
    expect(count("margin_fit")).toBeGreaterThan(count("shade_esthetics"));
    expect(count("shade_esthetics")).toBeGreaterThan(count("occlusion"));
  });

  // source: NDPBRN, J Dent 2016 (PMC5125852).
  it("uses the cited materials by region", () => {
    const posterior = singles.filter((c) => (c.teeth[0] as number) % 10 >= 4);
    const anterior = singles.filter((c) => (c.teeth[0] as number) % 10 <= 3);
    expect(posterior.length).toBeGreaterThan(1000);
    expect(Math.abs(materialShare(posterior, "monolithic_zirconia") - 0.32)).toBeLessThan(0.04); // 32 % ± 4 pp
    expect(Math.abs(materialShare(posterior, "pfm") - 0.31)).toBeLessThan(0.04); // 31 % ± 4 pp
    expect(Math.abs(materialShare(posterior, "lithium_disilicate") - 0.21)).toBeLessThan(0.04); // 21 % ± 4 pp
    expect(anterior.length).toBeGreaterThan(150);
    expect(Math.abs(materialShare(anterior, "lithium_disilicate") - 0.54)).toBeLessThan(0.08); // 54 % ± 8 pp
    // No glass ceramic on bridges.
    const bridges = cases.filter((c) => c.type === "bridge");
    expect(bridges.every((c) => c.material !== "leucite_glass_ceramic" && c.material !== "lithium_disilicate")).toBe(true);
  });

  it("use VITA classical shades and the vendor turnaround ranges", () => {
    for (const c of cases) {
      expect(VITA_SHADES).toContain(c.shade);
      const [lo, hi] =
        c.type === "bridge" ? TURNAROUND_DAYS.bridge : c.type === "implant_crown" ? TURNAROUND_DAYS.implant_crown : TURNAROUND_DAYS.single[c.material];
      expect(c.turnaroundDays).toBeGreaterThanOrEqual(lo);
      expect(c.turnaroundDays).toBeLessThanOrEqual(hi);
    }
    const a2a3 = cases.filter((c) => c.shade === "A2" || c.shade === "A3").length / cases.length;
    expect(a2a3).toBeGreaterThan(0.4); // prior peaked at A2/A3 (52 % of the weight) [U]
  });
});
