/**
 * The dental arch form: Braun's beta function, fitted to a patient's tooth widths and intermolar width.
 *
 * source: Braun, Hnat, Fender, Legan, "The form of the human dental arch", Angle Orthod 1998;68:29-36: the
 * arch is y = 3.0314·D·[(1/2 + x/W)(1/2 − x/W)]^0.8, with W the width and D the depth at the second molars; it
 * fits measured arches with r = 0.98 ± 0.02 (abstract read at angle-orthodontist.kglmeridian.com). The
 * constant 3.0314 = 1 / (1/4)^0.8 makes y(0) = D. Noroozi et al., Angle Orthod 2001;71:386 confirm the
 * beta function describes the arch through the second molars.
 *
 * Frame of a jaw (mm, right-handed): z is the occlusal direction (the crowns point to +z for both jaws), y is
 * anterior, x = y × z. For the lower jaw x is the patient's right (RAS); for the upper jaw x is the patient's
 * left (RAS turned 180° about y). The beta curve's ends (the distal ends of the second molars) lie on y = 0.
 */
import type { Rng } from "../../../core/rng.js";
import type { Arch } from "../../patient/types.js";
import { WHEELER } from "../tooth/wheeler-table.js";
import { ArchCurve } from "./arch-curve.js";

/** The two parameters of Braun's beta function. */
export interface ArchForm {
  jaw: Arch;
  /** W: width between the curve's ends (distal of the second molars), mm. */
  width: number;
  /** D: depth from the line through the ends to the midline contact point, mm. */
  depth: number;
  /** Exponent of the beta function (Braun: 0.8; smaller is squarer in front). */
  exponent: number;
}

/** Braun's normalising constant 1 / (1/4)^0.8, so that the curve passes through (0, D). */
export const BRAUN_EXPONENT = 0.8;

/** Braun's beta arch y(x) for |x| ≤ W/2 (0 at the ends, D at the midline). */
export function betaArchY(x: number, width: number, depth: number, exponent = BRAUN_EXPONENT): number {
  const a = 0.5 + x / width;
  const b = 0.5 - x / width;
  if (a <= 0 || b <= 0) return 0;
  return (depth * Math.pow(a * b, exponent)) / Math.pow(0.25, exponent);
}

/**
 * Intermolar width at the first molars' facial-axis (FA) points, mean and SD, mm.
 * source: Mina, Borzabadi-Farahani, Tehranchi, Nouri, Younessian, "Mathematical beta function formulation for
 * maxillary arch form prediction in normal occlusion population", Odontology 2017;105:229-236 (54 adolescents,
 * normal occlusion): maxillary 57.92 (4.75), mandibular 54.19 (5.31); intermolar depths 31.59 (2.90) and
 * 28.10 (2.59). Read from the abstract (scribd copy) [V].
 */
export const INTERMOLAR_FA_WIDTH: Readonly<Record<Arch, { mean: number; sd: number }>> = {
  upper: { mean: 57.92, sd: 4.75 },
  lower: { mean: 54.19, sd: 5.31 },
};

/** Intermolar depth (midline incisal point to the line through the first molars' FA points), same source. */
export const INTERMOLAR_DEPTH: Readonly<Record<Arch, { mean: number; sd: number }>> = {
  upper: { mean: 31.59, sd: 2.9 },
  lower: { mean: 28.1, sd: 2.59 },
};

/**
 * Mean width between the first molars' crown centres (where our contact curve runs): the FA width minus one
 * buccolingual crown diameter (FA points sit on the buccal surfaces, half a crown out on each side; Wheeler BL
 * crown 11.0 upper / 10.5 lower, dental-domain.md 1.1). A derived figure [A].
 */
export function meanMolarCentreWidth(jaw: Arch): number {
  return INTERMOLAR_FA_WIDTH[jaw].mean - WHEELER[jaw].first_molar.blCrown;
}

/**
 * Draws a patient's first-molar centre width: normal with Mina et al.'s SD around {@link meanMolarCentreWidth},
 * truncated to ±1.5 SD so the fitted arches stay within the shapes the beta function was fitted to [A].
 */
export function sampleMolarCentreWidth(jaw: Arch, rng: Rng): number {
  const { sd } = INTERMOLAR_FA_WIDTH[jaw];
  const mean = meanMolarCentreWidth(jaw);
  return rng.truncatedNormal(mean, sd, mean - 1.5 * sd, mean + 1.5 * sd);
}

/**
 * Fits W and D so that (1) the teeth 1-7 of a quadrant, walked as chords of their mesiodistal widths from the
 * midline, end exactly at the curve's end, and (2) the centre of the first molars' chords lies at
 * ±molarCentreWidth/2. Condition (1) is the arch perimeter of an aligned arch with tight contacts (Andrews'
 * fifth key, "no spaces"); (2) sets the width from published intermolar widths.
 *
 * @param halfArchWidths mesiodistal widths of positions 1..7 (central incisor to second molar), mm, e.g. the
 * mean of the left and right teeth
 * @param molarCentreWidth distance between the first molars' crown centres, mm
 */
export function fitArchForm(jaw: Arch, halfArchWidths: readonly number[], molarCentreWidth: number, exponent = BRAUN_EXPONENT): ArchForm {
  if (halfArchWidths.length !== 7) throw new RangeError(`fitArchForm requires 7 widths, got ${halfArchWidths.length}`);
  const perimeter = halfArchWidths.reduce((a, b) => a + b, 0);
  if (!(molarCentreWidth > 10 && molarCentreWidth < 2 * perimeter)) throw new RangeError(`invalid molarCentreWidth: ${molarCentreWidth}`);
  // Depth for a given width: the walk overshoots the curve's end on a shallow arch, falls short on a deep one.
  const depthFor = (width: number): number => {
    let lo = 1;
    let hi = 2 * perimeter;
    for (let i = 0; i < 50; i++) {
      const mid = (lo + hi) / 2;
      const curve = new ArchCurve({ jaw, width, depth: mid, exponent }, { samples: 400 });
      const end = walkSide(curve, halfArchWidths).at(-1) as number;
      if (end > curve.halfLength) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  const molarCentreX = (width: number): number => {
    const curve = new ArchCurve({ jaw, width, depth: depthFor(width), exponent }, { samples: 400 });
    const s = walkSide(curve, halfArchWidths);
    const a = curve.point(s[5] as number);
    const b = curve.point(s[6] as number);
    return (a.x + b.x) / 2;
  };
  // The first molars' centres move outward as the arch widens.
  let lo = molarCentreWidth * 0.8;
  let hi = molarCentreWidth * 1.6;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (2 * molarCentreX(mid) < molarCentreWidth) lo = mid;
    else hi = mid;
  }
  const width = (lo + hi) / 2;
  return { jaw, width, depth: depthFor(width), exponent };
}

/** Arc positions of the contacts when the widths are walked as chords from the midline along +s. */
function walkSide(curve: ArchCurve, widths: readonly number[]): number[] {
  const out = [0];
  let s = 0;
  for (const w of widths) {
    s = curve.walk(s, w, 1);
    out.push(s);
  }
  return out;
}
