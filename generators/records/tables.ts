import type { CellValue, ColumnSpec, TableSpec } from "../../core/sinks/table-spec.js";
import { dmftOf } from "../patient/dmft.js";
import { DEPTH_CLASSES, ICCMS_OF_DEPTH, SURFACES, type ToothState, type VirtualPatient } from "../patient/types.js";
import { FDI_POSITIONS, TOOTH_TYPES } from "../patient/dentition.js";
import { CREIGHTON_COLUMNS, creightonRows } from "./creighton-shape.js";

/**
 * The linked tables of the case-record modality, and how one virtual patient becomes rows in each.
 * patients 1-n teeth 1-n lesions; patients 1-n lab_cases. Keys are strings built from the patient id, so shard
 * outputs concatenate without clashes and rows join across tables and modalities (radiograph annotations carry
 * the lesion_id).
 */


const col = (
  name: string,
  type: ColumnSpec["type"],
  unit: string,
  meaning: string,
  extra: Partial<Pick<ColumnSpec, "allowed" | "range" | "nullable" | "decimals">> = {},
): ColumnSpec => ({ name, type, unit, meaning, ...extra });

/** Rounds a measurement for output: charts record millimetres to 0.01 at most, and shorter text is smaller files. */
const round2 = (x: number) => Math.round(x * 100) / 100;

export const patientsTable: TableSpec = {
  name: "patients",
  description: "One row per virtual patient: demographics, risk factors and DMFT summary.",
  primaryKey: ["patient_id"],
  foreignKeys: [],
  columns: [
    col("patient_id", "string", "", "Synthetic patient identifier (P + 9-digit record index); carries no real identity."),
    col("age", "int32", "years", "Age at the baseline visit.", { range: [0, 110] }),
    col("sex", "string", "", "Sex recorded in the chart.", { allowed: ["female", "male"] }),
    col("diabetes", "boolean", "", "Diabetes diagnosis recorded."),
    col("tobacco_ever", "boolean", "", "Ever used tobacco."),
    col("teeth_present", "int32", "teeth", "Natural teeth present at baseline (of 32 positions).", { range: [0, 32] }),
    col("dmft_d", "int32", "teeth", "Decayed teeth (DMFT D) on the 28 teeth NHANES counts.", { range: [0, 28] }),
    col("dmft_m", "int32", "teeth", "Missing teeth (DMFT M), implant and pontic positions included.", { range: [0, 28] }),
    col("dmft_f", "int32", "teeth", "Filled or crowned teeth without decay (DMFT F).", { range: [0, 28] }),
    col("dmft", "int32", "teeth", "DMFT = D + M + F.", { range: [0, 28] }),
    col("lesion_count", "int32", "lesions", "Active caries lesions in the chart."),
    col("lab_case_count", "int32", "cases", "Dental-lab cases ordered for the patient."),
    col("follow_up_years", "float64", "years", "Length of the observation window for tooth loss.", { decimals: 2 }),
    col("preset", "string", "", "Population preset the patient was drawn from."),
  ],
};

export const teethTable: TableSpec = {
  name: "teeth",
  description: "One row per FDI position (32 per patient), whatever its state, with the periodontal chart summary.",
  primaryKey: ["tooth_id"],
  foreignKeys: [{ column: "patient_id", references: "patients.patient_id" }],
  columns: [
    col("tooth_id", "string", "", "patient_id + '-' + FDI number."),
    col("patient_id", "string", "", "Foreign key to patients."),
    col("fdi", "int32", "", "FDI two-digit tooth number.", { allowed: FDI_POSITIONS }),
    col("universal", "int32", "", "Universal (ADA) tooth number 1-32.", { range: [1, 32] }),
    col("tooth_type", "string", "", "Tooth type.", { allowed: TOOTH_TYPES }),
    col("arch", "string", "", "Jaw.", { allowed: ["upper", "lower"] }),
    col("presence", "string", "", "Whether the natural tooth is present, was lost, or has not erupted.", {
      allowed: ["present", "missing", "unerupted"],
    }),
    col("restoration", "string", "", "What occupies the position clinically.", {
      allowed: ["none", "filled", "crowned", "implant", "pontic"],
    }),
    col("root_canal_treated", "boolean", "", "Endodontic (root canal) treatment."),
    col("filled_surfaces", "string", "", "Restored surfaces in M O D B L order, e.g. 'MOD'; null if none.", { nullable: true }),
    col("lesion_count", "int32", "lesions", "Active caries lesions on the tooth.", { range: [0, 5] }),
    col("pd_mean", "float64", "mm", "Mean probing depth over 6 sites.", { nullable: true, decimals: 2 }),
    col("pd_max", "float64", "mm", "Maximum probing depth over 6 sites.", { nullable: true }),
    col("cal_mean", "float64", "mm", "Mean clinical attachment loss over 6 sites.", { nullable: true, decimals: 2 }),
    col("cal_max", "float64", "mm", "Maximum clinical attachment loss over 6 sites.", { nullable: true }),
    col("recession_mean", "float64", "mm", "Mean gingival recession (CEJ to margin) over 6 sites.", { nullable: true, decimals: 2 }),
    col("bleeding_sites", "int32", "sites", "Sites bleeding on probing (of 6).", { range: [0, 6], nullable: true }),
    col("plaque_sites", "int32", "sites", "Sites with plaque (of 6).", { range: [0, 6], nullable: true }),
    col("mobility", "int32", "grade", "Miller mobility grade.", { range: [0, 3], nullable: true }),
    col("furcation", "int32", "grade", "Glickman furcation grade (0 on single-rooted teeth).", { range: [0, 3], nullable: true }),
    col("mucogingival_defect", "boolean", "", "Mucogingival defect at any site.", { nullable: true }),
    col("lost_during_follow_up", "boolean", "", "The tooth was lost during the follow-up window."),
  ],
};

export const lesionsTable: TableSpec = {
  name: "lesions",
  description: "One row per active caries lesion, with its radiographic depth class.",
  primaryKey: ["lesion_id"],
  foreignKeys: [
    { column: "patient_id", references: "patients.patient_id" },
    { column: "tooth_id", references: "teeth.tooth_id" },
  ],
  columns: [
    col("lesion_id", "string", "", "patient_id + '-L' + lesion number; joins to radiograph annotations."),
    col("patient_id", "string", "", "Foreign key to patients."),
    col("tooth_id", "string", "", "Foreign key to teeth."),
    col("fdi", "int32", "", "FDI tooth number.", { allowed: FDI_POSITIONS }),
    col("surface", "string", "", "Surface: mesial, occlusal/incisal, distal, buccal, lingual.", { allowed: SURFACES }),
    col("depth_class", "string", "", "Radiographic depth: E1/E2 outer/inner enamel, D1/D2/D3 outer/middle/inner dentin.", {
      allowed: DEPTH_CLASSES,
    }),
    col("iccms", "string", "", "ICCMS radiographic score of the depth class.", {
      allowed: DEPTH_CLASSES.map((d) => ICCMS_OF_DEPTH[d]),
    }),
    col("cavitated", "boolean", "", "Clinically cavitated."),
    col("recurrent", "boolean", "", "Secondary caries at the margin of an existing filling."),
  ],
};

export const labCasesTable: TableSpec = {
  name: "lab_cases",
  description: "One row per dental-lab case ordered for a restoration the chart carries.",
  primaryKey: ["case_id"],
  foreignKeys: [{ column: "patient_id", references: "patients.patient_id" }],
  columns: [
    col("case_id", "string", "", "patient_id + '-C' + case number."),
    col("patient_id", "string", "", "Foreign key to patients."),
    col("restoration_type", "string", "", "Kind of lab work.", { allowed: ["single_crown", "bridge", "implant_crown"] }),
    col("teeth", "string", "", "FDI numbers of the units, in arch order, joined by '-'."),
    col("units", "int32", "units", "Number of units (abutments and pontics of a bridge).", { range: [1, 16] }),
    col("material", "string", "", "Restoration material.", {
      allowed: ["monolithic_zirconia", "layered_zirconia", "lithium_disilicate", "leucite_glass_ceramic", "pfm", "full_cast_metal"],
    }),
    col("shade", "string", "", "VITA classical shade tab.", {
      allowed: ["A1", "A2", "A3", "A3.5", "A4", "B1", "B2", "B3", "B4", "C1", "C2", "C3", "C4", "D2", "D3", "D4"],
    }),
    col("turnaround_days", "int32", "business days", "In-lab turnaround."),
    col("remake", "boolean", "", "The restoration was sent back for a remake."),
    col("remake_reason", "string", "", "Why it was remade; null when not remade.", {
      allowed: ["proximal_contact", "margin_fit", "shade_esthetics", "occlusion", "fracture", "other"],
      nullable: true,
    }),
  ],
};

export const creightonTable: TableSpec = {
  name: "creighton",
  description:
    "One row per tooth in the shape of the real Creighton clinic table (MST package), column for column, so generated and real data compare directly.",
  primaryKey: ["id", "tooth"],
  foreignKeys: [],
  columns: CREIGHTON_COLUMNS.map((c) =>
    col(c.name, c.type === "integer" ? "int32" : c.type === "number" ? "float64" : c.type, c.unit, c.meaning, {
      ...(c.allowed ? { allowed: c.allowed } : {}),
      nullable: true,
    }),
  ),
};

/** Every records table, in the order they are written and documented. */
export const RECORD_TABLES: readonly TableSpec[] = [patientsTable, teethTable, lesionsTable, labCasesTable, creightonTable];
export const RECORD_TABLE_NAMES = RECORD_TABLES.map((t) => t.name);

function perioCells(tooth: ToothState): CellValue[] {
  const p = tooth.perio;
  if (!p) return [null, null, null, null, null, null, null, null, null, null];
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return [
    round2(mean(p.probingDepth)),
    Math.max(...p.probingDepth),
    round2(mean(p.attachmentLoss)),
    Math.max(...p.attachmentLoss),
    round2(mean(p.recession)),
    p.bleeding.filter(Boolean).length,
    p.plaque.filter(Boolean).length,
    p.mobility,
    p.furcation,
    p.mucogingivalDefect,
  ];
}

/**
 * The rows one patient contributes to each table, each row in its table's column order. `only` skips the tables
 * not asked for (the Creighton shape is the costliest).
 */
export function patientRows(patient: VirtualPatient, only?: ReadonlySet<string>): Record<string, CellValue[][]> {
  const pid = patient.id;
  const d = patient.demographics;
  const dmft = dmftOf(patient);
  const lesions: CellValue[][] = [];
  const teeth: CellValue[][] = [];
  let present = 0;
  for (const tooth of patient.teeth) {
    const toothId = `${pid}-${tooth.fdi}`;
    if (tooth.presence === "present") present++;
    teeth.push([
      toothId,
      pid,
      tooth.fdi,
      tooth.universal,
      tooth.type,
      tooth.arch,
      tooth.presence,
      tooth.restoration,
      tooth.rootCanalTreated,
      tooth.filledSurfaces.length > 0 ? SURFACES.filter((s) => tooth.filledSurfaces.includes(s)).join("") : null,
      tooth.lesions.length,
      ...perioCells(tooth),
      tooth.lostDuringFollowUp,
    ]);
    for (const lesion of tooth.lesions) {
      lesions.push([lesion.id, pid, toothId, tooth.fdi, lesion.surface, lesion.depth, lesion.iccms, lesion.cavitated, lesion.recurrent]);
    }
  }
  const labCases = patient.labCases.map((c): CellValue[] => [
    c.id,
    pid,
    c.type,
    c.teeth.join("-"),
    c.units,
    c.material,
    c.shade,
    c.turnaroundDays,
    c.remake,
    c.remakeReason,
  ]);
  const creighton =
    only && !only.has("creighton")
      ? []
      : creightonRows(patient).map((row) => CREIGHTON_COLUMNS.map((c) => (row as Record<string, CellValue>)[c.name] ?? null));
  return {
    patients: [
      [
        pid,
        d.age,
        d.sex,
        d.diabetes,
        d.tobaccoEver,
        present,
        dmft.decayed,
        dmft.missing,
        dmft.filled,
        dmft.total,
        lesions.length,
        labCases.length,
        round2(patient.followUpYears),
        patient.preset,
      ],
    ],
    teeth,
    lesions,
    lab_cases: labCases,
    creighton,
  };
}
