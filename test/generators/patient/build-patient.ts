/**
 * Hand-built patients for unit tests: a valid adult with a full healthy dentition, plus small helpers to change a
 * tooth. Tests break one rule at a time on a copy and check the message.
 */
import { FDI_POSITIONS, archOf, toothTypeOf, universalOf } from "../../../generators/patient/dentition.js";
import type {
  CariesLesion,
  DepthClass,
  Fdi,
  PerioChart,
  Surface,
  ToothState,
  VirtualPatient,
} from "../../../generators/patient/types.js";
import { ICCMS_OF_DEPTH } from "../../../generators/patient/types.js";

export function healthyChart(): PerioChart {
  return {
    probingDepth: [3, 2, 3, 3, 2, 3],
    recession: [0, 0, 0, 0, 0, 0],
    attachmentLoss: [3, 2, 3, 3, 2, 3],
    bleeding: [false, false, false, false, false, false],
    plaque: [false, false, false, false, false, false],
    mobility: 0,
    furcation: 0,
    mucogingivalDefect: false,
  };
}

/** A 40-year-old with all 32 teeth present, sound and charted, no lab case. */
export function healthyPatient(age = 40): VirtualPatient {
  const teeth: ToothState[] = FDI_POSITIONS.map((fdi) => ({
    fdi,
    universal: universalOf(fdi),
    type: toothTypeOf(fdi),
    arch: archOf(fdi),
    presence: "present",
    restoration: "none",
    rootCanalTreated: false,
    filledSurfaces: [],
    lesions: [],
    perio: healthyChart(),
    lostDuringFollowUp: false,
    lostAfterYears: null,
  }));
  return {
    id: "P000000001",
    index: 1,
    seed: "test/patient/1",
    preset: "test",
    demographics: { age, sex: "female", diabetes: false, tobaccoEver: false },
    teeth,
    labCases: [],
    followUpYears: 2,
  };
}

export function toothOf(patient: VirtualPatient, fdi: Fdi): ToothState {
  const tooth = patient.teeth.find((t) => t.fdi === fdi);
  if (!tooth) throw new Error(`no tooth ${fdi}`);
  return tooth;
}

/** Makes a position missing (natural tooth lost), optionally carrying an implant or a pontic. */
export function makeMissing(patient: VirtualPatient, fdi: Fdi, restoration: "none" | "implant" | "pontic" = "none"): void {
  const tooth = toothOf(patient, fdi);
  tooth.presence = "missing";
  tooth.restoration = restoration;
  tooth.perio = restoration === "implant" ? healthyChart() : null;
}

export function makeUnerupted(patient: VirtualPatient, fdi: Fdi): void {
  const tooth = toothOf(patient, fdi);
  tooth.presence = "unerupted";
  tooth.perio = null;
}

export function makeFilled(patient: VirtualPatient, fdi: Fdi, surfaces: Surface[]): void {
  const tooth = toothOf(patient, fdi);
  tooth.restoration = "filled";
  tooth.filledSurfaces = surfaces;
}

export function makeCrowned(patient: VirtualPatient, fdi: Fdi): void {
  const tooth = toothOf(patient, fdi);
  tooth.restoration = "crowned";
  tooth.filledSurfaces = [];
}

let lesionCounter = 0;
export function addLesion(
  patient: VirtualPatient,
  fdi: Fdi,
  surface: Surface,
  depth: DepthClass,
  options: { cavitated?: boolean; recurrent?: boolean } = {},
): CariesLesion {
  lesionCounter++;
  const lesion: CariesLesion = {
    id: `${patient.id}-L${lesionCounter}`,
    surface,
    depth,
    iccms: ICCMS_OF_DEPTH[depth],
    cavitated: options.cavitated ?? false,
    recurrent: options.recurrent ?? false,
  };
  toothOf(patient, fdi).lesions.push(lesion);
  return lesion;
}
