/**
 * Both jaws of a patient placed in occlusion, in one head frame, from the teeth's dimensions alone (meshes can
 * be built afterwards for the teeth a caller needs and moved with `toHead`).
 *
 * HEAD FRAME (mm, right-handed, RAS): +x is the patient's right, +y anterior, +z superior. x = 0 is the dental
 * midline; y = 0 lies on the line through the upper first molars' crown centres; z = 0 is the occlusal plane,
 * half-way between the upper and lower first molars' cusp tips. Upper crowns point −z (down), lower crowns +z.
 * Each jaw's own frame (arch-form.ts) maps in by `jawToHead`: the lower frame is RAS already (a translation);
 * the upper frame is RAS turned 180° about y (x and z negated, then a translation).
 *
 * Occlusion, in this order:
 * 1. Widths. One z-score per patient sets both jaws' intermolar and intercanine widths (upper = lower shifted by
 *    the difference of the published means), so the upper arch stays buccal of the lower: the upper first
 *    molars' centres sit 1.6 mm per side outside the lower's (Mina et al. means, arch-form.ts), which puts the
 *    lower buccal cusps under the upper central fossae and the upper buccal cusps over the lower buccal surface.
 * 2. Angle Class I: the lower jaw is moved along y until the upper first molar's mesiobuccal cusp tip lies over
 *    the lower first molar's buccal groove (mean of both sides; cusp and groove positions from
 *    tooth-morphology.ts).
 * 3. Vertical: the lower jaw is raised until its posterior crowns (premolars, molars) touch the upper ones
 *    (proximal-gap.ts along z over the posterior surfaces): in contact, not interpenetrating.
 * 4. Overbite, as drawn: the incisors of both jaws are extended beyond the occlusal plane (half the missing
 *    overbite each); steps 2-4 are repeated until it holds.
 * The overjet is not imposed: it follows from the two arches once the molars are in Class I (the upper arch's
 * depth comes from its own tooth widths and widths), and is reported. With Wheeler's mean teeth it is 2.8 mm,
 * inside the normal 1-4 mm but above Freire et al.'s 1.92 mean. Imposing a drawn overjet by moving the upper
 * incisors off the arch was tried and dropped: the teeth behind them slide along with them, so the overjet
 * barely follows.
 */
import type { Rng } from "../../../core/rng.js";
import { archOf, positionOf, toothTypeOf } from "../../patient/dentition.js";
import type { Arch, Fdi } from "../../patient/types.js";
import type { ToothDimensions } from "../tooth/sample-tooth-dimensions.js";
import { morphologyOf } from "../tooth/tooth-morphology.js";
import type { ArchCurve } from "./arch-curve.js";
import { INTERCANINE_WIDTH, INTERMOLAR_FA_WIDTH, meanMolarCentreWidth, sampleArchWidths } from "./arch-form.js";
import { arrangeTeeth, type ArchLayout, type ArrangedArch } from "./arrange-teeth.js";
import { crownProxy, proxyFacialInclination } from "./crown-proxy.js";
import { applyMat4, mat4FromBasis, type Mat4 } from "./mat4.js";
import { proximalGap } from "./proximal-gap.js";

/**
 * Overjet and overbite of adults with normal occlusion, mm. Means: overjet 1.92, overbite 2.45 (Freire, Nishio,
 * Mendes, Quintão, Almeida, "Relationship between dental size and normal occlusion in Brazilian patients",
 * Braz Dent J 2007;18:253, 30 adults 18-27 y, casts; abstract read at scholar.archive.org [V]). The abstract
 * gives no SDs: 0.7 mm each [U], so ±2 SD spans the clinical "normal" 1-4 mm overjet and 1-3 mm overbite of
 * the Iraqi 13-year-olds survey (iasj.net, 6,957 pupils) [V for the ranges].
 */
export const OVERJET = { mean: 1.92, sd: 0.7 } as const;
export const OVERBITE = { mean: 2.45, sd: 0.7 } as const;

/** Rounds of steps 2-4 at most; the overbite settles in two or three. */
const MAX_ITERATIONS = 5;

/** Curve of Spee shared by both jaws: as arrange-teeth.ts (mean 1.01 mm, Freire et al. [V]; SD [U]). */
const SPEE = { mean: 1, sd: 0.4 } as const;

export interface PlaceDentitionOptions {
  /** Draw widths, overbite, curve of Spee and per-tooth variation (default true). */
  variation?: boolean;
  /** Overbite to build, mm (default: drawn, or the mean without variation). */
  overbite?: number;
  curveOfSpee?: number;
  /** Patient tooth-size factor, for the nominal width of missing teeth (default 1). */
  patientScale?: number;
}

/** One tooth of the dentition in the head frame. */
export interface HeadTooth {
  fdi: Fdi;
  jaw: Arch;
  /** Tooth frame → head frame, column-major 4×4 (mat4.ts). */
  toHead: Mat4;
  /** toHead mirrors (quadrants 2 and 4, as in each jaw's frame); transformMesh then reverses the winding. */
  mirrored: boolean;
  /** Crown centre (tooth axis at mid crown) in the head frame, mm. */
  centre: [number, number, number];
  /** Unit arch tangent at the tooth in the head frame, pointing distally (away from the midline along the arch). */
  distal: [number, number, number];
  /** Unit outward (buccal/labial) horizontal normal of the arch at the tooth, head frame. */
  buccal: [number, number, number];
}

/** One jaw of the dentition. */
export interface HeadJaw {
  jaw: Arch;
  /** The jaw's own arrangement, in its own frame (arch-form.ts). */
  layout: ArchLayout;
  /** Jaw frame → head frame. */
  jawToHead: Mat4;
  /** Point and unit tangent (toward increasing arc position s) of the jaw's arch curve, head frame. */
  pointAt(s: number): { point: [number, number, number]; tangent: [number, number, number] };
}

export interface DentitionPlacement {
  teeth: HeadTooth[];
  upper: HeadJaw;
  lower: HeadJaw;
  /** What was built, mm: overjet (measured, not imposed) and overbite at the central incisors, curve of Spee. */
  overjet: number;
  overbite: number;
  curveOfSpee: number;
  /** Remaining Class I error: the upper mesiobuccal cusp's distance from the lower buccal groove along y, mm. */
  classIError: number;
}

export interface DentitionToothInput {
  fdi: Fdi;
  dimensions: ToothDimensions;
}

/**
 * Places a patient's teeth of both jaws in occlusion. Pure in its inputs; the Rng is forked per concern
 * ("arch", "occlusion", "upper", "lower"). A few tens of milliseconds.
 *
 * @example
 * const dentition = placeDentition(teeth.map((t) => ({ fdi: t.fdi, dimensions: t.dimensions })), rng.fork("dentition"));
 * const m = dentition.teeth.find((t) => t.fdi === 36)!.toHead; // move tooth 36's mesh into the head frame
 */
export function placeDentition(teeth: readonly DentitionToothInput[], rng: Rng, options: PlaceDentitionOptions = {}): DentitionPlacement {
  const variation = options.variation ?? true;
  const occlusion = rng.fork("occlusion");
  const overbite = options.overbite ?? (variation ? occlusion.truncatedNormal(OVERBITE.mean, OVERBITE.sd, 0.5, 4) : OVERBITE.mean);
  const curveOfSpee = options.curveOfSpee ?? (variation ? occlusion.truncatedNormal(SPEE.mean, SPEE.sd, 0, 2.5) : SPEE.mean);
  // 1. Widths: the lower jaw's draw, and the upper's at the same z-scores.
  const lowerWidths = variation
    ? sampleArchWidths("lower", rng.fork("arch"))
    : { molarCentreWidth: meanMolarCentreWidth("lower"), intercanineWidth: INTERCANINE_WIDTH.lower.mean };
  const zMolar = (lowerWidths.molarCentreWidth - meanMolarCentreWidth("lower")) / INTERMOLAR_FA_WIDTH.lower.sd;
  const zCanine = (lowerWidths.intercanineWidth - INTERCANINE_WIDTH.lower.mean) / INTERCANINE_WIDTH.lower.sd;
  const upperWidths = {
    molarCentreWidth: meanMolarCentreWidth("upper") + zMolar * INTERMOLAR_FA_WIDTH.upper.sd,
    intercanineWidth: INTERCANINE_WIDTH.upper.mean + zCanine * INTERCANINE_WIDTH.upper.sd,
  };

  const surfaces = (jaw: Arch) =>
    teeth
      .filter((t) => archOf(t.fdi) === jaw)
      .map((t) => ({ fdi: t.fdi, points: crownProxy(t.fdi, t.dimensions), facialInclination: proxyFacialInclination(t.fdi, t.dimensions, 0.7) }));
  const upperSurfaces = surfaces("upper");
  const lowerSurfaces = surfaces("lower");
  const dims = new Map(teeth.map((t) => [t.fdi, t.dimensions]));
  // Surfaces are needed for the posterior contact and the lower centrals' labial face only.
  const withSurfaces = (fdi: Fdi) => positionOf(fdi) >= 4 || fdi === 31 || fdi === 41;
  const common = { variation, curveOfSpee, withSurfaces, ...(options.patientScale === undefined ? {} : { patientScale: options.patientScale }) };

  let upperLift = 0;
  let lowerLift = 0;

  let upper!: ArrangedArch;
  let lower!: ArrangedArch;
  let lowerToHead!: Mat4;
  let upperToHead!: Mat4;
  let classIError = 0;
  let builtOverjet = 0;
  let builtOverbite = 0;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    // The arch forms do not depend on the lift: fitted once, then reused.
    const upperForm = iteration === 0 ? {} : { form: upper.layout.form };
    const lowerForm = iteration === 0 ? {} : { form: lower.layout.form };
    upper = arrangeTeeth("upper", upperSurfaces, rng.fork("upper"), { ...common, ...upperWidths, ...upperForm, incisalLift: upperLift });
    lower = arrangeTeeth("lower", lowerSurfaces, rng.fork("lower"), { ...common, ...lowerWidths, ...lowerForm, incisalLift: lowerLift });
    // Upper jaw frame → head: x and z negated (RAS turned 180° about y), y = 0 at the upper first molars.
    const upperMolarY = meanOf(upper.layout, [16, 26], (t) => t[13] as number) ?? 0;
    const flip = mat4FromBasis([-1, 0, 0], [0, 1, 0], [0, 0, -1], [0, -upperMolarY, 0]);
    // 2. Class I along y: lower buccal groove under the upper mesiobuccal cusp.
    const cusp = meanPoint(upper, "upper", [16, 26], dims, flip);
    const groove = meanPoint(lower, "lower", [36, 46], dims, identity());
    const dy = cusp && groove ? (cusp[1] as number) - (groove[1] as number) : 0;
    // 3. Vertical contact of the posterior teeth (upper surfaces moved by `flip`, lower by dy).
    const upperPosterior = headPoints(upper, flip, (fdi) => positionOf(fdi) >= 4);
    const lowerPosterior = headPoints(lower, mat4FromBasis([1, 0, 0], [0, 1, 0], [0, 0, 1], [0, dy, 0]), (fdi) => positionOf(fdi) >= 4);
    const dz = proximalGap(lowerPosterior, upperPosterior, [0, 0, 1], [1, 0, 0]) ?? 0;
    lowerToHead = mat4FromBasis([1, 0, 0], [0, 1, 0], [0, 0, 1], [0, dy, dz]);
    upperToHead = flip;
    classIError = cusp && groove ? Math.abs((cusp[1] as number) - ((groove[1] as number) + dy)) : 0;
    // 4. Overbite and overjet at the central incisors.
    const edges = incisorEdges(upper, lower, dims, upperToHead, lowerToHead);
    if (!edges) break;
    builtOverbite = edges.lowerEdgeZ - edges.upperEdgeZ;
    builtOverjet = edges.overjet;
    const biteError = overbite - builtOverbite;
    if (Math.abs(biteError) < 0.02 || iteration === MAX_ITERATIONS - 1) break;
    upperLift += biteError / 2;
    lowerLift += biteError / 2;
  }
  // z = 0 half-way between the first molars' cusp tips.
  const molarZ = (jaw: ArrangedArch, toHead: Mat4, fdis: number[]) => {
    const zs = fdis.flatMap((fdi) => {
      const pose = jaw.layout.teeth.find((t) => t.fdi === fdi);
      if (!pose) return [];
      const d = dims.get(fdi)!;
      const local = applied(pose.transform, [0, 0, d.crownLength]);
      return [applied(toHead, local)[2] as number];
    });
    return zs.length ? zs.reduce((a, b) => a + b, 0) / zs.length : null;
  };
  const zu = molarZ(upper, upperToHead, [16, 26]);
  const zl = molarZ(lower, lowerToHead, [36, 46]);
  const z0 = zu !== null && zl !== null ? (zu + zl) / 2 : 0;
  const shiftZ = mat4FromBasis([1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, -z0]);
  upperToHead = multiply(shiftZ, upperToHead);
  lowerToHead = multiply(shiftZ, lowerToHead);

  const headTeeth: HeadTooth[] = [];
  for (const [jaw, toHead] of [
    [upper, upperToHead],
    [lower, lowerToHead],
  ] as const) {
    for (const pose of jaw.layout.teeth) {
      const toothToHead = multiply(toHead, pose.transform);
      const d = dims.get(pose.fdi)!;
      const curve = jaw.layout.curve;
      const mid = (pose.arcMesial + pose.arcDistal) / 2;
      const p = curve.point(mid);
      const sign = Math.sign(pose.arcDistal - pose.arcMesial) || 1;
      const distal = direction(toHead, [sign * p.tx, sign * p.ty, 0]);
      const buccal = direction(toHead, [-p.ty, p.tx, 0]);
      headTeeth.push({
        fdi: pose.fdi,
        jaw: jaw.layout.jaw,
        toHead: toothToHead,
        mirrored: determinant3(toothToHead) < 0,
        centre: applied(toothToHead, [0, 0, d.crownLength / 2]) as [number, number, number],
        distal,
        buccal,
      });
    }
  }
  headTeeth.sort((a, b) => a.fdi - b.fdi);
  return {
    teeth: headTeeth,
    upper: headJaw(upper.layout, upperToHead),
    lower: headJaw(lower.layout, lowerToHead),
    overjet: builtOverjet,
    overbite: builtOverbite,
    curveOfSpee,
    classIError,
  };
}

function headJaw(layout: ArchLayout, jawToHead: Mat4): HeadJaw {
  const curve: ArchCurve = layout.curve;
  return {
    jaw: layout.jaw,
    layout,
    jawToHead,
    pointAt(s: number) {
      const p = curve.point(s);
      return {
        point: applied(jawToHead, [p.x, p.y, layout.occlusalZ(s)]) as [number, number, number],
        tangent: direction(jawToHead, [p.tx, p.ty, 0]),
      };
    },
  };
}

/**
 * The first molar's landmark of a jaw in a target frame, mean over the given teeth: for the upper jaw its
 * mesiobuccal cusp tip, for the lower the buccal groove between its mesiobuccal and distobuccal cusps. Cusp
 * positions are the tooth generator's (tooth-morphology.ts), in units of the occlusal outline's half-widths.
 */
function meanPoint(arranged: ArrangedArch, jaw: Arch, fdis: number[], dims: Map<Fdi, ToothDimensions>, toHead: Mat4): number[] | null {
  const points: number[][] = [];
  for (const fdi of fdis) {
    const pose = arranged.layout.teeth.find((t) => t.fdi === fdi);
    if (!pose) continue;
    const d = dims.get(fdi)!;
    const morph = morphologyOf(jaw, toothTypeOf(fdi));
    const cusps = morph.cusps;
    const [cx, cy] =
      jaw === "upper" ? [cusps[0]!.x, cusps[0]!.y] : [(cusps[0]!.x + cusps[1]!.x) / 2, (cusps[0]!.y + cusps[1]!.y) / 2];
    const local = [(cx * morph.occlusalTable[0] * d.mdCrown) / 2, (cy * morph.occlusalTable[1] * d.blCrown) / 2, d.crownLength];
    points.push(applied(toHead, applied(pose.transform, local)));
  }
  if (points.length === 0) return null;
  return [0, 1, 2].map((k) => points.reduce((sum, p) => sum + (p[k] as number), 0) / points.length);
}

/** Overjet (y) and the incisal edges' heights of the central incisors, head frame; null without all four centrals. */
function incisorEdges(
  upper: ArrangedArch,
  lower: ArrangedArch,
  dims: Map<Fdi, ToothDimensions>,
  upperToHead: Mat4,
  lowerToHead: Mat4,
): { upperEdgeZ: number; lowerEdgeZ: number; overjet: number } | null {
  const edge = (arranged: ArrangedArch, toHead: Mat4, fdi: number) => {
    const pose = arranged.layout.teeth.find((t) => t.fdi === fdi);
    if (!pose) return null;
    return applied(toHead, applied(pose.transform, [0, 0, dims.get(fdi)!.crownLength]));
  };
  const u = [edge(upper, upperToHead, 11), edge(upper, upperToHead, 21)];
  const l = [edge(lower, lowerToHead, 31), edge(lower, lowerToHead, 41)];
  if (u.some((p) => p === null) || l.some((p) => p === null)) return null;
  const upperEdgeZ = ((u[0]![2] as number) + (u[1]![2] as number)) / 2;
  const upperEdgeY = ((u[0]![1] as number) + (u[1]![1] as number)) / 2;
  const lowerEdgeZ = ((l[0]![2] as number) + (l[1]![2] as number)) / 2;
  // The lower centrals' labial surface at the height of the upper edges: the most anterior surface point within
  // 0.4 mm of that height and 1 mm of the midline plane of each tooth.
  let labialY = -Infinity;
  for (const fdi of [31, 41]) {
    const points = lower.surfaces.get(fdi);
    if (!points) continue;
    const pose = lower.layout.teeth.find((t) => t.fdi === fdi)!;
    const axis = applied(lowerToHead, applied(pose.transform, [0, 0, 0]));
    for (let i = 0; i < points.length; i += 3) {
      const p = applied(lowerToHead, [points[i] as number, points[i + 1] as number, points[i + 2] as number]);
      if (Math.abs((p[2] as number) - upperEdgeZ) > 0.4 || Math.abs((p[0] as number) - (axis[0] as number)) > 1) continue;
      labialY = Math.max(labialY, p[1] as number);
    }
  }
  if (labialY === -Infinity) return null;
  return { upperEdgeZ, lowerEdgeZ, overjet: upperEdgeY - labialY };
}

/** Surface points of the selected teeth moved into the head frame. */
function headPoints(arranged: ArrangedArch, toHead: Mat4, keep: (fdi: Fdi) => boolean): Float64Array {
  const parts: Float64Array[] = [];
  for (const [fdi, points] of arranged.surfaces) if (keep(fdi)) parts.push(points);
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i += 3) applyMat4(toHead, part[i] as number, part[i + 1] as number, part[i + 2] as number, out, at + i);
    at += part.length;
  }
  return out;
}

function meanOf(layout: ArchLayout, fdis: number[], f: (transform: Mat4) => number): number | null {
  const values = fdis.flatMap((fdi) => {
    const pose = layout.teeth.find((t) => t.fdi === fdi);
    return pose ? [f(pose.transform)] : [];
  });
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

const identity = (): Mat4 => mat4FromBasis([1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 0]);

/** m·p for a point p. */
function applied(m: Mat4, p: readonly number[]): number[] {
  const out = [0, 0, 0];
  applyMat4(m, p[0] as number, p[1] as number, p[2] as number, out);
  return out;
}

/** The linear part of m applied to a direction, normalised. */
function direction(m: Mat4, v: readonly number[]): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  for (let r = 0; r < 3; r++) out[r] = (m[r] as number) * (v[0] as number) + (m[4 + r] as number) * (v[1] as number) + (m[8 + r] as number) * (v[2] as number);
  const n = Math.hypot(...out);
  return [out[0] / n, out[1] / n, out[2] / n];
}

function multiply(a: Mat4, b: Mat4): Mat4 {
  const out = new Float64Array(16);
  for (let c = 0; c < 4; c++) {
    for (let r = 0; r < 4; r++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += (a[4 * k + r] as number) * (b[4 * c + k] as number);
      out[4 * c + r] = sum;
    }
  }
  return out;
}

function determinant3(m: Mat4): number {
  const e = (r: number, c: number) => m[4 * c + r] as number;
  return (
    e(0, 0) * (e(1, 1) * e(2, 2) - e(1, 2) * e(2, 1)) - e(0, 1) * (e(1, 0) * e(2, 2) - e(1, 2) * e(2, 0)) + e(0, 2) * (e(1, 0) * e(2, 1) - e(1, 1) * e(2, 0))
  );
}
