/**
 * One row per tooth in the shape of the Creighton tooth table (MST package `Teeth`, Creighton University School of
 * Dentistry 2007-2013): same 56 columns in the same order, same value encodings, patient-level columns computed
 * the way the real table computes them, and the same kind of teeth as rows.
 *
 * What the real table's rows are (measured by bench/calibrate-creighton.ts, [M]):
 * - Teeth present at baseline (natural, crowned or implant) and pontic positions ("Missing" <=> "Bridge Pontic"
 *   on every row); never an extracted gap, an unerupted tooth or a third molar that is absent.
 * - Not every such tooth: the table is a charted subset. Rows are mostly teeth with a restorative finding (only
 *   14.0 % of rows are neither filled, decayed, root-filled, implant nor pontic; lower incisors are rows for only
 *   20 % of patients), and the patient-level sums count `total_tooth` teeth, 2.2 more per patient than the rows.
 *   We reproduce that observation process with the measured rates of CREIGHTON_SELECTION on a stream forked from
 *   the patient's own seed, so a patient always gives the same rows.
 * - Patient-level restorative sums (x32-x45) are over that record set (`total_tooth` teeth; `_ave` = sum /
 *   total_tooth, exact on 100 % of patients); perio averages (x23-x31) do not match the rows' means even when
 *   total_tooth equals the row count (5 % exact), so we take them over the full-mouth chart (every charted tooth and
 *   implant), the most plausible source. x47 dft = filled_tooth_sum + decayed_tooth_sum (100 %).
 *
 * Not reproduced honestly (documented in CREIGHTON_COLUMNS too):
 * - Perio columns of pontic rows: the real table carries values there (a pontic has no sulcus); ours are null.
 * - x14_dfs: we apply the table's own rule max(filled, new + recurrent) (matches 98.8 % of real rows), although our
 *   model knows the true union of surfaces.
 * - Implant and pontic rows are never "Crown" and have 0 filled surfaces here; the real table marks 8 % of implant
 *   and 26 % of pontic rows as crowned with 5 filled surfaces.
 * - Pontic rows never have an event (a pontic cannot be "lost" in VirtualPatient); real pontic rows have 3 of 65.
 */
import { Rng } from "../../core/rng.js";
import { isDecayLesion } from "../patient/dmft.js";
import type { PerioChart, ToothState, VirtualPatient } from "../patient/types.js";

/** Value encodings of the factor columns, exactly as in the real table. */
export type CrownValue = "Crown" | "No Crown";
export type EndoValue = "Endo Therapy" | "No Endo Therapy";
export type ImplantValue = "Implant" | "No Implant";
export type PonticValue = "Bridge Pontic" | "No Bridge Pontic";
export type MissingValue = "Missing" | "Not Missing";
export type FilledValue = "Filled" | "Not Filled";
export type DecayedValue = "Decayed" | "Not Decayed";
export type GenderValue = "Female" | "Male";
export type DiabetesValue = "Diabetes" | "No Diabetes";
export type TobaccoValue = "Had Tobacco" | "Never Had Tobacco";

/**
 * One row of the table. Perio columns are null only on pontic rows; x22_furc_max is null on non-molars.
 * A type alias (not an interface) so a row is assignable to `Record<string, CellValue>` for the sinks.
 */
export type CreightonRow = {
  x1_mobil: number | null;
  x2_bleed: number | null;
  x3_plaque: number | null;
  x4_pocket_mean: number | null;
  x5_pocket_max: number | null;
  x6_cal_mean: number | null;
  x7_cal_max: number | null;
  x8_fgm_mean: number | null;
  x9_fgm_max: number | null;
  x10_mg: number | null;
  x11_filled: number;
  x12_decay_new: number;
  x13_decay_recur: number;
  x14_dfs: number;
  x15_crown: CrownValue;
  x16_endo: EndoValue;
  x17_implant: ImplantValue;
  x18_pontic: PonticValue;
  x19_missing_tooth: MissingValue;
  x20_filled_tooth: FilledValue;
  x21_decayed_tooth: DecayedValue;
  x22_furc_max: number | null;
  x23_bleed_ave: number;
  x24_plaque_ave: number;
  x25_pocket_mean_ave: number;
  x26_pocket_max_ave: number;
  x27_cal_mean_ave: number;
  x28_cal_max_ave: number;
  x29_fgm_mean_ave: number;
  x30_fgm_max_ave: number;
  x31_mg_ave: number;
  x32_filled_sum: number;
  x33_filled_ave: number;
  x34_decay_new_sum: number;
  x35_decay_new_ave: number;
  x36_decay_recur_sum: number;
  x37_decay_recur_ave: number;
  x38_dfs_sum: number;
  x39_dfs_ave: number;
  x40_filled_tooth_sum: number;
  x41_filled_tooth_ave: number;
  x42_decayed_tooth_sum: number;
  x43_decayed_tooth_ave: number;
  x44_missing_tooth_sum: number;
  x45_missing_tooth_ave: number;
  x46_total_tooth: number;
  x47_dft: number;
  x48_baseline_age: number;
  x49_gender: GenderValue;
  x50_diabetes: DiabetesValue;
  x51_tobacco_ever: TobaccoValue;
  molar: boolean;
  id: string;
  tooth: number;
  event: number;
  time: number;
};

export type CreightonColumnType = "integer" | "number" | "string" | "boolean";

/** Data-dictionary entry of one column. */
export interface CreightonColumn {
  name: keyof CreightonRow;
  type: CreightonColumnType;
  /** Unit, or "" for counts, codes and labels. */
  unit: string;
  meaning: string;
  /** Allowed values of a categorical column (exact strings of the real table), else null. */
  allowed: readonly (string | number | boolean)[] | null;
  /** Plausible [min, max] of a numeric column, else null. */
  range: readonly [number, number] | null;
  /** Whether the column can be null (an empty CSV field), and `nullWhen` says when ("" if never). */
  nullable: boolean;
  nullWhen: string;
  /** How this column is derived from the virtual patient, and any difference from the real table. */
  derivation: string;
}

const SITE_PERCENT = "% of the 6 sites (0, 16.7, 33.3, 50, 66.7, 83.3, 100)";
const PONTIC_NULL = "null on pontic rows (no chart under a pontic; the real table carries values there)";
const PATIENT_PERIO = "mean over the patient's full-mouth chart (every charted tooth and implant), not over the rows";
const RECORD_SUM = "sum over the patient's record set (total_tooth teeth), not only the rows";
const RECORD_AVE = "the matching _sum divided by total_tooth";

/** The table's 56 columns in order, with their data dictionary. */
export const CREIGHTON_COLUMNS: readonly CreightonColumn[] = [
  col("x1_mobil", "integer", "grade", "Mobility score (Miller grade; the MST manual says 0-5, the table has 0-3 and rare 1.5)", { min: 0, max: 3 }, PONTIC_NULL, "perio.mobility; 0 on implants"),
  col("x2_bleed", "number", "%", "Bleeding on probing", { min: 0, max: 100 }, PONTIC_NULL, `bleeding sites, ${SITE_PERCENT}`),
  col("x3_plaque", "number", "%", "Plaque score", { min: 0, max: 100 }, PONTIC_NULL, `plaque sites, ${SITE_PERCENT}`),
  col("x4_pocket_mean", "number", "mm", "Periodontal probing depth, tooth mean of 6 sites", { min: 0, max: 15 }, PONTIC_NULL, "mean of perio.probingDepth"),
  col("x5_pocket_max", "number", "mm", "Periodontal probing depth, tooth max", { min: 0, max: 15 }, PONTIC_NULL, "max of perio.probingDepth"),
  col("x6_cal_mean", "number", "mm", "Clinical attachment level, tooth mean (= PD + FGM per site)", { min: 0, max: 20 }, PONTIC_NULL, "mean of perio.attachmentLoss"),
  col("x7_cal_max", "number", "mm", "Clinical attachment level, tooth max", { min: 0, max: 20 }, PONTIC_NULL, "max of perio.attachmentLoss"),
  col("x8_fgm_mean", "number", "mm", "Free gingival margin relative to the CEJ (recession positive), tooth mean", { min: -4, max: 10 }, PONTIC_NULL, "mean of perio.recession"),
  col("x9_fgm_max", "number", "mm", "Free gingival margin, tooth max", { min: -4, max: 10 }, PONTIC_NULL, "max of perio.recession"),
  col("x10_mg", "integer", "", "Mucogingival defect (0/1)", [0, 1], PONTIC_NULL, "perio.mucogingivalDefect"),
  col("x11_filled", "integer", "surfaces", "Filled surfaces (a crown counts as 5)", { min: 0, max: 5 }, false, "filledSurfaces.length, 5 when crowned; 0 on implant and pontic rows (real: 5 on 8 % of implant and 26 % of pontic rows)"),
  col("x12_decay_new", "integer", "surfaces", "Decayed surfaces, new (primary) caries", { min: 0, max: 5 }, false, "lesions counting as decay (isDecayLesion: cavitated) that are not recurrent"),
  col("x13_decay_recur", "integer", "surfaces", "Decayed surfaces, recurrent caries", { min: 0, max: 5 }, false, "recurrent lesions counting as decay"),
  col("x14_dfs", "integer", "surfaces", "Decayed and filled surfaces", { min: 0, max: 5 }, false, "max(x11, x12 + x13), the real table's rule on 98.8 % of rows"),
  col("x15_crown", "string", "", "Crown", ["Crown", "No Crown"], false, "restoration = crowned"),
  col("x16_endo", "string", "", "Endodontic therapy", ["Endo Therapy", "No Endo Therapy"], false, "rootCanalTreated"),
  col("x17_implant", "string", "", "Tooth implant", ["Implant", "No Implant"], false, "restoration = implant"),
  col("x18_pontic", "string", "", "Bridge pontic", ["Bridge Pontic", "No Bridge Pontic"], false, "restoration = pontic"),
  col("x19_missing_tooth", "string", "", "Missing tooth (in the table: exactly the pontic rows)", ["Missing", "Not Missing"], false, "restoration = pontic"),
  col("x20_filled_tooth", "string", "", "Filled tooth (x11 > 0)", ["Filled", "Not Filled"], false, "x11 > 0"),
  col("x21_decayed_tooth", "string", "", "Decayed tooth (x12 + x13 > 0)", ["Decayed", "Not Decayed"], false, "x12 + x13 > 0"),
  col("x22_furc_max", "integer", "grade", "Furcation involvement, molars only (Glickman grade)", { min: 0, max: 3 }, "null on non-molars (as in the real table); null on pontic rows", "perio.furcation on molars"),
  col("x23_bleed_ave", "number", "%", "Bleeding on probing, patient mean", { min: 0, max: 100 }, false, PATIENT_PERIO),
  col("x24_plaque_ave", "number", "%", "Plaque index, patient mean", { min: 0, max: 100 }, false, PATIENT_PERIO),
  col("x25_pocket_mean_ave", "number", "mm", "Probing depth, patient mean of tooth means", { min: 0, max: 15 }, false, PATIENT_PERIO),
  col("x26_pocket_max_ave", "number", "mm", "Probing depth, patient mean of tooth maxima", { min: 0, max: 15 }, false, PATIENT_PERIO),
  col("x27_cal_mean_ave", "number", "mm", "CAL, patient mean of tooth means", { min: 0, max: 20 }, false, PATIENT_PERIO),
  col("x28_cal_max_ave", "number", "mm", "CAL, patient mean of tooth maxima", { min: 0, max: 20 }, false, PATIENT_PERIO),
  col("x29_fgm_mean_ave", "number", "mm", "FGM, patient mean of tooth means (the MST manual says 'of tooth max')", { min: -4, max: 10 }, false, PATIENT_PERIO),
  col("x30_fgm_max_ave", "number", "mm", "FGM, patient mean of tooth maxima", { min: -4, max: 10 }, false, PATIENT_PERIO),
  col("x31_mg_ave", "number", "", "Mucogingival defect, patient share of teeth", { min: 0, max: 1 }, false, PATIENT_PERIO),
  col("x32_filled_sum", "integer", "surfaces", "Filled surfaces, patient total", { min: 0, max: 160 }, false, RECORD_SUM),
  col("x33_filled_ave", "number", "surfaces", "Filled surfaces per tooth", { min: 0, max: 5 }, false, RECORD_AVE),
  col("x34_decay_new_sum", "integer", "surfaces", "New decayed surfaces, patient total", { min: 0, max: 160 }, false, RECORD_SUM),
  col("x35_decay_new_ave", "number", "surfaces", "New decayed surfaces per tooth", { min: 0, max: 5 }, false, RECORD_AVE),
  col("x36_decay_recur_sum", "integer", "surfaces", "Recurrent decayed surfaces, patient total", { min: 0, max: 160 }, false, RECORD_SUM),
  col("x37_decay_recur_ave", "number", "surfaces", "Recurrent decayed surfaces per tooth", { min: 0, max: 5 }, false, RECORD_AVE),
  col("x38_dfs_sum", "integer", "surfaces", "Decayed and filled surfaces, patient total", { min: 0, max: 160 }, false, RECORD_SUM),
  col("x39_dfs_ave", "number", "surfaces", "Decayed and filled surfaces per tooth", { min: 0, max: 5 }, false, RECORD_AVE),
  col("x40_filled_tooth_sum", "integer", "teeth", "Number of filled teeth", { min: 0, max: 32 }, false, RECORD_SUM),
  col("x41_filled_tooth_ave", "number", "", "Filled teeth / total_tooth (the MST manual says 'percentage'; it is a fraction)", { min: 0, max: 1 }, false, RECORD_AVE),
  col("x42_decayed_tooth_sum", "integer", "teeth", "Number of decayed teeth", { min: 0, max: 32 }, false, RECORD_SUM),
  col("x43_decayed_tooth_ave", "number", "", "Decayed teeth / total_tooth", { min: 0, max: 1 }, false, RECORD_AVE),
  col("x44_missing_tooth_sum", "integer", "teeth", "Number of missing (pontic) teeth", { min: 0, max: 32 }, false, RECORD_SUM),
  col("x45_missing_tooth_ave", "number", "", "Missing teeth / total_tooth", { min: 0, max: 1 }, false, RECORD_AVE),
  col("x46_total_tooth", "integer", "teeth", "Number of teeth in the patient's record set (>= the patient's rows)", { min: 1, max: 32 }, false, "size of the record set (see the module comment)"),
  col("x47_dft", "integer", "teeth", "Decayed and filled teeth (filled_tooth_sum + decayed_tooth_sum; a tooth both filled and decayed counts twice)", { min: 0, max: 64 }, false, "x40 + x42"),
  col("x48_baseline_age", "integer", "years", "Patient age at baseline", { min: 16, max: 90 }, false, "demographics.age"),
  col("x49_gender", "string", "", "Gender", ["Female", "Male"], false, "demographics.sex"),
  col("x50_diabetes", "string", "", "Diabetes mellitus", ["Diabetes", "No Diabetes"], false, "demographics.diabetes"),
  col("x51_tobacco_ever", "string", "", "Tobacco use ever", ["Had Tobacco", "Never Had Tobacco"], false, "demographics.tobaccoEver"),
  col("molar", "boolean", "", "Molar (FDI position 6-8)", [true, false], false, "position 6-8"),
  col("id", "string", "", "Patient id (ours: the virtual patient id; the real table: an integer 1-5336)", null, false, "patient.id"),
  col("tooth", "integer", "", "Tooth, Universal (ADA) number 1-32", { min: 1, max: 32 }, false, "tooth.universal"),
  col("event", "integer", "", "Tooth lost during follow-up (1) or censored (0)", [0, 1], false, "lostDuringFollowUp; 0 on implant and pontic rows"),
  col("time", "number", "years", "Years to loss (event 1) or to the end of follow-up (event 0), in whole days (k/365)", { min: 0, max: 6 }, false, "lostAfterYears ?? followUpYears"),
];

type ColumnValues = readonly (string | number | boolean)[] | { min: number; max: number } | null;

function col(
  name: keyof CreightonRow,
  type: CreightonColumnType,
  unit: string,
  meaning: string,
  values: ColumnValues,
  nullWhen: false | string,
  derivation: string,
): CreightonColumn {
  const range = values !== null && "min" in values ? ([values.min, values.max] as const) : null;
  const allowed = values !== null && !("min" in values) ? values : null;
  return { name, type, unit, meaning, allowed, range, nullable: nullWhen !== false, nullWhen: nullWhen || "", derivation };
}

/**
 * How the real table's teeth became rows, as measured rates (bench/calibrate-creighton.ts):
 * - a tooth with a restorative finding (filled, crowned, root-filled, decayed, implant, pontic) is in the record;
 *   a sound tooth only with `soundInRecord` [C: 14.0 % of real rows are sound];
 * - record teeth are dropped from the rows patient by patient [M: per patient, 1 - rows / (total_tooth - pontics)
 *   is 0 for 43 % of patients, ~0.06 on average for 84 % and ~0.64 for the other 16 %; 14.8 % of teeth overall]:
 *   a patient is a heavy-drop one with `heavyDropShare`, and each tooth is then dropped with `heavyDrop`, else with
 *   `lightDrop`;
 * - a pontic is a row with `ponticRowKept` [M: 65 pontic rows for 1,596 missing_tooth_sum].
 */
export const CREIGHTON_SELECTION = {
  soundInRecord: 0.13,
  heavyDropShare: 0.156,
  heavyDrop: 0.645,
  lightDrop: 0.058,
  ponticRowKept: 0.041,
} as const;

/** Fork label of the observation stream, under the patient's own seed. */
export const CREIGHTON_STREAM = "records/creighton-shape";

/**
 * The patient's rows in the Creighton table's shape: one per tooth of the record set that is kept as a row, in
 * Universal order (as the real table lists a patient's teeth). A patient without teeth, or whose record keeps no
 * row, has no rows, as such patients are absent from the real table. Pure: the selection draws come from a stream
 * forked from `patient.seed`.
 *
 * @example creightonRows(samplePatient(0, "42", PRESETS.clinic)).map((r) => r.tooth) // [2, 3, 5, ...]
 */
export function creightonRows(patient: VirtualPatient): CreightonRow[] {
  const rng = new Rng(`${patient.seed}/${CREIGHTON_STREAM}`);
  // Universal order, without sorting: each valid tooth has its own Universal number 1-32.
  const byUniversal: ToothState[] = [];
  for (const tooth of patient.teeth) byUniversal[tooth.universal - 1] = tooth;

  // Full-mouth chart: patient-level perio averages.
  const perio = { n: 0, bleed: 0, plaque: 0, pdMean: 0, pdMax: 0, calMean: 0, calMax: 0, fgmMean: 0, fgmMax: 0, mg: 0 };
  const toothPerio: (ToothPerio | null)[] = [];
  for (const tooth of byUniversal) {
    if (!tooth) continue;
    toothPerio[tooth.universal - 1] = null;
    if (!tooth.perio) continue;
    const t = summarisePerio(tooth.perio);
    toothPerio[tooth.universal - 1] = t;
    perio.n++;
    perio.bleed += t.bleed;
    perio.plaque += t.plaque;
    perio.pdMean += t.pdMean;
    perio.pdMax += t.pdMax;
    perio.calMean += t.calMean;
    perio.calMax += t.calMax;
    perio.fgmMean += t.fgmMean;
    perio.fgmMax += t.fgmMax;
    perio.mg += t.mg;
  }

  // The record set and, within it, the rows.
  const drop = rng.next() < CREIGHTON_SELECTION.heavyDropShare ? CREIGHTON_SELECTION.heavyDrop : CREIGHTON_SELECTION.lightDrop;
  const record: { tooth: ToothState; counts: SurfaceCounts; row: boolean }[] = [];
  for (const tooth of byUniversal) {
    if (!tooth) continue;
    const baseline = tooth.presence === "present" || tooth.restoration === "implant" || tooth.restoration === "pontic";
    if (!baseline) continue;
    const counts = surfaceCounts(tooth);
    const finding =
      counts.filled > 0 || counts.decayNew + counts.decayRecur > 0 || tooth.rootCanalTreated || tooth.restoration !== "none";
    // Draw both numbers for every baseline tooth so one tooth's state never shifts another tooth's draws.
    const inRecord = rng.next() < (finding ? 1 : CREIGHTON_SELECTION.soundInRecord);
    const kept = rng.next() < (tooth.restoration === "pontic" ? CREIGHTON_SELECTION.ponticRowKept : 1 - drop);
    if (inRecord) record.push({ tooth, counts, row: kept });
  }
  const total = record.length;
  if (total === 0 || !record.some((r) => r.row)) return [];

  let filledSum = 0;
  let newSum = 0;
  let recurSum = 0;
  let dfsSum = 0;
  let filledTeeth = 0;
  let decayedTeeth = 0;
  let missingTeeth = 0;
  for (const { tooth, counts } of record) {
    filledSum += counts.filled;
    newSum += counts.decayNew;
    recurSum += counts.decayRecur;
    dfsSum += counts.dfs;
    if (counts.filled > 0) filledTeeth++;
    if (counts.decayNew + counts.decayRecur > 0) decayedTeeth++;
    if (tooth.restoration === "pontic") missingTeeth++;
  }
  const d = patient.demographics;
  const perioAve = (sum: number) => (perio.n === 0 ? 0 : sum / perio.n);
  const patientColumns = {
    x23_bleed_ave: perioAve(perio.bleed),
    x24_plaque_ave: perioAve(perio.plaque),
    x25_pocket_mean_ave: perioAve(perio.pdMean),
    x26_pocket_max_ave: perioAve(perio.pdMax),
    x27_cal_mean_ave: perioAve(perio.calMean),
    x28_cal_max_ave: perioAve(perio.calMax),
    x29_fgm_mean_ave: perioAve(perio.fgmMean),
    x30_fgm_max_ave: perioAve(perio.fgmMax),
    x31_mg_ave: perioAve(perio.mg),
    x32_filled_sum: filledSum,
    x33_filled_ave: filledSum / total,
    x34_decay_new_sum: newSum,
    x35_decay_new_ave: newSum / total,
    x36_decay_recur_sum: recurSum,
    x37_decay_recur_ave: recurSum / total,
    x38_dfs_sum: dfsSum,
    x39_dfs_ave: dfsSum / total,
    x40_filled_tooth_sum: filledTeeth,
    x41_filled_tooth_ave: filledTeeth / total,
    x42_decayed_tooth_sum: decayedTeeth,
    x43_decayed_tooth_ave: decayedTeeth / total,
    x44_missing_tooth_sum: missingTeeth,
    x45_missing_tooth_ave: missingTeeth / total,
    x46_total_tooth: total,
    x47_dft: filledTeeth + decayedTeeth,
    x48_baseline_age: d.age,
    x49_gender: d.sex === "female" ? "Female" : "Male",
    x50_diabetes: d.diabetes ? "Diabetes" : "No Diabetes",
    x51_tobacco_ever: d.tobaccoEver ? "Had Tobacco" : "Never Had Tobacco",
  } as const;

  const rows: CreightonRow[] = [];
  for (const { tooth, counts, row } of record) {
    if (!row) continue;
    const t = toothPerio[tooth.universal - 1] ?? null;
    const molar = tooth.fdi % 10 >= 6;
    const pontic = tooth.restoration === "pontic";
    rows.push({
      x1_mobil: t ? t.mobility : null,
      x2_bleed: t ? t.bleed : null,
      x3_plaque: t ? t.plaque : null,
      x4_pocket_mean: t ? t.pdMean : null,
      x5_pocket_max: t ? t.pdMax : null,
      x6_cal_mean: t ? t.calMean : null,
      x7_cal_max: t ? t.calMax : null,
      x8_fgm_mean: t ? t.fgmMean : null,
      x9_fgm_max: t ? t.fgmMax : null,
      x10_mg: t ? t.mg : null,
      x11_filled: counts.filled,
      x12_decay_new: counts.decayNew,
      x13_decay_recur: counts.decayRecur,
      x14_dfs: counts.dfs,
      x15_crown: tooth.restoration === "crowned" ? "Crown" : "No Crown",
      x16_endo: tooth.rootCanalTreated ? "Endo Therapy" : "No Endo Therapy",
      x17_implant: tooth.restoration === "implant" ? "Implant" : "No Implant",
      x18_pontic: pontic ? "Bridge Pontic" : "No Bridge Pontic",
      x19_missing_tooth: pontic ? "Missing" : "Not Missing",
      x20_filled_tooth: counts.filled > 0 ? "Filled" : "Not Filled",
      x21_decayed_tooth: counts.decayNew + counts.decayRecur > 0 ? "Decayed" : "Not Decayed",
      x22_furc_max: molar && t ? t.furcation : null,
      // Listed one by one (not spread): one object shape for every row, which V8 builds far faster.
      x23_bleed_ave: patientColumns.x23_bleed_ave,
      x24_plaque_ave: patientColumns.x24_plaque_ave,
      x25_pocket_mean_ave: patientColumns.x25_pocket_mean_ave,
      x26_pocket_max_ave: patientColumns.x26_pocket_max_ave,
      x27_cal_mean_ave: patientColumns.x27_cal_mean_ave,
      x28_cal_max_ave: patientColumns.x28_cal_max_ave,
      x29_fgm_mean_ave: patientColumns.x29_fgm_mean_ave,
      x30_fgm_max_ave: patientColumns.x30_fgm_max_ave,
      x31_mg_ave: patientColumns.x31_mg_ave,
      x32_filled_sum: patientColumns.x32_filled_sum,
      x33_filled_ave: patientColumns.x33_filled_ave,
      x34_decay_new_sum: patientColumns.x34_decay_new_sum,
      x35_decay_new_ave: patientColumns.x35_decay_new_ave,
      x36_decay_recur_sum: patientColumns.x36_decay_recur_sum,
      x37_decay_recur_ave: patientColumns.x37_decay_recur_ave,
      x38_dfs_sum: patientColumns.x38_dfs_sum,
      x39_dfs_ave: patientColumns.x39_dfs_ave,
      x40_filled_tooth_sum: patientColumns.x40_filled_tooth_sum,
      x41_filled_tooth_ave: patientColumns.x41_filled_tooth_ave,
      x42_decayed_tooth_sum: patientColumns.x42_decayed_tooth_sum,
      x43_decayed_tooth_ave: patientColumns.x43_decayed_tooth_ave,
      x44_missing_tooth_sum: patientColumns.x44_missing_tooth_sum,
      x45_missing_tooth_ave: patientColumns.x45_missing_tooth_ave,
      x46_total_tooth: patientColumns.x46_total_tooth,
      x47_dft: patientColumns.x47_dft,
      x48_baseline_age: patientColumns.x48_baseline_age,
      x49_gender: patientColumns.x49_gender,
      x50_diabetes: patientColumns.x50_diabetes,
      x51_tobacco_ever: patientColumns.x51_tobacco_ever,
      molar,
      id: patient.id,
      tooth: tooth.universal,
      event: tooth.lostDuringFollowUp ? 1 : 0,
      time: tooth.lostAfterYears ?? patient.followUpYears,
    });
  }
  return rows;
}

interface SurfaceCounts {
  filled: number;
  decayNew: number;
  decayRecur: number;
  dfs: number;
}

function surfaceCounts(tooth: ToothState): SurfaceCounts {
  const filled = tooth.restoration === "crowned" ? 5 : tooth.restoration === "filled" ? tooth.filledSurfaces.length : 0;
  let decayNew = 0;
  let decayRecur = 0;
  if (tooth.presence === "present") {
    for (const lesion of tooth.lesions) {
      if (!isDecayLesion(lesion)) continue;
      if (lesion.recurrent) decayRecur++;
      else decayNew++;
    }
  }
  return { filled, decayNew, decayRecur, dfs: Math.max(filled, decayNew + decayRecur) };
}

interface ToothPerio {
  mobility: number;
  bleed: number;
  plaque: number;
  pdMean: number;
  pdMax: number;
  calMean: number;
  calMax: number;
  fgmMean: number;
  fgmMax: number;
  mg: number;
  furcation: number;
}

function summarisePerio(chart: PerioChart): ToothPerio {
  const n = chart.probingDepth.length;
  let bleed = 0;
  let plaque = 0;
  let pdSum = 0;
  let pdMax = -Infinity;
  let calSum = 0;
  let calMax = -Infinity;
  let fgmSum = 0;
  let fgmMax = -Infinity;
  for (let i = 0; i < n; i++) {
    if (chart.bleeding[i]) bleed++;
    if (chart.plaque[i]) plaque++;
    const pd = chart.probingDepth[i] as number;
    const cal = chart.attachmentLoss[i] as number;
    const fgm = chart.recession[i] as number;
    pdSum += pd;
    calSum += cal;
    fgmSum += fgm;
    if (pd > pdMax) pdMax = pd;
    if (cal > calMax) calMax = cal;
    if (fgm > fgmMax) fgmMax = fgm;
  }
  return {
    mobility: chart.mobility,
    bleed: (100 * bleed) / n,
    plaque: (100 * plaque) / n,
    pdMean: pdSum / n,
    pdMax,
    calMean: calSum / n,
    calMax,
    fgmMean: fgmSum / n,
    fgmMax,
    mg: chart.mucogingivalDefect ? 1 : 0,
    furcation: chart.furcation,
  };
}
