/**
 * Crown angulation (mesiodistal tip) and crown inclination (labiolingual torque) per tooth type, in degrees.
 *
 * source: Andrews, "The six keys to normal occlusion", Am J Orthod 1972;62:296-309 (120 casts of untreated
 * normal occlusions). Key II: the gingival part of each crown's long axis lies distal to its occlusal part
 * (positive angulation = crown tipped mesially). Key III: inclination is the angle between the perpendicular
 * to the occlusal plane and the tangent to the middle of the labial/buccal clinical crown; positive when the
 * incisal part of the tangent is labial (upper incisors), negative (lingual) for the other teeth, increasing
 * distally in the lower arch. The definitions were read [V]; the numbers are the standard Andrews (straight-wire)
 * prescription derived from that study, as tabulated in orthodontic texts [T] — not read in the paper here.
 * Third molars, absent from the prescription, repeat the second molars [A].
 */
import type { Arch, ToothType } from "../../patient/types.js";

export interface CrownAngles {
  /** Mesiodistal crown tip, degrees, positive = crown mesial. */
  angulation: number;
  /** Facial-tangent inclination to the occlusal-plane normal, degrees, positive = incisal part labial. */
  inclination: number;
}

const a = (angulation: number, inclination: number): CrownAngles => ({ angulation, inclination });

export const ANDREWS_CROWN_ANGLES: Readonly<Record<Arch, Readonly<Record<ToothType, CrownAngles>>>> = {
  upper: {
    central_incisor: a(5, 7),
    lateral_incisor: a(9, 3),
    canine: a(11, -7),
    first_premolar: a(2, -7),
    second_premolar: a(2, -7),
    first_molar: a(5, -9),
    second_molar: a(5, -9),
    third_molar: a(5, -9),
  },
  lower: {
    central_incisor: a(2, -1),
    lateral_incisor: a(2, -1),
    canine: a(5, -11),
    first_premolar: a(2, -17),
    second_premolar: a(2, -22),
    first_molar: a(2, -30),
    second_molar: a(2, -35),
    third_molar: a(2, -35),
  },
};
