import { Rng } from "../../core/rng.js";
import { PATIENT_GENERATOR } from "../patient/sample-patient.js";
import type { VirtualPatient } from "../patient/types.js";
import { renderTooth, samplePatientToothScale, type RenderToothOptions, type ToothMeshes } from "./tooth/index.js";

/** Modality name under which a patient's stream is forked for meshes (architecture: one fork per modality). */
export const MESH_MODALITY = "meshes";

export interface DentitionMeshes {
  patientId: string;
  /** The patient's size factor shared by all their teeth. */
  patientScale: number;
  /** One layered tooth per present natural tooth, in the chart's order. */
  teeth: ToothMeshes[];
}

/**
 * The stream a patient's meshes draw from: the patient's own stream (seed, "patient", index) forked under
 * "meshes", so asking for meshes never changes the records and patient i is the same in every modality.
 */
export function meshStream(masterSeed: string, index: number): Rng {
  return Rng.forRecord(masterSeed, PATIENT_GENERATOR, index).fork(MESH_MODALITY);
}

/**
 * Renders the layered teeth of a patient's chart: every `present` natural tooth, none for missing, unerupted,
 * implant or pontic positions. Each tooth draws from `rng.fork("tooth-<FDI>")`, so a tooth's shape does not
 * depend on which other teeth the patient has.
 *
 * Not yet rendered (issue 5, still open): restorations (fillings, crowns, implants) as their own meshes and
 * carved cavitated lesions; crowned and filled teeth are rendered as their natural shape for now.
 */
export function renderDentition(patient: VirtualPatient, rng: Rng, options: Omit<RenderToothOptions, "patientScale"> = {}): DentitionMeshes {
  const patientScale = samplePatientToothScale(rng.fork("patient-scale"));
  const teeth = patient.teeth
    .filter((t) => t.presence === "present" && t.restoration !== "implant" && t.restoration !== "pontic")
    .map((t) => renderTooth(t.fdi, rng.fork(`tooth-${t.fdi}`), { ...options, patientScale }));
  return { patientId: patient.id, patientScale, teeth };
}
