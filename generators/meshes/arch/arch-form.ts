/**
 * The dental arch form: Braun's beta function, fitted to a patient's tooth widths and intermolar width.
 *
 * source: Braun, Hnat, Fender, Legan, "The form of the human dental arch", Angle Orthod 1998;68:29-36: the
 * arch is y = 3.0314·D·[(1/2 + x/W)(1/2 − x/W)]^0.8, with W the width and D the depth at the second molars; it
 * fits measured arches with r = 0.98 ± 0.02 (abstract read at angle-orthodontist.kglmeridian.com). The
 * constant 3.0314 = 1 / (1/4)^0.8 makes y(0) = D. Noroozi et al., Angle Orthod 2001;71:386 confirm the
 * beta function describes the arch through the second molars.
 *
 * Canines. Fitted to the tooth widths and intermolar width alone, Braun's curve puts the canines 4-5 mm closer
 * together than published intercanine widths (INTERCANINE_WIDTH): its front is too pointed for that perimeter.
 * A fourth parameter fixes that: y = D·(1 − |2x/W|^p)^e, which is Braun's function for p = 2 (1 − (2x/W)² =
 * 4·(1/2 + x/W)(1/2 − x/W)) and has a squarer front for p > 2 with the same ends and depth. Fitting p to the
 * intercanine width keeps Braun's exponent e = 0.8 and his vertical tangent at the second molars [A: the
 * generalisation is ours].
 *
 * Frame of a jaw (mm, right-handed): z is the occlusal direction (the crowns point to +z for both jaws), y is
 * anterior, x = y × z. For the lower jaw x is the patient's right (RAS); for the upper jaw x is the patient's
 * left (RAS turned 180° about y). The beta curve's ends (the distal ends of the second molars) lie on y = 0.
 */
import type { Rng } from "../../../core/rng.js";
import type { Arch } from "../../patient/types.js";
import { WHEELER } from "../tooth/wheeler-table.js";
import { ArchCurve } from "./arch-curve.js";
import { solveNewton } from "./solve-newton.js";

/** The two parameters of Braun's beta function. */
export interface ArchForm {
  jaw: Arch;
  /** W: width between the curve's ends (distal of the second molars), mm. */
  width: number;
  /** D: depth from the line through the ends to the midline contact point, mm. */
  depth: number;
  /** Exponent of the beta function (Braun: 0.8; smaller is squarer in front). */
  exponent: number;
  /** Power p of |2x/W| (Braun: 2, the default; larger is squarer in front, wider at the canines). */
  power?: number;
}

/** Braun's normalising constant 1 / (1/4)^0.8, so that the curve passes through (0, D). */
export const BRAUN_EXPONENT = 0.8;

/**
 * Braun's beta arch y(x) for |x| ≤ W/2 (0 at the ends, D at the midline), generalised to
 * y = D·(1 − |2x/W|^p)^e (p = 2 is Braun's).
 */
export function betaArchY(x: number, width: number, depth: number, exponent = BRAUN_EXPONENT, power = 2): number {
  const u = Math.abs((2 * x) / width);
  if (u >= 1) return 0;
  return depth * Math.pow(1 - Math.pow(u, power), exponent);
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
 * Intercanine width between the canine cusp tips of adults, mean and SD, mm: maxillary 35.41 (1.47),
 * mandibular 26.85 (1.59), measured with a digital caliper on the pretreatment casts of 76 Angle Class I
 * patients (abstract read at discovery.researcher.life, "Mean intercanine and intermolar arch width in Angle's
 * class I patients"; the paper's authors and journal were not shown there) [V, abstract]. Cross-check: cusp tip
 * to cusp tip on the casts of Iranian adult dental students, maxillary 34.15 (2.05) (Bonakdarchian &
 * Ghorbanipour, Dental Anthropology 2010, abstract at journal.dentalanthropology.org) [V, abstract].
 */
export const INTERCANINE_WIDTH: Readonly<Record<Arch, { mean: number; sd: number }>> = {
  upper: { mean: 35.41, sd: 1.47 },
  lower: { mean: 26.85, sd: 1.59 },
};

/**
 * Correlation of a patient's intercanine and intermolar widths [A]: the Class I study above reports a
 * "significantly low correlation" between them without the figure; 0.3 keeps wide and narrow arches from being
 * drawn independently at both ends.
 */
const CANINE_MOLAR_CORRELATION = 0.3;

/** A patient's arch widths: first molars' crown centres and canine cusp tips, mm. */
export interface ArchWidths {
  molarCentreWidth: number;
  intercanineWidth: number;
}

/**
 * Draws a patient's arch widths: the first-molar centre width as {@link sampleMolarCentreWidth} (same stream, so
 * it is unchanged), and the intercanine width from {@link INTERCANINE_WIDTH} correlated with it
 * (ρ = 0.3 [A]), each truncated to ±1.5 SD [A]. The canine draw comes from `rng.fork("canine")`.
 */
export function sampleArchWidths(jaw: Arch, rng: Rng): ArchWidths {
  const molarCentreWidth = sampleMolarCentreWidth(jaw, rng);
  const { sd } = INTERMOLAR_FA_WIDTH[jaw];
  const zMolar = (molarCentreWidth - meanMolarCentreWidth(jaw)) / sd;
  const own = rng.fork("canine").truncatedNormal(0, 1, -1.5, 1.5);
  const zCanine = Math.max(-1.5, Math.min(1.5, CANINE_MOLAR_CORRELATION * zMolar + Math.sqrt(1 - CANINE_MOLAR_CORRELATION ** 2) * own));
  const canine = INTERCANINE_WIDTH[jaw];
  return { molarCentreWidth, intercanineWidth: canine.mean + zCanine * canine.sd };
}

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

/** What an arch is fitted to. Widths and depths are between chord midpoints (crown centres on the arch curve). */
export interface ArchTargets {
  /** Distance between the first molars' crown centres, mm. */
  molarCentreWidth: number;
  /** Distance between the canines' crown centres, mm. Given, the power p is fitted too; otherwise it is 2. */
  canineCentreWidth?: number;
  /**
   * Distance along y from the midline contact point to the first molars' crown centres, mm. Given, it replaces
   * the condition that the second molars end at the curve's ends.
   */
  molarDepth?: number;
}

/** Where the teeth 1-7 of a quadrant land on an arch form: contact arc positions and crown centres. */
export interface ArchWalk {
  curve: ArchCurve;
  /** Arc positions of the 8 contacts from the midline (0) to the distal of the second molar. */
  contacts: number[];
  canineCentre: { x: number; y: number };
  molarCentre: { x: number; y: number };
}

/** Walks the widths of positions 1..7 from the midline along +s of the arch `form`. */
export function walkArch(form: ArchForm, halfArchWidths: readonly number[], samples = 400): ArchWalk {
  const curve = new ArchCurve(form, { samples });
  const contacts = [0, ...curve.walkChords(0, halfArchWidths, 1)];
  const mid = (i: number) => {
    const a = curve.point(contacts[i] as number);
    const b = curve.point(contacts[i + 1] as number);
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  };
  return { curve, contacts, canineCentre: mid(2), molarCentre: mid(5) };
}

/**
 * Fits the arch form to a quadrant's tooth widths and the targets: (1) the teeth 1-7, walked as chords of their
 * mesiodistal widths from the midline, end exactly at the curve's end (or, with `molarDepth`, put the first
 * molars that far behind the midline), (2) the first molars' crown centres lie ±molarCentreWidth/2 apart, and
 * (3) with `canineCentreWidth`, so do the canines' (the power p is then free). Condition (1) is the arch
 * perimeter of an aligned arch with tight contacts (Andrews' fifth key, "no spaces"); (2) and (3) set the width
 * from published inter-tooth widths.
 *
 * Solved by damped Newton iteration (solve-newton.ts), about 1 ms.
 *
 * @param halfArchWidths mesiodistal widths of positions 1..7 (central incisor to second molar), mm, e.g. the
 * mean of the left and right teeth
 * @param targets the first molars' centre distance, mm, or {@link ArchTargets}
 */
export function fitArchForm(jaw: Arch, halfArchWidths: readonly number[], targets: number | ArchTargets, exponent = BRAUN_EXPONENT): ArchForm {
  if (halfArchWidths.length !== 7) throw new RangeError(`fitArchForm requires 7 widths, got ${halfArchWidths.length}`);
  const t: ArchTargets = typeof targets === "number" ? { molarCentreWidth: targets } : targets;
  const perimeter = halfArchWidths.reduce((a, b) => a + b, 0);
  const { molarCentreWidth, canineCentreWidth, molarDepth } = t;
  if (!(molarCentreWidth > 10 && molarCentreWidth < 2 * perimeter)) throw new RangeError(`invalid molarCentreWidth: ${molarCentreWidth}`);
  if (canineCentreWidth !== undefined && !(canineCentreWidth > 5 && canineCentreWidth < molarCentreWidth)) {
    throw new RangeError(`invalid canineCentreWidth: ${canineCentreWidth}`);
  }
  if (molarDepth !== undefined && !(molarDepth > 5 && molarDepth < perimeter)) throw new RangeError(`invalid molarDepth: ${molarDepth}`);
  const freePower = canineCentreWidth !== undefined;
  // With both a canine width and a depth, the exponent is freed too and the end condition kept: four
  // conditions, four unknowns (W, D, p, e).
  const freeExponent = freePower && molarDepth !== undefined;
  const formOf = (x: readonly number[]): ArchForm => ({
    jaw,
    width: x[0] as number,
    depth: x[1] as number,
    exponent: freeExponent ? (x[3] as number) : exponent,
    ...(freePower ? { power: x[2] as number } : {}),
  });
  const residual = (x: readonly number[]): number[] => {
    const walk = walkArch(formOf(x), halfArchWidths);
    const end = (walk.contacts[7] as number) - walk.curve.halfLength;
    const depth = molarDepth === undefined ? 0 : (x[1] as number) - walk.molarCentre.y - molarDepth;
    const r = [molarDepth === undefined || freeExponent ? end : depth, 2 * walk.molarCentre.x - molarCentreWidth];
    if (freePower) r.push(2 * walk.canineCentre.x - (canineCentreWidth as number));
    if (freeExponent) r.push(depth);
    return r;
  };
  // Start from Braun's mean proportions: W ≈ 1.14 × the first-molar centre width, D ≈ 0.82 × the quadrant's
  // perimeter (what this fit gives for Wheeler's mean teeth).
  const x0 = [1.14 * molarCentreWidth, 0.82 * perimeter, ...(freePower ? [2] : []), ...(freeExponent ? [exponent] : [])];
  const lower = [0.6 * molarCentreWidth, 0.3 * perimeter, ...(freePower ? [MIN_POWER] : []), ...(freeExponent ? [MIN_EXPONENT] : [])];
  const upper = [2.5 * molarCentreWidth, 1.5 * perimeter, ...(freePower ? [MAX_POWER] : []), ...(freeExponent ? [MAX_EXPONENT] : [])];
  const { x } = solveNewton(residual, x0, { steps: [1e-3, 1e-3, 1e-4, 1e-4], lower, upper, tolerance: 1e-5 });
  return formOf(x);
}

/** Range of the fitted exponent when the depth is fitted too [A]. */
const MIN_EXPONENT = 0.4;
const MAX_EXPONENT = 1.6;
/** Range of the fitted power: from a pointed (1.3) to a square (5) front, what keeps the curve an arch [A]. */
const MIN_POWER = 1.3;
const MAX_POWER = 5;
