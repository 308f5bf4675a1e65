/**
 * Dev script: prints the aggregate figures of the Creighton tooth table (MST package `Teeth`, 65,228 teeth of
 * 5,336 patients) that the `clinic` preset is calibrated to. Every [M] figure in generators/patient/priors-creighton.ts
 * comes from this output. Only aggregates are printed (rates, quantiles, histograms): never a record.
 *
 *   npx tsx bench/calibrate-creighton.ts <path/to/Teeth.csv.gz> [--synthetic 20000] [--seed 42] [--override JSON]
 *
 * With `--synthetic N` the same figures are computed on `creightonRows` of N `clinic` patients and printed beside
 * the real ones, which is how the calibration constants in presets.ts were tuned; `--override` deep-merges a JSON
 * object into the clinic preset first (e.g. '{"lesions":{"scale":3}}') to try a value without editing the file.
 *
 * Tests must never import this file: a fresh clone has no copy of the real table.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { CREIGHTON_COLUMNS, creightonRows } from "../generators/records/creighton-shape.js";
import type { CreightonRow } from "../generators/records/creighton-shape.js";
import type { Preset } from "../generators/patient/preset.js";
import { PRESETS } from "../generators/patient/presets.js";
import { samplePatient } from "../generators/patient/sample-patient.js";

type Cell = string | number | boolean | null;
type Row = Readonly<Record<string, Cell>>;

/** Parses the gzipped CSV into rows typed like CreightonRow (numbers, booleans, strings, null for empty cells). */
function readTable(path: string): Row[] {
  const text = gunzipSync(readFileSync(path)).toString("utf8");
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = (lines[0] ?? "").split(",");
  const rows: Row[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = (lines[i] as string).split(",");
    const row: Record<string, Cell> = {};
    header.forEach((name, j) => {
      const raw = cells[j] ?? "";
      if (raw === "") row[name] = null;
      else if (raw === "True" || raw === "False") row[name] = raw === "True";
      else if (name === "id") row[name] = raw;
      else {
        const value = Number(raw);
        row[name] = Number.isNaN(value) ? raw : value;
      }
    });
    rows.push(row);
  }
  const expected = CREIGHTON_COLUMNS.map((c) => c.name).join(",");
  if (header.join(",") !== expected) console.warn("warning: the table's columns differ from CREIGHTON_COLUMNS");
  return rows;
}

const num = (row: Row, name: string): number => {
  const v = row[name];
  return typeof v === "number" ? v : NaN;
};
/** Mean of the defined values (NaN marks a null cell, e.g. the perio columns of a pontic row). */
function mean(xs: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const x of xs) {
    if (Number.isNaN(x)) continue;
    sum += x;
    n++;
  }
  return n === 0 ? NaN : sum / n;
}
/** Linear-interpolated quantile (numpy's default), so the figures match the pandas exploration. */
function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
}

/** Patient-level view: the first row of each patient carries the patient-level columns. */
interface PatientView {
  first: Row;
  rows: Row[];
}
function byPatient(rows: readonly Row[]): PatientView[] {
  const map = new Map<string, PatientView>();
  for (const row of rows) {
    const id = String(row["id"]);
    let view = map.get(id);
    if (!view) {
      view = { first: row, rows: [] };
      map.set(id, view);
    }
    view.rows.push(row);
  }
  return [...map.values()];
}

const AGE_BANDS: readonly [number, number][] = [
  [0, 34],
  [35, 49],
  [50, 64],
  [65, 74],
  [75, 120],
];
const bandLabel = ([lo, hi]: [number, number]) => (lo === 0 ? `<${hi + 1}` : hi > 100 ? `${lo}+` : `${lo}-${hi}`);
const inBand = (age: number, [lo, hi]: [number, number]) => age >= lo && age <= hi;

/** Universal tooth number to (arch, FDI position 1-8), to pool left and right. */
function archPosition(universal: number): [string, number] {
  if (universal <= 8) return ["upper", 9 - universal];
  if (universal <= 16) return ["upper", universal - 8];
  if (universal <= 24) return ["lower", 25 - universal];
  return ["lower", universal - 24];
}

/** Every figure as label -> value, so the real and synthetic outputs print side by side. */
function figures(rows: readonly Row[]): Map<string, number> {
  const out = new Map<string, number>();
  const put = (label: string, value: number) => out.set(label, value);
  const patients = byPatient(rows);
  const ages = patients.map((p) => num(p.first, "x48_baseline_age"));
  put("rows", rows.length);
  put("patients", patients.length);
  put("rows per patient", rows.length / patients.length);

  // Demographics, per patient and per row (SOURCE.txt quotes per-row shares).
  for (const q of [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]) put(`age q${q * 100}`, quantile(ages, q));
  for (let lo = 15; lo < 90; lo += 5) {
    const hi = lo === 85 ? 120 : lo + 4;
    put(`age share ${lo}-${hi > 100 ? "" : hi}`, ages.filter((a) => a >= lo && a <= hi).length / ages.length);
  }
  const share = (ps: readonly PatientView[], col: string, value: string) =>
    ps.filter((p) => p.first[col] === value).length / ps.length;
  const rowShare = (rs: readonly Row[], col: string, value: string) =>
    rs.filter((r) => r[col] === value).length / rs.length;
  put("female (patients)", share(patients, "x49_gender", "Female"));
  put("diabetes (patients)", share(patients, "x50_diabetes", "Diabetes"));
  put("tobacco (patients)", share(patients, "x51_tobacco_ever", "Had Tobacco"));
  put("female (rows)", rowShare(rows, "x49_gender", "Female"));
  put("diabetes (rows)", rowShare(rows, "x50_diabetes", "Diabetes"));
  put("tobacco (rows)", rowShare(rows, "x51_tobacco_ever", "Had Tobacco"));
  for (const band of AGE_BANDS) {
    const ps = patients.filter((p) => inBand(num(p.first, "x48_baseline_age"), band));
    put(`female ${bandLabel(band)}`, share(ps, "x49_gender", "Female"));
    put(`diabetes ${bandLabel(band)}`, share(ps, "x50_diabetes", "Diabetes"));
    put(`tobacco ${bandLabel(band)}`, share(ps, "x51_tobacco_ever", "Had Tobacco"));
  }

  // Restorative status of the rows.
  const toothRates = (rs: readonly Row[], suffix: string) => {
    put(`crown${suffix}`, rowShare(rs, "x15_crown", "Crown"));
    put(`endo${suffix}`, rowShare(rs, "x16_endo", "Endo Therapy"));
    put(`implant${suffix}`, rowShare(rs, "x17_implant", "Implant"));
    put(`pontic${suffix}`, rowShare(rs, "x18_pontic", "Bridge Pontic"));
    put(`filled${suffix}`, rowShare(rs, "x20_filled_tooth", "Filled"));
    put(`decayed${suffix}`, rowShare(rs, "x21_decayed_tooth", "Decayed"));
    put(`event${suffix}`, mean(rs.map((r) => num(r, "event"))));
  };
  toothRates(rows, "");
  const endo = rows.filter((r) => r["x16_endo"] === "Endo Therapy");
  put("crown | endo", rowShare(endo, "x15_crown", "Crown"));
  const sound = rows.filter(
    (r) =>
      r["x20_filled_tooth"] === "Not Filled" &&
      r["x21_decayed_tooth"] === "Not Decayed" &&
      r["x16_endo"] === "No Endo Therapy" &&
      r["x17_implant"] === "No Implant" &&
      r["x18_pontic"] === "No Bridge Pontic",
  );
  put("sound rows", sound.length / rows.length);
  for (const band of AGE_BANDS) {
    const rs = rows.filter((r) => inBand(num(r, "x48_baseline_age"), band));
    toothRates(rs, ` ${bandLabel(band)}`);
    put(`rows per patient ${bandLabel(band)}`, rs.length / new Set(rs.map((r) => r["id"])).size);
  }
  const noCrown = rows.filter((r) => r["x15_crown"] === "No Crown");
  for (let k = 0; k <= 5; k++) put(`filled surfaces = ${k} (no crown)`, noCrown.filter((r) => r["x11_filled"] === k).length / noCrown.length);
  put("decayed new surfaces per row", mean(rows.map((r) => num(r, "x12_decay_new"))));
  put("decayed recurrent surfaces per row", mean(rows.map((r) => num(r, "x13_decay_recur"))));
  put(
    "dfs = max(filled, new + recurrent)",
    mean(rows.map((r) => (num(r, "x14_dfs") === Math.max(num(r, "x11_filled"), num(r, "x12_decay_new") + num(r, "x13_decay_recur")) ? 1 : 0))),
  );

  // Per FDI position (left and right pooled): rows per patient and restored (filled or crowned) rows per patient.
  for (const arch of ["upper", "lower"]) {
    for (let p = 1; p <= 8; p++) {
      const rs = rows.filter((r) => {
        const [a, pos] = archPosition(num(r, "tooth"));
        return a === arch && pos === p;
      });
      const restored = rs.filter((r) => r["x20_filled_tooth"] === "Filled" || r["x15_crown"] === "Crown").length;
      put(`${arch} ${p}: rows per patient-side`, rs.length / patients.length / 2);
      put(`${arch} ${p}: restored per patient-side`, restored / patients.length / 2);
      put(`${arch} ${p}: event`, mean(rs.map((r) => num(r, "event"))));
      put(`${arch} ${p}: PD mean`, mean(rs.map((r) => num(r, "x4_pocket_mean"))));
      put(`${arch} ${p}: plaque %`, mean(rs.map((r) => num(r, "x3_plaque"))));
      put(`${arch} ${p}: mobility mean`, mean(rs.map((r) => num(r, "x1_mobil"))));
    }
  }

  // Periodontal chart (tooth-level summaries of six sites).
  const charted = rows.filter((r) => typeof r["x5_pocket_max"] === "number");
  const pdMax = charted.map((r) => num(r, "x5_pocket_max"));
  for (const k of [2, 3, 4, 5, 6]) put(`PD max = ${k}`, pdMax.filter((v) => v === k).length / pdMax.length);
  put("PD max >= 7", pdMax.filter((v) => v >= 7).length / pdMax.length);
  put("PD max >= 5", pdMax.filter((v) => v >= 5).length / pdMax.length);
  put("PD mean (mean)", mean(charted.map((r) => num(r, "x4_pocket_mean"))));
  for (const q of [0.05, 0.5, 0.95]) put(`PD mean q${q * 100}`, quantile(charted.map((r) => num(r, "x4_pocket_mean")), q));
  const calMax = charted.map((r) => num(r, "x7_cal_max"));
  for (const k of [2, 3, 4, 5, 6]) put(`CAL max = ${k}`, calMax.filter((v) => v === k).length / calMax.length);
  put("CAL max >= 7", calMax.filter((v) => v >= 7).length / calMax.length);
  put("CAL mean (mean)", mean(charted.map((r) => num(r, "x6_cal_mean"))));
  put("FGM mean (mean)", mean(charted.map((r) => num(r, "x8_fgm_mean"))));
  put("FGM max = 0", charted.filter((r) => num(r, "x9_fgm_max") === 0).length / charted.length);
  put("FGM max > 0", charted.filter((r) => num(r, "x9_fgm_max") > 0).length / charted.length);
  put("FGM max < 0", charted.filter((r) => num(r, "x9_fgm_max") < 0).length / charted.length);
  put("CAL = PD + FGM (tooth means, |diff| < 0.01)", mean(charted.map((r) => (Math.abs(num(r, "x6_cal_mean") - num(r, "x4_pocket_mean") - num(r, "x8_fgm_mean")) < 0.01 ? 1 : 0))));
  put("bleeding % of sites", mean(charted.map((r) => num(r, "x2_bleed"))));
  put("teeth with no bleeding site", charted.filter((r) => num(r, "x2_bleed") === 0).length / charted.length);
  put("plaque % of sites", mean(charted.map((r) => num(r, "x3_plaque"))));
  put("teeth with no plaque site", charted.filter((r) => num(r, "x3_plaque") === 0).length / charted.length);
  for (const k of [1, 2, 3]) put(`mobility >= ${k}`, charted.filter((r) => num(r, "x1_mobil") >= k).length / charted.length);
  put("mucogingival defect", mean(charted.map((r) => num(r, "x10_mg"))));
  const molars = charted.filter((r) => r["molar"] === true && typeof r["x22_furc_max"] === "number");
  for (const k of [1, 2, 3]) put(`furcation >= ${k} (molars)`, molars.filter((r) => num(r, "x22_furc_max") >= k).length / molars.length);
  put("furcation charted on non-molars", rows.filter((r) => r["molar"] === false && r["x22_furc_max"] !== null).length);
  for (const type of ["incisor", "canine", "premolar", "molar"]) {
    const rs = charted.filter((r) => {
      const p = archPosition(num(r, "tooth"))[1];
      return type === "incisor" ? p <= 2 : type === "canine" ? p === 3 : type === "premolar" ? p === 4 || p === 5 : p >= 6;
    });
    put(`PD mean ${type}`, mean(rs.map((r) => num(r, "x4_pocket_mean"))));
    put(`plaque % ${type}`, mean(rs.map((r) => num(r, "x3_plaque"))));
  }
  for (const band of AGE_BANDS) {
    const rs = charted.filter((r) => inBand(num(r, "x48_baseline_age"), band));
    put(`PD mean ${bandLabel(band)}`, mean(rs.map((r) => num(r, "x4_pocket_mean"))));
    put(`CAL max ${bandLabel(band)}`, mean(rs.map((r) => num(r, "x7_cal_max"))));
    put(`FGM mean ${bandLabel(band)}`, mean(rs.map((r) => num(r, "x8_fgm_mean"))));
    put(`bleeding % ${bandLabel(band)}`, mean(rs.map((r) => num(r, "x2_bleed"))));
    put(`PD max >= 5 ${bandLabel(band)}`, rs.filter((r) => num(r, "x5_pocket_max") >= 5).length / rs.length);
  }
  for (const [col, yes] of [
    ["x51_tobacco_ever", "Had Tobacco"],
    ["x50_diabetes", "Diabetes"],
  ] as const) {
    for (const has of [true, false]) {
      const rs = rows.filter((r) => (r[col] === yes) === has);
      const tag = `${col === "x50_diabetes" ? "diabetes" : "tobacco"}=${has ? "yes" : "no"}`;
      put(`PD max >= 5 | ${tag}`, rs.filter((r) => num(r, "x5_pocket_max") >= 5).length / rs.length);
      put(`decayed | ${tag}`, rowShare(rs, "x21_decayed_tooth", "Decayed"));
      put(`crown | ${tag}`, rowShare(rs, "x15_crown", "Crown"));
      put(`event | ${tag}`, mean(rs.map((r) => num(r, "event"))));
    }
  }
  const bleedAve = patients.map((p) => num(p.first, "x23_bleed_ave"));
  const plaqueAve = patients.map((p) => num(p.first, "x24_plaque_ave"));
  for (const q of [0.25, 0.5, 0.75, 0.9]) put(`patient bleeding % q${q * 100}`, quantile(bleedAve, q));
  for (const q of [0.25, 0.5, 0.75, 0.9]) put(`patient plaque % q${q * 100}`, quantile(plaqueAve, q));
  put("patients with no plaque site", plaqueAve.filter((v) => v === 0).length / plaqueAve.length);
  put("patient PD mean ave - mean of their rows", mean(patients.map((p) => num(p.first, "x25_pocket_mean_ave") - mean(p.rows.map((r) => num(r, "x4_pocket_mean"))))));

  // The record set behind the patient-level sums (x46 total_tooth) versus the rows.
  const totals = patients.map((p) => num(p.first, "x46_total_tooth"));
  put("total_tooth (mean)", mean(totals));
  put("total_tooth - rows (mean)", mean(patients.map((p) => num(p.first, "x46_total_tooth") - p.rows.length)));
  put("patients with total_tooth = rows", patients.filter((p) => num(p.first, "x46_total_tooth") === p.rows.length).length / patients.length);
  put("missing_tooth_sum (mean)", mean(patients.map((p) => num(p.first, "x44_missing_tooth_sum"))));
  put("pontic rows per patient", rows.filter((r) => r["x18_pontic"] === "Bridge Pontic").length / patients.length);
  put("filled_tooth_sum - filled rows (mean)", mean(patients.map((p) => num(p.first, "x40_filled_tooth_sum") - p.rows.filter((r) => r["x20_filled_tooth"] === "Filled").length)));
  put("dft = filled_tooth_sum + decayed_tooth_sum", mean(patients.map((p) => (num(p.first, "x47_dft") === num(p.first, "x40_filled_tooth_sum") + num(p.first, "x42_decayed_tooth_sum") ? 1 : 0))));
  put("filled_ave = filled_sum / total_tooth", mean(patients.map((p) => (Math.abs(num(p.first, "x33_filled_ave") - num(p.first, "x32_filled_sum") / num(p.first, "x46_total_tooth")) < 1e-9 ? 1 : 0))));

  // Follow-up and tooth loss.
  const followUp = patients.map((p) => Math.max(...p.rows.map((r) => num(r, "time"))));
  for (const q of [0.1, 0.25, 0.5, 0.75, 0.9]) put(`follow-up years q${q * 100}`, quantile(followUp, q));
  put("follow-up years max", Math.max(...followUp));
  const eventsPerPatient = patients.map((p) => p.rows.filter((r) => r["event"] === 1).length);
  put("patients with any event", eventsPerPatient.filter((k) => k > 0).length / patients.length);
  put("patients with >= 5 events", eventsPerPatient.filter((k) => k >= 5).length / patients.length);
  const events = rows.filter((r) => r["event"] === 1);
  put("event time (median)", quantile(events.map((r) => num(r, "time")), 0.5));
  const maxTime = new Map(patients.map((p, i) => [String(p.first["id"]), followUp[i] as number]));
  put("event before end of follow-up", mean(events.map((r) => (num(r, "time") < (maxTime.get(String(r["id"])) ?? 0) ? 1 : 0))));
  return out;
}

/** Objects merge key by key; arrays and scalars replace. */
function deepMerge(base: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) out[key] = deepMerge(out[key], value);
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith("--"));
  if (!path) {
    console.error("usage: npx tsx bench/calibrate-creighton.ts <Teeth.csv.gz> [--synthetic N] [--seed S]");
    process.exit(2);
  }
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const real = figures(readTable(path));
  const syntheticCount = Number(flag("--synthetic") ?? 0);
  let synthetic: Map<string, number> | undefined;
  if (syntheticCount > 0) {
    const base = PRESETS["clinic"];
    if (!base) throw new Error("missing preset: clinic");
    const preset = deepMerge(base, JSON.parse(flag("--override") ?? "{}")) as Preset;
    const seed = flag("--seed") ?? "42";
    const rows: CreightonRow[] = [];
    for (let i = 0; i < syntheticCount; i++) for (const row of creightonRows(samplePatient(i, seed, preset))) rows.push(row);
    synthetic = figures(rows as unknown as Row[]);
  }
  const fmt = (v: number | undefined) =>
    v === undefined || Number.isNaN(v) ? "-" : Math.abs(v) >= 100 || Number.isInteger(v) ? String(Math.round(v * 100) / 100) : v.toFixed(4);
  console.log(synthetic ? "figure | real | synthetic clinic" : "figure | real");
  for (const [label, value] of real) {
    console.log(synthetic ? `${label} | ${fmt(value)} | ${fmt(synthetic.get(label))}` : `${label} | ${fmt(value)}`);
  }
}

main();
