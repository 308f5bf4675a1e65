import { Rng } from "../../core/rng.js";
import { sampleLatentRisk } from "./latent-risk.js";
import type { Preset } from "./preset.js";
import { sampleDemographics } from "./sample-demographics.js";
import { sampleDentition } from "./sample-dentition.js";
import { sampleFollowUp } from "./sample-follow-up.js";
import { sampleLabCases } from "./sample-lab-cases.js";
import { sampleLesions } from "./sample-lesions.js";
import { samplePerio } from "./sample-perio.js";
import type { VirtualPatient } from "./types.js";

/** Generator name of the patient stream: Rng.forRecord(masterSeed, PATIENT_GENERATOR, index). */
export const PATIENT_GENERATOR = "patient";

/** `P` + index zero-padded to 9 digits: P000000007. */
export function patientId(index: number): string {
  return `P${String(index).padStart(9, "0")}`;
}

/**
 * Samples virtual patient `index` of a run: a pure function of (index, masterSeed, preset).
 *
 * The generative story, each step on its own fork of the patient's stream so that adding draws to one sub-model
 * never shifts another:
 *  1. demographics: age, sex, diabetes, tobacco; risk: latent hygiene, caries and periodontal traits
 *     (gamma frailties raised by tobacco and diabetes);
 *  2. teeth: eruption (third-molar agenesis and impaction), past caries attacks per tooth walking the
 *     fill -> enlarge -> crown / root canal -> extract cycle, periodontal loss, third-molar removal, edentulism, then
 *     implants and bridges on the gaps;
 *  3. lesions: active caries on present teeth (Danish depth mix, cavitation by depth);
 *  4. perio: six-site chart of every present tooth and implant;
 *  5. follow-up: window length and teeth lost during it (hazard from perio, caries and the patient's frailty);
 *  6. lab: cases for the restorations placed within the record window.
 *
 * @example
 * const p = samplePatient(7, "42", PRESETS.clinic);
 * p.id; // "P000000007"
 */
export function samplePatient(index: number, masterSeed: string, preset: Preset): VirtualPatient {
  const rng = Rng.forRecord(masterSeed, PATIENT_GENERATOR, index);
  const id = patientId(index);

  const demographics = sampleDemographics(rng.fork("demographics"), preset.demographics);
  const risk = sampleLatentRisk(rng.fork("risk"), demographics, preset.risk);

  const teeth = sampleDentition(rng.fork("teeth"), demographics, risk, preset);
  sampleLesions(rng.fork("lesions"), teeth, demographics.age, risk, preset.lesions, id);
  samplePerio(rng.fork("perio"), teeth, demographics.age, risk, preset.perio);
  const followUpYears = sampleFollowUp(rng.fork("follow-up"), teeth, demographics, risk, preset.followUp);
  const labCases = sampleLabCases(rng.fork("lab"), teeth, demographics.age, preset.lab, id);

  return { id, index, seed: rng.seed, preset: preset.name, demographics, teeth, labCases, followUpYears };
}
