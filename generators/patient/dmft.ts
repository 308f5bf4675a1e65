import type { CariesLesion, Dmft, ToothState, VirtualPatient } from "./types.js";

/**
 * Whether an untreated lesion counts as decay (the D of DMFT, and a decayed surface of the Creighton table).
 *
 * Rule: the lesion is clinically cavitated, whatever its radiographic depth. NHANES scores decay by a visual-tactile
 * examination without radiographs, at the cavitation threshold (WHO Oral Health Surveys 5th ed. 2013, "D3" level
 * of Pitts' diagnostic thresholds; NHANES Oral Health Examiners Manual, Radike criteria: an unmistakable cavity,
 * undermined enamel or a softened floor or wall). A non-cavitated dentine lesion seen only on a bitewing is
 * therefore not decay; a cavitated enamel lesion is. Cavitation is drawn per lesion from the depth-specific
 * probabilities of CAVITATION_BY_DEPTH, so deeper lesions count far more often (D3 84.8 % vs E1 2.1 %).
 */
export function isDecayLesion(lesion: CariesLesion): boolean {
  return lesion.cavitated;
}

/** Whether a tooth is a present natural tooth with at least one lesion that counts as decay. */
export function isDecayedTooth(tooth: ToothState): boolean {
  if (tooth.presence !== "present") return false;
  for (const lesion of tooth.lesions) if (isDecayLesion(lesion)) return true;
  return false;
}

/**
 * DMFT of a patient at baseline, on the 28 teeth NHANES counts (third molars excluded), each tooth once, decay
 * first: D if a present natural tooth has a lesion that counts as decay (isDecayLesion), else M if the position
 * is missing (implant and pontic positions included: the natural tooth is gone), else F if it is filled or crowned.
 * Unerupted teeth are not counted; teeth lost during follow-up were present at baseline and count as such.
 *
 * @example dmftOf(patient) // { decayed: 1, missing: 2, filled: 5, total: 8 }
 */
export function dmftOf(patient: VirtualPatient): Dmft {
  let decayed = 0;
  let missing = 0;
  let filled = 0;
  for (const tooth of patient.teeth) {
    const position = tooth.fdi % 10;
    if (position < 1 || position > 7) continue;
    if (isDecayedTooth(tooth)) decayed++;
    else if (tooth.presence === "missing") missing++;
    else if (tooth.presence === "present" && (tooth.restoration === "filled" || tooth.restoration === "crowned")) filled++;
  }
  return { decayed, missing, filled, total: decayed + missing + filled };
}

/** Number of present teeth among the 28 NHANES positions (third molars excluded). */
export function teethPresentOf(patient: VirtualPatient): number {
  let n = 0;
  for (const tooth of patient.teeth) if (tooth.fdi % 10 !== 8 && tooth.presence === "present") n++;
  return n;
}
