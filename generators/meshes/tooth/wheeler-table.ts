/**
 * Mean permanent tooth dimensions from Wheeler's "Measurements of the Teeth".
 *
 * source: Nelson, Wheeler's Dental Anatomy, Physiology and Occlusion, Table 1-1, as transcribed in
 * /work/shared/reference/dental-domain.md section 1.1 (rows 11, 12, 15, 16 checked [V], others the standard
 * table [T]). All values in mm.
 */
import type { Arch, ToothType } from "../../patient/types.js";

/** One row of Wheeler's table (mm). */
export interface WheelerRow {
  /** Cervico-incisal / cervico-occlusal crown length, from the facial CEJ. */
  crownLength: number;
  /** Root length per root, CEJ to apex, in the order of the type's roots (one entry for single roots). */
  rootLengths: readonly number[];
  /** Mesiodistal crown diameter at the contact areas. */
  mdCrown: number;
  /** Mesiodistal diameter at the cervix. */
  mdCervix: number;
  /** Buccolingual (labiolingual) crown diameter, at the height of contour. */
  blCrown: number;
  /** Buccolingual diameter at the cervix. */
  blCervix: number;
  /** Curvature of the cervical line, mesial and distal: how far the CEJ rises toward the crown proximally. */
  cejCurveMesial: number;
  cejCurveDistal: number;
}

const row = (
  crownLength: number,
  rootLengths: readonly number[],
  mdCrown: number,
  mdCervix: number,
  blCrown: number,
  blCervix: number,
  cejCurveMesial: number,
  cejCurveDistal: number,
): WheelerRow => ({ crownLength, rootLengths, mdCrown, mdCervix, blCrown, blCervix, cejCurveMesial, cejCurveDistal });

/**
 * Wheeler Table 1-1 by arch and type (dental-domain.md 1.1). Multi-rooted rows list one length per root in the
 * order of {@link ROOT_LAYOUTS} in tooth-morphology.ts: maxillary molars MB, DB, palatal (the table gives
 * buccal 12 / lingual 13 for 16, B 11 / L 12 for 17); maxillary first premolar B, L; mandibular molars M, D.
 */
export const WHEELER: Readonly<Record<Arch, Readonly<Record<ToothType, WheelerRow>>>> = {
  upper: {
    central_incisor: row(10.5, [13.0], 8.5, 7.0, 7.0, 6.0, 3.5, 2.5), // 11/21 [V]
    lateral_incisor: row(9.0, [13.0], 6.5, 5.0, 6.0, 5.0, 3.0, 2.0), // 12/22 [V]
    canine: row(10.0, [17.0], 7.5, 5.5, 8.0, 7.0, 2.5, 1.5), // 13/23 [T]
    first_premolar: row(8.5, [14.0, 14.0], 7.0, 5.0, 9.0, 8.0, 1.0, 0.0), // 14/24 [T]
    second_premolar: row(8.5, [14.0], 7.0, 5.0, 9.0, 8.0, 1.0, 0.0), // 15/25 [V]
    first_molar: row(7.5, [12.0, 12.0, 13.0], 10.0, 8.0, 11.0, 10.0, 1.0, 0.0), // 16/26 [V]
    second_molar: row(7.0, [11.0, 11.0, 12.0], 9.0, 7.0, 11.0, 10.0, 1.0, 0.0), // 17/27 [T]
    third_molar: row(6.5, [11.0, 11.0, 11.0], 8.5, 6.5, 10.0, 9.5, 1.0, 0.0), // 18/28 [T]
  },
  lower: {
    central_incisor: row(9.0, [12.5], 5.0, 3.5, 6.0, 5.3, 3.0, 2.0), // 41/31 [T]
    lateral_incisor: row(9.5, [14.0], 5.5, 4.0, 6.5, 5.8, 3.0, 2.0), // 42/32 [T]
    canine: row(11.0, [16.0], 7.0, 5.5, 7.5, 7.0, 2.5, 1.0), // 43/33 [T]
    first_premolar: row(8.5, [14.0], 7.0, 5.0, 7.5, 6.5, 1.0, 0.0), // 44/34 [T]
    second_premolar: row(8.0, [14.5], 7.0, 5.0, 8.0, 7.0, 1.0, 0.0), // 45/35 [T]
    first_molar: row(7.5, [14.0, 14.0], 11.0, 9.0, 10.5, 9.0, 1.0, 0.0), // 46/36 [T]
    second_molar: row(7.0, [13.0, 13.0], 10.5, 8.0, 10.0, 9.0, 1.0, 0.0), // 47/37 [T]
    third_molar: row(7.0, [11.0, 11.0], 10.0, 7.5, 9.5, 9.0, 1.0, 0.0), // 48/38 [T]
  },
};
