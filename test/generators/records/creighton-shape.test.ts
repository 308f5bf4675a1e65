import { describe, expect, it } from "vitest";
import { CLINIC, US_ADULT } from "../../../generators/patient/presets.js";
import { samplePatient } from "../../../generators/patient/sample-patient.js";
import type { VirtualPatient } from "../../../generators/patient/types.js";
import { CREIGHTON_COLUMNS, creightonRows, type CreightonRow } from "../../../generators/records/creighton-shape.js";
import { healthyPatient, makeMissing } from "../patient/build-patient.js";

/** The real table's 56 column names in order (MST package man/Teeth.Rd, x-columns renamed x<k>_<name>). */
const REAL_COLUMNS =
  "x1_mobil,x2_bleed,x3_plaque,x4_pocket_mean,x5_pocket_max,x6_cal_mean,x7_cal_max,x8_fgm_mean,x9_fgm_max,x10_mg," +
  "x11_filled,x12_decay_new,x13_decay_recur,x14_dfs,x15_crown,x16_endo,x17_implant,x18_pontic,x19_missing_tooth," +
  "x20_filled_tooth,x21_decayed_tooth,x22_furc_max,x23_bleed_ave,x24_plaque_ave,x25_pocket_mean_ave,x26_pocket_max_ave," +
  "x27_cal_mean_ave,x28_cal_max_ave,x29_fgm_mean_ave,x30_fgm_max_ave,x31_mg_ave,x32_filled_sum,x33_filled_ave," +
  "x34_decay_new_sum,x35_decay_new_ave,x36_decay_recur_sum,x37_decay_recur_ave,x38_dfs_sum,x39_dfs_ave," +
  "x40_filled_tooth_sum,x41_filled_tooth_ave,x42_decayed_tooth_sum,x43_decayed_tooth_ave,x44_missing_tooth_sum," +
  "x45_missing_tooth_ave,x46_total_tooth,x47_dft,x48_baseline_age,x49_gender,x50_diabetes,x51_tobacco_ever,molar,id," +
  "tooth,event,time";

const patients: VirtualPatient[] = [];
for (let i = 0; i < 2000; i++) patients.push(samplePatient(i, "creighton", i % 2 === 0 ? CLINIC : US_ADULT));
const rowsOf = new Map(patients.map((p) => [p.id + p.preset, creightonRows(p)]));
/** The row-by-row expect() checks use fewer patients: a few hundred expects per patient add up. */
const fewPatients = patients.slice(0, 300);

describe("CREIGHTON_COLUMNS", () => {
  it("lists the real table's columns in order, each documented", () => {
    expect(CREIGHTON_COLUMNS.map((c) => c.name).join(",")).toBe(REAL_COLUMNS);
    for (const c of CREIGHTON_COLUMNS) {
      expect(c.meaning.length).toBeGreaterThan(3);
      expect(c.derivation.length).toBeGreaterThan(3);
      expect(c.allowed === null || c.range === null).toBe(true);
      expect(c.nullable).toBe(c.nullWhen !== "");
    }
  });
});

describe("creightonRows", () => {
  it("gives rows whose keys follow CREIGHTON_COLUMNS and whose values fit the dictionary", () => {
    // Plain checks collected into one list: ~25,000 rows x 56 cells is too many for one expect() each.
    const problems: string[] = [];
    let checked = 0;
    for (const rows of rowsOf.values()) {
      for (const row of rows) {
        if (Object.keys(row).join(",") !== REAL_COLUMNS) problems.push(`row ${row.id}/${row.tooth}: keys out of order`);
        for (const c of CREIGHTON_COLUMNS) {
          const v = row[c.name];
          const at = `${row.id}/${row.tooth} ${c.name}=${String(v)}`;
          if (v === null) {
            if (!c.nullable) problems.push(`${at}: null in a non-nullable column`);
            continue;
          }
          const numeric = c.type === "integer" || c.type === "number";
          if (typeof v !== (numeric ? "number" : c.type)) problems.push(`${at}: not a ${c.type}`);
          if (c.type === "integer" && !Number.isInteger(v)) problems.push(`${at}: not an integer`);
          if (c.allowed && !c.allowed.includes(v)) problems.push(`${at}: not one of ${c.allowed.join("|")}`);
          if (c.range && ((v as number) < c.range[0] || (v as number) > c.range[1])) problems.push(`${at}: outside ${c.range.join("..")}`);
        }
        checked++;
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it("keeps patient-level columns constant within a patient and consistent with its rows", () => {
    const patientColumns = CREIGHTON_COLUMNS.slice(22, 51).map((c) => c.name);
    for (const p of fewPatients) {
      const rows = rowsOf.get(p.id + p.preset) ?? [];
      if (rows.length === 0) continue;
      const first = rows[0] as CreightonRow;
      for (const row of rows) for (const name of patientColumns) expect(row[name]).toBe(first[name]);
      // Rows are a subset of the record set behind the sums.
      const sum = (f: (r: CreightonRow) => number) => rows.reduce((a, r) => a + f(r), 0);
      expect(first.x46_total_tooth).toBeGreaterThanOrEqual(rows.length);
      expect(first.x32_filled_sum).toBeGreaterThanOrEqual(sum((r) => r.x11_filled));
      expect(first.x34_decay_new_sum).toBeGreaterThanOrEqual(sum((r) => r.x12_decay_new));
      expect(first.x36_decay_recur_sum).toBeGreaterThanOrEqual(sum((r) => r.x13_decay_recur));
      expect(first.x40_filled_tooth_sum).toBeGreaterThanOrEqual(rows.filter((r) => r.x20_filled_tooth === "Filled").length);
      expect(first.x44_missing_tooth_sum).toBeGreaterThanOrEqual(rows.filter((r) => r.x19_missing_tooth === "Missing").length);
      // The real table's identities: _ave = _sum / total_tooth; dft = filled + decayed teeth.
      expect(first.x33_filled_ave).toBeCloseTo(first.x32_filled_sum / first.x46_total_tooth, 12);
      expect(first.x43_decayed_tooth_ave).toBeCloseTo(first.x42_decayed_tooth_sum / first.x46_total_tooth, 12);
      expect(first.x47_dft).toBe(first.x40_filled_tooth_sum + first.x42_decayed_tooth_sum);
      // Perio averages: over the full-mouth chart.
      const charts = p.teeth.flatMap((t) => (t.perio ? [t.perio] : []));
      const pdMeans = charts.map((c) => c.probingDepth.reduce((a, b) => a + b, 0) / 6);
      expect(first.x25_pocket_mean_ave).toBeCloseTo(pdMeans.reduce((a, b) => a + b, 0) / pdMeans.length, 10);
      // Demographics.
      expect(first.x48_baseline_age).toBe(p.demographics.age);
      expect(first.x49_gender).toBe(p.demographics.sex === "female" ? "Female" : "Male");
      expect(first.id).toBe(p.id);
    }
  });

  it("encodes each tooth row as the real table does", () => {
    for (const p of fewPatients) {
      const byUniversal = new Map(p.teeth.map((t) => [t.universal, t]));
      const rows = rowsOf.get(p.id + p.preset) ?? [];
      const teeth = rows.map((r) => r.tooth);
      expect(teeth).toEqual([...teeth].sort((a, b) => a - b)); // Universal order
      expect(new Set(teeth).size).toBe(teeth.length);
      for (const row of rows) {
        const tooth = byUniversal.get(row.tooth);
        if (!tooth) throw new Error("unknown tooth");
        // Rows: present teeth (natural or crowned), implants and pontics only.
        expect(tooth.presence === "present" || tooth.restoration === "implant" || tooth.restoration === "pontic").toBe(true);
        expect(row.x19_missing_tooth === "Missing").toBe(row.x18_pontic === "Bridge Pontic");
        expect(row.x20_filled_tooth === "Filled").toBe(row.x11_filled > 0);
        expect(row.x21_decayed_tooth === "Decayed").toBe(row.x12_decay_new + row.x13_decay_recur > 0);
        expect(row.x14_dfs).toBe(Math.max(row.x11_filled, row.x12_decay_new + row.x13_decay_recur));
        if (row.x15_crown === "Crown") expect(row.x11_filled).toBe(5);
        expect(row.molar).toBe(tooth.fdi % 10 >= 6);
        if (!row.molar) expect(row.x22_furc_max).toBeNull();
        expect(row.x2_bleed === null).toBe(row.x18_pontic === "Bridge Pontic");
        if (row.x6_cal_mean !== null && row.x4_pocket_mean !== null && row.x8_fgm_mean !== null) {
          expect(row.x6_cal_mean).toBeCloseTo(row.x4_pocket_mean + row.x8_fgm_mean, 10); // CAL = PD + FGM
        }
        expect(row.event).toBe(tooth.lostDuringFollowUp ? 1 : 0);
        expect(row.time).toBe(tooth.lostAfterYears ?? p.followUpYears);
        expect(Math.abs(row.time * 365 - Math.round(row.time * 365))).toBeLessThan(1e-9); // whole days
      }
    }
  });

  it("is a pure function of the patient", () => {
    const p = patients[10] as VirtualPatient;
    expect(creightonRows(p)).toEqual(creightonRows(structuredClone(p)));
  });

  it("gives no rows for a patient without teeth, and none for missing or unerupted positions", () => {
    const edentulous = healthyPatient(80);
    for (const t of edentulous.teeth) makeMissing(edentulous, t.fdi);
    expect(creightonRows(edentulous)).toEqual([]);
    const p = healthyPatient(40);
    makeMissing(p, 36);
    const rows = creightonRows(p);
    expect(rows.map((r) => r.tooth)).not.toContain(19); // 36 is Universal 19
  });
});
