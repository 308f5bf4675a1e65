/**
 * The generative story has structure, not independent coin flips: these check the directions the cited sources
 * and the Creighton table show (molars first, lower incisors least; tobacco, diabetes and age worsen perio;
 * disease clusters within a mouth; teeth lost during follow-up were the worse ones).
 */
import { describe, expect, it } from "vitest";
import { dmftOf } from "../../../generators/patient/dmft.js";
import { CLINIC, US_ADULT } from "../../../generators/patient/presets.js";
import { samplePatient } from "../../../generators/patient/sample-patient.js";
import type { ToothState, VirtualPatient } from "../../../generators/patient/types.js";

const us: VirtualPatient[] = [];
const clinic: VirtualPatient[] = [];
for (let i = 0; i < 8000; i++) {
  us.push(samplePatient(i, "structure", US_ADULT));
  clinic.push(samplePatient(i, "structure", CLINIC));
}
const teethAt = (patients: readonly VirtualPatient[], positions: readonly number[]) =>
  patients.flatMap((p) => p.teeth.filter((t) => positions.includes(t.fdi % 10) && t.presence !== "unerupted"));
const rate = (teeth: readonly ToothState[], f: (t: ToothState) => boolean) => teeth.filter(f).length / teeth.length;
const meanCal = (t: ToothState) => (t.perio ? t.perio.attachmentLoss.reduce((a, b) => a + b, 0) / 6 : NaN);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("generative structure", () => {
  it("restores molars first and lower incisors least", () => {
    const restored = (t: ToothState) => t.restoration === "filled" || t.restoration === "crowned";
    const firstMolars = rate(teethAt(us, [6]), restored);
    const premolars = rate(teethAt(us, [4, 5]), restored);
    const lowerIncisors = rate(
      us.flatMap((p) => p.teeth.filter((t) => t.arch === "lower" && t.fdi % 10 <= 2)),
      restored,
    );
    expect(firstMolars).toBeGreaterThan(premolars);
    expect(premolars).toBeGreaterThan(lowerIncisors);
  });

  it("loses molars first and canines last", () => {
    const missing = (t: ToothState) => t.presence === "missing";
    // Dentate patients only: an edentulous mouth has lost every position alike.
    const old = us.filter((p) => p.demographics.age >= 55 && p.teeth.some((t) => t.presence === "present"));
    expect(rate(teethAt(old, [6, 7]), missing)).toBeGreaterThan(2 * rate(teethAt(old, [3]), missing));
  });

  it("accumulates caries experience with age", () => {
    const dmft = (lo: number, hi: number) =>
      mean(us.filter((p) => p.demographics.age >= lo && p.demographics.age <= hi).map((p) => dmftOf(p).total));
    expect(dmft(35, 49)).toBeGreaterThan(dmft(20, 34));
    expect(dmft(50, 64)).toBeGreaterThan(dmft(35, 49));
  });

  it("worsens periodontal status with tobacco, diabetes and age", () => {
    const cal = (patients: readonly VirtualPatient[]) =>
      mean(patients.flatMap((p) => p.teeth.filter((t) => t.perio && t.presence === "present").map(meanCal)));
    const adults = us.filter((p) => p.demographics.age >= 35);
    expect(cal(adults.filter((p) => p.demographics.tobaccoEver))).toBeGreaterThan(cal(adults.filter((p) => !p.demographics.tobaccoEver)) + 0.05);
    expect(cal(adults.filter((p) => p.demographics.diabetes))).toBeGreaterThan(cal(adults.filter((p) => !p.demographics.diabetes)));
    expect(cal(us.filter((p) => p.demographics.age >= 65))).toBeGreaterThan(cal(us.filter((p) => p.demographics.age < 35)));
  });

  it("correlates probing depth within a patient", () => {
    // Share of the variance of tooth mean PD that lies between patients (Creighton [M]: 0.56).
    const toothMeans: number[] = [];
    const patientOf: number[] = [];
    clinic.slice(0, 3000).forEach((p, i) => {
      for (const t of p.teeth) {
        if (t.presence !== "present" || !t.perio) continue;
        toothMeans.push(t.perio.probingDepth.reduce((a, b) => a + b, 0) / 6);
        patientOf.push(i);
      }
    });
    const grand = mean(toothMeans);
    const sums = new Map<number, { s: number; n: number }>();
    toothMeans.forEach((v, k) => {
      const e = sums.get(patientOf[k] as number) ?? { s: 0, n: 0 };
      e.s += v;
      e.n++;
      sums.set(patientOf[k] as number, e);
    });
    const between = mean(toothMeans.map((_, k) => {
      const e = sums.get(patientOf[k] as number) as { s: number; n: number };
      return (e.s / e.n - grand) ** 2;
    }));
    const total = mean(toothMeans.map((v) => (v - grand) ** 2));
    expect(between / total).toBeGreaterThan(0.3);
  });

  it("puts furcation only on molars and loses the worse teeth during follow-up", () => {
    const charted = clinic.flatMap((p) => p.teeth.filter((t) => t.perio && t.presence === "present"));
    expect(charted.filter((t) => t.fdi % 10 < 6 && (t.perio?.furcation ?? 0) > 0)).toHaveLength(0);
    const lost = charted.filter((t) => t.lostDuringFollowUp);
    const kept = charted.filter((t) => !t.lostDuringFollowUp);
    expect(mean(lost.map(meanCal))).toBeGreaterThan(mean(kept.map(meanCal)));
    expect(rate(lost, (t) => t.rootCanalTreated)).toBeGreaterThan(rate(kept, (t) => t.rootCanalTreated));
  });

  it("keeps the third molars of the youngest clinic patients unerupted and bare", () => {
    const teens = clinic.filter((p) => p.demographics.age < 17);
    expect(teens.length).toBeGreaterThan(0);
    for (const p of teens) {
      for (const t of p.teeth.filter((x) => x.fdi % 10 === 8)) {
        expect(t.presence).toBe("unerupted");
        expect(t.lesions).toEqual([]);
        expect(t.perio).toBeNull();
      }
    }
  });
});
