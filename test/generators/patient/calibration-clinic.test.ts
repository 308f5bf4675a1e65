/**
 * Marginal rates of the `clinic` preset, seen through the Creighton-shaped table (creightonRows), against the
 * aggregate figures measured on the real table (priors-creighton.ts, [M]). The real table is not read here.
 */
import { describe, expect, it } from "vitest";
import { CLINIC } from "../../../generators/patient/presets.js";
import { samplePatient } from "../../../generators/patient/sample-patient.js";
import type { VirtualPatient } from "../../../generators/patient/types.js";
import { creightonRows, type CreightonRow } from "../../../generators/records/creighton-shape.js";

const PATIENTS = 20_000;
const patients: VirtualPatient[] = [];
const rows: CreightonRow[] = [];
for (let i = 0; i < PATIENTS; i++) {
  const p = samplePatient(i, "calibration", CLINIC);
  patients.push(p);
  for (const row of creightonRows(p)) rows.push(row);
}
const share = (predicate: (r: CreightonRow) => boolean, of: readonly CreightonRow[] = rows) =>
  of.filter(predicate).length / of.length;
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return (s[lo] as number) + ((s[Math.ceil(pos)] as number) - (s[lo] as number)) * (pos - lo);
}
const charted = rows.filter((r) => r.x5_pocket_max !== null);
const idsInTable = new Set(rows.map((r) => r.id));
const inTable = patients.filter((p) => idsInTable.has(p.id));

describe(`clinic calibration (${PATIENTS.toLocaleString("en")} patients, ${rows.length.toLocaleString("en")} rows)`, () => {
  it("matches the age distribution, including its youngest patients", () => {
    const ages = patients.map((p) => p.demographics.age);
    expect(Math.abs(quantile(ages, 0.5) - 58)).toBeLessThanOrEqual(1.5); // median 58 ± 1.5 [M]
    expect(Math.abs(quantile(ages, 0.25) - 41)).toBeLessThanOrEqual(2); // Q1 41 ± 2 [M]
    expect(Math.abs(quantile(ages, 0.75) - 72)).toBeLessThanOrEqual(2); // Q3 72 ± 2 [M]
    expect(Math.min(...ages)).toBe(16); // youngest 16 [M]
  });

  it("matches sex, diabetes and tobacco shares, per patient and per row", () => {
    const patientShare = (f: (p: VirtualPatient) => boolean) => patients.filter(f).length / patients.length;
    expect(Math.abs(patientShare((p) => p.demographics.sex === "female") - 0.513)).toBeLessThan(0.015); // 51.3 % ± 1.5 pp
    expect(Math.abs(patientShare((p) => p.demographics.diabetes) - 0.096)).toBeLessThan(0.01); // 9.6 % ± 1 pp
    expect(Math.abs(patientShare((p) => p.demographics.tobaccoEver) - 0.229)).toBeLessThan(0.015); // 22.9 % ± 1.5 pp
    expect(Math.abs(share((r) => r.x49_gender === "Female") - 0.508)).toBeLessThan(0.02); // rows 50.8 % ± 2 pp
    expect(Math.abs(share((r) => r.x50_diabetes === "Diabetes") - 0.096)).toBeLessThan(0.015); // rows 9.6 % ± 1.5 pp
    expect(Math.abs(share((r) => r.x51_tobacco_ever === "Had Tobacco") - 0.217)).toBeLessThan(0.025); // rows 21.7 % ± 2.5 pp
    expect(inTable.length / PATIENTS).toBeGreaterThan(0.97);
  });

  it("matches crown, root-canal, implant and pontic rates of the rows", () => {
    expect(Math.abs(share((r) => r.x15_crown === "Crown") - 0.182)).toBeLessThan(0.015); // 18.2 % ± 1.5 pp
    expect(Math.abs(share((r) => r.x16_endo === "Endo Therapy") - 0.0547)).toBeLessThan(0.008); // 5.5 % ± 0.8 pp
    expect(Math.abs(share((r) => r.x17_implant === "Implant") - 0.00265)).toBeLessThan(0.0008); // 0.27 % ± 0.08 pp
    expect(Math.abs(share((r) => r.x18_pontic === "Bridge Pontic") - 0.001)).toBeLessThan(0.0005); // 0.10 % ± 0.05 pp
    const endo = rows.filter((r) => r.x16_endo === "Endo Therapy");
    expect(Math.abs(share((r) => r.x15_crown === "Crown", endo) - 0.68)).toBeLessThan(0.06); // P(crown | endo) 68 % ± 6 pp
  });

  it("matches filled and decayed rates and the row count", () => {
    expect(Math.abs(share((r) => r.x20_filled_tooth === "Filled") - 0.722)).toBeLessThan(0.025); // 72.2 % ± 2.5 pp
    expect(Math.abs(share((r) => r.x21_decayed_tooth === "Decayed") - 0.262)).toBeLessThan(0.025); // 26.2 % ± 2.5 pp
    expect(Math.abs(rows.length / inTable.length - 12.22)).toBeLessThan(0.6); // 12.2 rows per patient ± 0.6
  });

  it("matches the periodontal distributions", () => {
    expect(Math.abs(mean(charted.map((r) => r.x4_pocket_mean as number)) - 2.5)).toBeLessThan(0.08); // mean PD 2.50 ± 0.08 mm
    expect(Math.abs(share((r) => (r.x5_pocket_max as number) >= 5, charted) - 0.11)).toBeLessThan(0.02); // PD max >= 5: 11.0 % ± 2 pp
    expect(Math.abs(mean(charted.map((r) => r.x2_bleed as number)) - 11.4)).toBeLessThan(1.5); // bleeding 11.4 % ± 1.5 pp of sites
    expect(Math.abs(mean(charted.map((r) => r.x3_plaque as number)) - 19.0)).toBeLessThan(2.5); // plaque 19.0 % ± 2.5 pp of sites
    expect(Math.abs(share((r) => (r.x1_mobil as number) >= 1, charted) - 0.031)).toBeLessThan(0.01); // mobility 3.1 % ± 1 pp
    const molars = charted.filter((r) => r.molar);
    expect(Math.abs(share((r) => (r.x22_furc_max as number) >= 1, molars) - 0.096)).toBeLessThan(0.025); // furcation 9.6 % ± 2.5 pp
  });

  it("matches tooth loss during follow-up and the follow-up time", () => {
    expect(Math.abs(share((r) => r.event === 1) - 0.0664)).toBeLessThan(0.01); // 6.6 % of rows ± 1 pp
    const followUp = patients.map((p) => p.followUpYears);
    expect(Math.abs(quantile(followUp, 0.5) - 1.552)).toBeLessThan(0.15); // median 1.55 ± 0.15 y
    expect(Math.max(...followUp)).toBeLessThanOrEqual(5.614 + 1e-9); // window 2007-2013: max 5.61 y
  });
});
