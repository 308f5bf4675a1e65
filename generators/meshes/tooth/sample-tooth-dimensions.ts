/**
 * Size variation of a tooth around Wheeler's means.
 *
 * The population spread of the mesiodistal width is an SD of about 0.4–0.6 mm per tooth type, a coefficient of
 * variation of 5–7 %, and the SD of root length is about 1.5–2 mm (dental-domain.md 1.1 "Population spread"
 * [U]); the real CBCT and intra-oral teeth of 1.2 [M] sit within about ±10 % of the table. We split the crown
 * CV into a patient factor shared by all of a patient's teeth (teeth of one mouth are alike in size) and a
 * per-tooth factor: 4 % and 4 % give √(4² + 4²) ≈ 5.7 % in total [A split].
 */
import type { Rng } from "../../../core/rng.js";
import type { WheelerRow } from "./wheeler-table.js";

/** SD of the patient-level size factor (fraction). [A], see the file comment. */
export const PATIENT_SCALE_SD = 0.04;
/** SD of the per-tooth factor on crown dimensions (fraction). [A], see the file comment. */
export const TOOTH_SCALE_SD = 0.04;
/**
 * SD of root length, mm. dental-domain.md 1.1 gives 1.5–2 mm [U, unverified]; the real CBCT teeth of 1.2 [M]
 * stay within about ±10 % of Wheeler's total length ("use Wheeler as the mean and allow ±10 %"), which a 1.5 mm
 * SD on 11–13 mm roots would exceed for a third of teeth. We follow the measured data: 1.0 mm (≈ 8 % CV).
 */
export const ROOT_LENGTH_SD = 1.0;

/** Dimensions of one rendered tooth, mm (same fields as a Wheeler row, after variation). */
export type ToothDimensions = WheelerRow;

/**
 * The size factor shared by all teeth of a patient: Normal(1, 0.04) truncated to ±2.5 SD. Draw it once per
 * patient (e.g. from `patientRng.fork("tooth-scale")`) and pass it to every renderTooth call of that patient.
 */
export function samplePatientToothScale(rng: Rng): number {
  return rng.truncatedNormal(1, PATIENT_SCALE_SD, 1 - 2.5 * PATIENT_SCALE_SD, 1 + 2.5 * PATIENT_SCALE_SD);
}

/**
 * One tooth's dimensions: Wheeler's row times the patient scale, with independent per-tooth factors on the
 * mesiodistal widths, the buccolingual widths and the crown length (each Normal(1, 0.04), ±2.5 SD), and a
 * shared shift of the root lengths (Normal(0, 1.0 mm), ±2 SD). Crown and cervix widths share a factor so the
 * crown never becomes narrower than its cervix. CEJ curvature scales with the crown length.
 */
export function sampleToothDimensions(mean: WheelerRow, patientScale: number, rng: Rng): ToothDimensions {
  const factor = () => rng.truncatedNormal(1, TOOTH_SCALE_SD, 1 - 2.5 * TOOTH_SCALE_SD, 1 + 2.5 * TOOTH_SCALE_SD);
  const md = factor() * patientScale;
  const bl = factor() * patientScale;
  const crown = factor() * patientScale;
  const rootShift = rng.truncatedNormal(0, ROOT_LENGTH_SD, -2 * ROOT_LENGTH_SD, 2 * ROOT_LENGTH_SD);
  return {
    crownLength: mean.crownLength * crown,
    rootLengths: mean.rootLengths.map((r) => r * patientScale + rootShift),
    mdCrown: mean.mdCrown * md,
    mdCervix: mean.mdCervix * md,
    blCrown: mean.blCrown * bl,
    blCervix: mean.blCervix * bl,
    cejCurveMesial: mean.cejCurveMesial * crown,
    cejCurveDistal: mean.cejCurveDistal * crown,
  };
}

/** Wheeler's row scaled by the patient factor alone (no per-tooth variation). */
export function scaledToothDimensions(mean: WheelerRow, patientScale: number): ToothDimensions {
  return {
    ...mean,
    crownLength: mean.crownLength * patientScale,
    rootLengths: mean.rootLengths.map((r) => r * patientScale),
    mdCrown: mean.mdCrown * patientScale,
    mdCervix: mean.mdCervix * patientScale,
    blCrown: mean.blCrown * patientScale,
    blCervix: mean.blCervix * patientScale,
    cejCurveMesial: mean.cejCurveMesial * patientScale,
    cejCurveDistal: mean.cejCurveDistal * patientScale,
  };
}
