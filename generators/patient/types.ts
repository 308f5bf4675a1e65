/**
 * The virtual patient: plain, JSON-serialisable data (no geometry, no images). Every modality renders from it,
 * so one patient has the same teeth, restorations and lesions in its records, meshes and radiographs.
 *
 * Vocabulary follows clinical charting: FDI two-digit tooth numbers, the five coronal surfaces M O D B L
 * (O stands for the incisal edge on anterior teeth), radiographic caries depth E1-D3 with their ICCMS
 * equivalents, and six periodontal sites per tooth (MB, B, DB, ML, L, DL).
 */

/** FDI tooth number: quadrant 1-4 then position 1-8 (11 upper right central incisor ... 48 lower right third molar). */
export type Fdi = number;

export type ToothType =
  | "central_incisor"
  | "lateral_incisor"
  | "canine"
  | "first_premolar"
  | "second_premolar"
  | "first_molar"
  | "second_molar"
  | "third_molar";

export type Arch = "upper" | "lower";
export type Sex = "female" | "male";

/** Coronal surfaces: mesial, occlusal (incisal on anterior teeth), distal, buccal (labial), lingual (palatal). */
export type Surface = "M" | "O" | "D" | "B" | "L";
export const SURFACES: readonly Surface[] = ["M", "O", "D", "B", "L"];

/**
 * Radiographic depth of a caries lesion: E1/E2 outer/inner half of enamel, D1/D2/D3 outer/middle/inner third
 * of dentin (source: BMC Oral Health 15(Suppl 1):S3, Table 2; dental-domain.md section 2.4).
 */
export type DepthClass = "E1" | "E2" | "D1" | "D2" | "D3";
export const DEPTH_CLASSES: readonly DepthClass[] = ["E1", "E2", "D1", "D2", "D3"];

/** ICCMS radiographic score of each depth class (RA initial, RB moderate, RC extensive). */
export const ICCMS_OF_DEPTH: Readonly<Record<DepthClass, "RA1" | "RA2" | "RA3" | "RB4" | "RC5">> = {
  E1: "RA1",
  E2: "RA2",
  D1: "RA3",
  D2: "RB4",
  D3: "RC5",
};

/**
 * Where the tooth position stands. `unerupted` covers teeth not yet erupted for the patient's age and impacted
 * or congenitally absent third molars; `missing` means the tooth erupted and was lost (extraction).
 */
export type Presence = "present" | "missing" | "unerupted";

/**
 * What occupies the position clinically. `implant` and `pontic` stand on a `missing` natural tooth; `filled` and
 * `crowned` on a `present` one; `none` on any. Root-canal treatment is a separate flag because it combines with
 * a filling or a crown.
 */
export type Restoration = "none" | "filled" | "crowned" | "implant" | "pontic";

export interface CariesLesion {
  /** Stable id: `${patientId}-L${n}`, numbered in tooth then surface order. Joins to radiograph annotations. */
  id: string;
  surface: Surface;
  depth: DepthClass;
  iccms: (typeof ICCMS_OF_DEPTH)[DepthClass];
  /** Clinically cavitated (probability by depth class from Caries Res, via dental-domain.md 2.4). */
  cavitated: boolean;
  /** Secondary caries at the margin of an existing filling on the same surface. */
  recurrent: boolean;
}

/** Six-site periodontal chart of one tooth, in mm; sites ordered MB, B, DB, ML, L, DL. */
export interface PerioChart {
  probingDepth: number[];
  /** Gingival margin relative to the CEJ (recession positive), as charted at Creighton (FGM). */
  recession: number[];
  /** Clinical attachment level = probing depth + recession, per site. */
  attachmentLoss: number[];
  bleeding: boolean[];
  plaque: boolean[];
  /** Miller mobility grade 0-3. */
  mobility: number;
  /** Glickman furcation grade 0-3 (0 on single-rooted teeth). */
  furcation: number;
  /** Mucogingival defect at any site. */
  mucogingivalDefect: boolean;
}

export interface ToothState {
  fdi: Fdi;
  /** Universal (ADA) number 1-32, used by US clinic charts such as the Creighton table. */
  universal: number;
  type: ToothType;
  arch: Arch;
  presence: Presence;
  restoration: Restoration;
  rootCanalTreated: boolean;
  /** Surfaces restored with a filling (empty unless restoration is `filled`). */
  filledSurfaces: Surface[];
  /** Active caries lesions, at most one per surface; always empty on a missing, unerupted, implant or pontic position. */
  lesions: CariesLesion[];
  /** Present only for present natural teeth and implants. */
  perio: PerioChart | null;
  /** The tooth was lost during the follow-up window (only for teeth present at baseline). */
  lostDuringFollowUp: boolean;
  /**
   * Years from baseline to the loss, in whole days (a multiple of 1/365) as in the Creighton `time` column;
   * null unless `lostDuringFollowUp`. Always within (0, followUpYears].
   */
  lostAfterYears: number | null;
}

export type LabRestorationType = "single_crown" | "bridge" | "implant_crown";

export type LabMaterial =
  | "monolithic_zirconia"
  | "layered_zirconia"
  | "lithium_disilicate"
  | "leucite_glass_ceramic"
  | "pfm"
  | "full_cast_metal";

export type RemakeReason = "proximal_contact" | "margin_fit" | "shade_esthetics" | "occlusion" | "fracture" | "other";

/** A dental-lab order for restorations the chart carries. */
export interface LabCase {
  /** `${patientId}-C${n}` */
  id: string;
  type: LabRestorationType;
  /** Teeth of the case: one for crowns, abutments and pontics in arch order for a bridge. */
  teeth: Fdi[];
  units: number;
  material: LabMaterial;
  /** VITA classical shade tab, e.g. "A2". */
  shade: string;
  turnaroundDays: number;
  remake: boolean;
  remakeReason: RemakeReason | null;
}

export interface Demographics {
  /** Age in whole years at the baseline visit. */
  age: number;
  sex: Sex;
  diabetes: boolean;
  tobaccoEver: boolean;
}

export interface VirtualPatient {
  /** `P` + zero-padded index: unique and stable within a run, carries no real identifier. */
  id: string;
  index: number;
  /** Seed of the patient's own stream (master seed, generator, index); every modality forks from it. */
  seed: string;
  preset: string;
  demographics: Demographics;
  /** All 32 FDI positions, quadrant by quadrant (11-18, 21-28, 31-38, 41-48). */
  teeth: ToothState[];
  labCases: LabCase[];
  /** Length of the observation window in years; lostDuringFollowUp refers to it. */
  followUpYears: number;
}

/** DMFT on the 28 teeth that NHANES counts (third molars excluded), each tooth counted once, decay first. */
export interface Dmft {
  decayed: number;
  missing: number;
  filled: number;
  total: number;
}
