/**
 * Arranges teeth along a dental arch: each tooth spans a chord of the arch curve between its contact points,
 * tipped and inclined per Andrews' keys, with its cusp tips / incisal edge on the occlusal plane (bent by the
 * curve of Spee), and slid along the arch until it touches its mesial neighbour. The teeth are given as point
 * samples of their outer surfaces (a mesh's vertices, or crown-proxy.ts's points from the dimensions alone);
 * place-teeth.ts holds the public entry points.
 *
 * Tooth frame (the tooth helper's, generators/meshes/tooth/tooth-shape.ts): +x mesial, +y buccal (labial),
 * +z occlusal along the long axis, z = 0 at the facial CEJ. The arch frame is described in arch-form.ts.
 * A crown's frame is right-handed in quadrants 1 and 3 and mirrored in quadrants 2 and 4.
 *
 * Speed. Everything a tooth contributes is computed once from its points: the rotation by its angles, its
 * mesial and distal extremes, and the points of its proximal bands (within PROXIMAL_BAND of the mesial and
 * distal extremes). Sliding a tooth into contact then moves only those band points (a few hundred) and compares
 * them on a flat grid (proximal-gap.ts), so a jaw of 14 teeth takes a few milliseconds.
 *
 * Missing teeth keep their space (the neighbours do not drift), reduced by `gapClosure` (0 without variation,
 * a draw in [0, 0.3) with it, a stand-in for drift and tipping into the gap [A]).
 */
import type { Rng } from "../../../core/rng.js";
import { archOf, isFdi, positionOf, toothTypeOf } from "../../patient/dentition.js";
import type { Arch, Fdi, ToothType } from "../../patient/types.js";
import { WHEELER } from "../tooth/wheeler-table.js";
import { ArchCurve } from "./arch-curve.js";
import { fitArchForm, INTERCANINE_WIDTH, meanMolarCentreWidth, sampleArchWidths, walkArch, type ArchForm, type ArchTargets } from "./arch-form.js";
import { ANDREWS_CROWN_ANGLES } from "./crown-angles.js";
import { applyMat4, mat4FromBasis, type Mat4 } from "./mat4.js";
import { proximalGap } from "./proximal-gap.js";

export interface PlaceTeethOptions {
  /** Draw the arch width, curve of Spee, rotations, displacements and gap closure (default true). */
  variation?: boolean;
  /** Patient tooth-size factor, for the nominal width of missing teeth (default 1). */
  patientScale?: number;
  /** Distance between the first molars' crown centres, mm (default: drawn, or the mean without variation). */
  molarCentreWidth?: number;
  /**
   * Distance between the canine cusp tips, mm (default: drawn correlated with the molar width, or the mean
   * without variation; see INTERCANINE_WIDTH in arch-form.ts).
   */
  intercanineWidth?: number;
  /** Depth of the curve of Spee, mm (default: drawn, or 1 without variation). */
  curveOfSpee?: number;
  /**
   * Height of the gingival margin above the facial CEJ in the tooth frame, mm (default 0.7: the healthy sulcus
   * depth 0.69 mm of Gargiulo, Wentz & Orban, J Periodontol 1961 [T], with the attachment at the CEJ).
   */
  marginHeight?: number;
}

/** Options the two-jaw placement (place-dentition.ts) adds to one jaw's arrangement. */
export interface ArrangeOptions extends PlaceTeethOptions {
  /** Replaces the arch's end condition: the first molars' crown centres this far behind the midline, mm. */
  molarDepth?: number;
  /** How far the incisors' edges stand beyond the occlusal plane, mm (canines half as far; default 0). */
  incisalLift?: number;
  /** Use this arch form instead of fitting one (a caller re-arranging the same teeth, e.g. with a new lift). */
  form?: ArchForm;
  /** Which teeth's surface points to return in the arch frame (default none). */
  withSurfaces?: (fdi: Fdi) => boolean;
}

/** A tooth's place in the arch, without geometry. */
export interface ToothPose {
  fdi: Fdi;
  type: ToothType;
  /** Tooth frame → arch frame, column-major 4×4 (see mat4.ts). */
  transform: Mat4;
  /** The transform mirrors (quadrants 2 and 4). */
  mirrored: boolean;
  /** Arc positions of the mesial and distal contacts on the arch curve. */
  arcMesial: number;
  arcDistal: number;
  /** Chord width used, mm. */
  width: number;
  /** Angles applied, degrees: angulation, rotation of the long axis against the frame, rotation about it. */
  angulation: number;
  inclination: number;
  rotation: number;
  /** Gingival margin height in the tooth frame (z), mm. */
  marginHeight: number;
  /** Half the buccolingual thickness of the crown above the margin, measured from the tooth axis, mm. */
  halfThickness: number;
}

/** The space of a missing tooth (positions 1-7 only: a missing third molar leaves no space). */
export interface ToothSpace {
  fdi: Fdi;
  arcMesial: number;
  arcDistal: number;
}

/** One jaw's arrangement without meshes. */
export interface ArchLayout {
  jaw: Arch;
  form: ArchForm;
  curve: ArchCurve;
  /** Depth of the curve of Spee used, mm. */
  curveOfSpee: number;
  /** Placed teeth, in FDI order (upper 11-18, 21-28; lower 31-38, 41-48). */
  teeth: ToothPose[];
  spaces: ToothSpace[];
  /** Occlusal height (z of the cusp tips) at an arc position, mm. */
  occlusalZ(s: number): number;
}

/** One tooth's outer surface as points (x, y, z triples) in the tooth frame. */
export interface ToothSurface {
  fdi: Fdi;
  points: ArrayLike<number>;
  /** Mesiodistal chord width, mm (default: the posed surface's extent along the chord). */
  width?: number;
  /** Inclination of the surface's own facial tangent, degrees (default: read from the points). */
  facialInclination?: number;
}

/** An arrangement, plus each tooth's surface points moved into the arch frame when asked for. */
export interface ArrangedArch {
  layout: ArchLayout;
  surfaces: Map<Fdi, Float64Array>;
}

/** SDs of the per-tooth variation [U: tunable defaults, no published figure here]. */
const ROTATION_SD_DEG = 3;
const ANGLE_SD_DEG = 2;
const DISPLACEMENT_SD_MM = 0.25;
/**
 * Curve of Spee depth. Andrews key VI: flat to mildly curved, at most 1.5 mm [V, definition]; normal-occlusion
 * adults 1.01 mm on average (Freire et al., Braz Dent J 2007;18:253, 30 adults; abstract read [V]). The SD is
 * [U].
 */
const SPEE_MEAN_MM = 1;
const SPEE_SD_MM = 0.4;
/** Canine cusp tip outside the arch curve when no canine is present to measure it, mm [A]. */
const CANINE_TIP_OFFSET = 1;
/** Points within this distance of a posed crown's mesial or distal extreme take part in the contact search [A]. */
const PROXIMAL_BAND = 2.5;

const DEG = Math.PI / 180;

/** Side of the arch a quadrant lies on: +1 for +x (see arch-form.ts for the frame). */
export function sideOfQuadrant(quadrant: number): 1 | -1 {
  return quadrant === 2 || quadrant === 4 ? 1 : -1;
}

/**
 * Arranges the given teeth of one jaw. Pure in its inputs: the same surfaces, Rng state and options give the
 * same bytes. The Rng is forked per concern ("arch", "spee", "spaces", "tooth-<fdi>").
 */
export function arrangeTeeth(jaw: Arch, teeth: readonly ToothSurface[], rng: Rng, options: ArrangeOptions = {}): ArrangedArch {
  const variation = options.variation ?? true;
  const patientScale = options.patientScale ?? 1;
  const marginHeight = options.marginHeight ?? 0.7;
  const byFdi = new Map<Fdi, ToothSurface>();
  for (const t of teeth) {
    if (!isFdi(t.fdi) || archOf(t.fdi) !== jaw) throw new RangeError(`invalid fdi for the ${jaw} jaw: ${t.fdi}`);
    if (byFdi.has(t.fdi)) throw new RangeError(`duplicate fdi: ${t.fdi}`);
    if (t.width !== undefined && !(t.width > 0)) throw new RangeError(`invalid width of ${t.fdi}: ${t.width}`);
    byFdi.set(t.fdi, t);
  }
  const quadrants = jaw === "upper" ? [1, 2] : [3, 4];

  // Pose of each crown in its own frame: angles and the rotated extremes, independent of where it goes.
  const posed = new Map<Fdi, Posed>();
  for (const fdi of [...byFdi.keys()].sort((a, b) => a - b)) {
    posed.set(fdi, pose(byFdi.get(fdi) as ToothSurface, jaw, marginHeight, variation ? rng.fork(`tooth-${fdi}`) : null));
  }
  const nominal = (fdi: Fdi) => WHEELER[jaw][toothTypeOf(fdi)].mdCrown * patientScale;
  const widthAt = (fdi: Fdi) => posed.get(fdi)?.width ?? nominal(fdi);

  // Fit the arch to the mean left/right widths of positions 1-7.
  const halfWidths = [1, 2, 3, 4, 5, 6, 7].map((p) => (widthAt(quadrants[0]! * 10 + p) + widthAt(quadrants[1]! * 10 + p)) / 2);
  const drawn = variation ? sampleArchWidths(jaw, rng.fork("arch")) : { molarCentreWidth: meanMolarCentreWidth(jaw), intercanineWidth: INTERCANINE_WIDTH[jaw].mean };
  const molarCentreWidth = options.molarCentreWidth ?? drawn.molarCentreWidth;
  const intercanineWidth = options.intercanineWidth ?? drawn.intercanineWidth;
  // The arch runs through the crowns' centres at mid crown; a canine's cusp tip stands `tipOffset` outside that
  // (its crown is inclined labially), so the centres are fitted to the cusp-tip width less that offset, taken
  // along the arch's outward normal at the canine (found from a first fit).
  const canines = quadrants.map((q) => posed.get(q * 10 + 3)).filter((p): p is Posed => p !== undefined);
  const tipOffset = canines.length === 0 ? CANINE_TIP_OFFSET : canines.reduce((sum, p) => sum + p.tipBuccal, 0) / canines.length;
  const fit = (normalX: number) => {
    const targets: ArchTargets = {
      molarCentreWidth,
      canineCentreWidth: intercanineWidth - 2 * tipOffset * normalX,
      ...(options.molarDepth === undefined ? {} : { molarDepth: options.molarDepth }),
    };
    return fitArchForm(jaw, halfWidths, targets);
  };
  let form = options.form ?? fit(0.8);
  for (let i = 0; i < (options.form ? 0 : 2); i++) {
    const walk = walkArch(form, halfWidths);
    const mid = walk.curve.point(((walk.contacts[2] as number) + (walk.contacts[3] as number)) / 2);
    form = fit(Math.abs(mid.ty));
  }
  const curve = new ArchCurve(form);

  const curveOfSpee =
    options.curveOfSpee ?? (variation ? rng.fork("spee").truncatedNormal(SPEE_MEAN_MM, SPEE_SD_MM, 0, 2.5) : SPEE_MEAN_MM);
  // The curve of Spee dips from the canine cusp to the distal of the second molars (a half sine). In the lower
  // jaw the premolars sit lower (−z); the upper compensating curve meets them, which is +z in the upper frame.
  const canineTip = halfWidths[0]! + halfWidths[1]! + halfWidths[2]! / 2;
  const speeEnd = curve.halfLength;
  const speeSign = jaw === "lower" ? -1 : 1;
  const lift = options.incisalLift ?? 0;
  const incisorsEnd = halfWidths[0]! + halfWidths[1]!;
  const occlusalZ = (s: number) => {
    const a = Math.abs(s);
    // The incisal lift: full over the incisors, easing to nothing across the canine.
    const anterior = a <= incisorsEnd ? lift : a >= incisorsEnd + halfWidths[2]! ? 0 : lift * (1 - (a - incisorsEnd) / halfWidths[2]!);
    const t = (a - canineTip) / (speeEnd - canineTip);
    return anterior + (t <= 0 || t >= 1 ? 0 : speeSign * curveOfSpee * Math.sin(Math.PI * t));
  };

  const spacesRng = rng.fork("spaces");
  const poses: ToothPose[] = [];
  const spaces: ToothSpace[] = [];
  // Central incisors first, moved apart symmetrically until they touch, so the midline stays at x = 0.
  const centrals = quadrants.map((q) => posed.get(q * 10 + 1));
  let midlineGap = 0;
  if (centrals[0] && centrals[1]) {
    const [a, b] = centrals as [Posed, Posed];
    const sideA = sideOfQuadrant(quadrants[0]!);
    for (let i = 0; i < 8; i++) {
      const pa = placeAt(a, curve, sideA * midlineGap, sideA, occlusalZ);
      const pb = placeAt(b, curve, -sideA * midlineGap, -sideA as 1 | -1, occlusalZ);
      const gap = proximalGap(moved(a.mesialBand, pa.transform), moved(b.mesialBand, pb.transform), [-sideA, 0, 0], [0, 1, 0]);
      if (gap === null || Math.abs(gap) < 0.005) break;
      midlineGap -= gap / 2;
    }
  }
  const placedTransforms = new Map<Fdi, Mat4>();
  for (const quadrant of quadrants) {
    const side = sideOfQuadrant(quadrant);
    let cursor = side * midlineGap;
    let previous: Float64Array | null = null;
    for (let position = 1; position <= 8; position++) {
      const fdi = quadrant * 10 + position;
      const p = posed.get(fdi);
      if (!p) {
        if (position <= 7) {
          const closure = variation ? spacesRng.uniform(0, 0.3) : 0;
          const end = curve.walk(cursor, nominal(fdi) * (1 - closure), side);
          spaces.push({ fdi, arcMesial: cursor, arcDistal: end });
          cursor = end;
        }
        previous = null;
        continue;
      }
      let start = cursor;
      let placed = placeAt(p, curve, start, side, occlusalZ);
      if (previous) {
        // Slide along the arch until the crown touches its mesial neighbour (a few fixed-point steps).
        for (let i = 0; i < 8; i++) {
          const gap = proximalGap(previous, moved(p.mesialBand, placed.transform), placed.distal, placed.buccal);
          if (gap === null || Math.abs(gap) < 0.005) break;
          start -= side * gap;
          placed = placeAt(p, curve, start, side, occlusalZ);
        }
      }
      poses.push({
        fdi,
        type: toothTypeOf(fdi),
        transform: placed.transform,
        mirrored: placed.mirrored,
        arcMesial: start,
        arcDistal: placed.arcDistal,
        width: p.width,
        angulation: p.angulation,
        inclination: p.inclination,
        rotation: p.rotation,
        marginHeight,
        halfThickness: p.halfThickness,
      });
      placedTransforms.set(fdi, placed.transform);
      previous = moved(p.distalBand, placed.transform);
      cursor = placed.arcDistal;
    }
  }
  poses.sort((a, b) => a.fdi - b.fdi);
  spaces.sort((a, b) => a.fdi - b.fdi);
  const surfaces = new Map<Fdi, Float64Array>();
  const keep = options.withSurfaces;
  if (keep) for (const [fdi, transform] of placedTransforms) if (keep(fdi)) surfaces.set(fdi, moved(posed.get(fdi)!.points, transform));
  return { layout: { jaw, form, curve, curveOfSpee, teeth: poses, spaces, occlusalZ }, surfaces };
}

/** A tooth turned by its angles in its own frame (before it is put on the arch). */
interface Posed {
  /** Rotation in the tooth frame, columns = images of the local axes. */
  rx: [number, number, number];
  ry: [number, number, number];
  rz: [number, number, number];
  /** All surface points, and those of the proximal bands, in the tooth frame (unrotated). */
  points: ArrayLike<number>;
  mesialBand: Float64Array;
  distalBand: Float64Array;
  width: number;
  /** Largest x (mesial extreme) and z (cusp tips) of the rotated surface. */
  mesialX: number;
  topZ: number;
  /** Buccal (y) coordinate of the rotated axis point at mid crown, plus the drawn displacement. */
  axisY: number;
  /** Buccal distance of the rotated cusp tip (axis top) from the chord line the axis is put on, mm. */
  tipBuccal: number;
  angulation: number;
  inclination: number;
  rotation: number;
  halfThickness: number;
}

function pose(input: ToothSurface, jaw: Arch, marginHeight: number, rng: Rng | null): Posed {
  const type = toothTypeOf(input.fdi);
  const target = ANDREWS_CROWN_ANGLES[jaw][type];
  const p = input.points;
  let topLocal = -Infinity;
  for (let i = 2; i < p.length; i += 3) topLocal = Math.max(topLocal, p[i] as number);
  const facial = input.facialInclination ?? facialInclinationOfPoints(p, marginHeight);
  const anterior = positionOf(input.fdi) <= 3;
  const angulation = target.angulation + (rng ? rng.normal(0, ANGLE_SD_DEG) : 0);
  // Andrews measures the tangent to the facial surface, not the long axis: tilt the crown by what its own
  // facial tangent lacks.
  const inclination = target.inclination - facial + (rng ? rng.normal(0, ANGLE_SD_DEG) : 0);
  const rotation = rng ? rng.normal(0, anterior ? 1.5 * ROTATION_SD_DEG : ROTATION_SD_DEG) : 0;
  const displacement = rng ? rng.normal(0, DISPLACEMENT_SD_MM) : 0;
  // R = Rz(rotation) · Ry(angulation) · Rx(−inclination): Ry(+) moves the crown tip toward +x (mesial),
  // Rx(−) toward +y (buccal).
  const R = mul3(rotZ(rotation * DEG), mul3(rotY(angulation * DEG), rotX(-inclination * DEG)));
  const n = p.length / 3;
  const rotatedX = new Float64Array(n);
  const rotatedY = new Float64Array(n);
  let minX = Infinity;
  let maxX = -Infinity;
  let topZ = -Infinity;
  for (let v = 0; v < n; v++) {
    const x = p[3 * v] as number;
    const y = p[3 * v + 1] as number;
    const z = p[3 * v + 2] as number;
    const rx = (R[0] as number) * x + (R[3] as number) * y + (R[6] as number) * z;
    const ry = (R[1] as number) * x + (R[4] as number) * y + (R[7] as number) * z;
    const rz = (R[2] as number) * x + (R[5] as number) * y + (R[8] as number) * z;
    rotatedX[v] = rx;
    rotatedY[v] = ry;
    // The chord spans the crown's contacts: extremes of the crown (above the facial CEJ), not of a root that a
    // tipped tooth pushes past them. Roots still take part in the contact search through the bands.
    if (z >= 0) {
      if (rx < minX) minX = rx;
      if (rx > maxX) maxX = rx;
    }
    if (rz > topZ) topZ = rz;
  }
  if (!(maxX > minX)) throw new RangeError(`tooth ${input.fdi} has no crown points above z = 0`);
  const midZ = (marginHeight + topLocal) / 2;
  const axisY = (R[7] as number) * midZ;
  let halfThickness = 0;
  const mesial: number[] = [];
  const distal: number[] = [];
  for (let v = 0; v < n; v++) {
    if ((p[3 * v + 2] as number) >= marginHeight) halfThickness = Math.max(halfThickness, Math.abs((rotatedY[v] as number) - axisY));
    const rx = rotatedX[v] as number;
    if (rx >= maxX - PROXIMAL_BAND) mesial.push(p[3 * v] as number, p[3 * v + 1] as number, p[3 * v + 2] as number);
    if (rx <= minX + PROXIMAL_BAND) distal.push(p[3 * v] as number, p[3 * v + 1] as number, p[3 * v + 2] as number);
  }
  return {
    rx: [R[0] as number, R[1] as number, R[2] as number],
    ry: [R[3] as number, R[4] as number, R[5] as number],
    rz: [R[6] as number, R[7] as number, R[8] as number],
    points: p,
    mesialBand: Float64Array.from(mesial),
    distalBand: Float64Array.from(distal),
    width: input.width ?? maxX - minX,
    mesialX: maxX,
    topZ,
    axisY: axisY - displacement,
    tipBuccal: (R[7] as number) * topLocal - (axisY - displacement),
    angulation,
    inclination: inclination + facial,
    rotation,
    halfThickness,
  };
}

/** Points moved by a transform. */
function moved(points: ArrayLike<number>, m: Mat4): Float64Array {
  const out = new Float64Array(points.length);
  for (let i = 0; i < points.length; i += 3) applyMat4(m, points[i] as number, points[i + 1] as number, points[i + 2] as number, out, i);
  return out;
}

interface Placed {
  transform: Mat4;
  mirrored: boolean;
  arcDistal: number;
  /** Unit distal and buccal directions of the tooth's chord frame (horizontal). */
  distal: [number, number, number];
  buccal: [number, number, number];
}

/** Puts a posed crown on the chord that starts at arc position `start` and runs distally (direction `side`). */
function placeAt(p: Posed, curve: ArchCurve, start: number, side: 1 | -1, occlusalZ: (s: number) => number): Placed {
  const arcDistal = curve.walk(start, p.width, side);
  const m = curve.point(start);
  const d = curve.point(arcDistal);
  const len = Math.hypot(m.x - d.x, m.y - d.y);
  const mesial: [number, number, number] = [(m.x - d.x) / len, (m.y - d.y) / len, 0];
  // The chord direction toward increasing s, turned +90° about z, points out of the arch (buccally).
  const tx = -side * mesial[0];
  const ty = -side * mesial[1];
  const buccal: [number, number, number] = [-ty, tx, 0];
  const up: [number, number, number] = [0, 0, 1];
  const image = (v: readonly number[]) => [0, 1, 2].map((k) => (v[0] as number) * mesial[k]! + (v[1] as number) * buccal[k]! + (v[2] as number) * up[k]!);
  const ex = image(p.rx);
  const ey = image(p.ry);
  const ez = image(p.rz);
  // Mesial extreme on the contact point, tooth axis on the chord, cusp tips on the occlusal plane.
  const alongMesial = m.x * mesial[0] + m.y * mesial[1] - p.mesialX;
  const alongBuccal = m.x * buccal[0] + m.y * buccal[1] - p.axisY;
  const alongUp = occlusalZ((start + arcDistal) / 2) - p.topZ;
  const t = [0, 1, 2].map((k) => alongMesial * mesial[k]! + alongBuccal * buccal[k]! + alongUp * up[k]!);
  const transform = mat4FromBasis(ex, ey, ez, t);
  const mirrored = mesial[0] * buccal[1] - mesial[1] * buccal[0] < 0;
  return { transform, mirrored, arcDistal, distal: [-mesial[0], -mesial[1], 0], buccal };
}

/**
 * Inclination of the crown's own facial tangent at mid clinical crown, degrees (positive = incisal part
 * labial): the least-squares slope dy/dz of the facial profile near x = 0 within ±20 % of the crown height around
 * the middle. The profile is the upper convex hull of the (z, y) points there: the points near x = 0 also include
 * the occlusal surface (cusps, fossa) at those heights, which lie inside the hull and would otherwise drag the
 * slope far lingual (a molar read −66° instead of about −26°, and was tipped 57° buccally). 0 with fewer than
 * two hull points.
 */
export function facialInclinationOfPoints(p: ArrayLike<number>, marginHeight: number): number {
  let top = -Infinity;
  let halfMd = 0;
  for (let i = 0; i < p.length; i += 3) {
    top = Math.max(top, p[i + 2] as number);
    halfMd = Math.max(halfMd, Math.abs(p[i] as number));
  }
  const mid = (marginHeight + top) / 2;
  const band = 0.2 * (top - marginHeight);
  const profile: [number, number][] = [];
  for (let i = 0; i < p.length; i += 3) {
    const x = p[i] as number, y = p[i + 1] as number, z = p[i + 2] as number;
    if (y > 0 && Math.abs(x) <= 0.3 * halfMd && Math.abs(z - mid) <= band) profile.push([z, y]);
  }
  profile.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // Upper hull by the monotone chain: drop a point while it lies on or below the chord of its neighbours.
  const hull: [number, number][] = [];
  for (const q of profile) {
    while (hull.length >= 2) {
      const [a, b] = [hull[hull.length - 2]!, hull[hull.length - 1]!];
      if ((b[0] - a[0]) * (q[1] - a[1]) - (b[1] - a[1]) * (q[0] - a[0]) >= 0) hull.pop();
      else break;
    }
    hull.push(q);
  }
  let n = 0, sz = 0, sy = 0, szz = 0, szy = 0;
  for (const [z, y] of hull) {
    n++;
    sz += z;
    sy += y;
    szz += z * z;
    szy += z * y;
  }
  const det = n * szz - sz * sz;
  if (n < 2 || det < 1e-9) return 0;
  return Math.atan((n * szy - sz * sy) / det) / DEG;
}

type M3 = [number, number, number, number, number, number, number, number, number];
/** Column-major 3×3 rotations about x, y, z. */
const rotX = (a: number): M3 => [1, 0, 0, 0, Math.cos(a), Math.sin(a), 0, -Math.sin(a), Math.cos(a)];
const rotY = (a: number): M3 => [Math.cos(a), 0, -Math.sin(a), 0, 1, 0, Math.sin(a), 0, Math.cos(a)];
const rotZ = (a: number): M3 => [Math.cos(a), Math.sin(a), 0, -Math.sin(a), Math.cos(a), 0, 0, 0, 1];
function mul3(a: M3, b: M3): M3 {
  const out: M3 = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let c = 0; c < 3; c++) {
    for (let r = 0; r < 3; r++) {
      let sum = 0;
      for (let k = 0; k < 3; k++) sum += (a[3 * k + r] as number) * (b[3 * c + k] as number);
      out[3 * c + r] = sum;
    }
  }
  return out;
}
