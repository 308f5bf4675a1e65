/**
 * Places crowns along a dental arch: each tooth spans a chord of the arch curve between its contact points,
 * tipped and inclined per Andrews' keys, with its cusp tips / incisal edge on the occlusal plane (bent by the
 * curve of Spee), and slid along the arch until it touches its mesial neighbour.
 *
 * Tooth frame (the tooth helper's, generators/meshes/tooth/tooth-shape.ts): +x mesial, +y buccal (labial),
 * +z occlusal along the long axis, z = 0 at the facial CEJ. The arch frame is described in arch-form.ts.
 * A crown's frame is right-handed in quadrants 1 and 3 and mirrored in quadrants 2 and 4; mirrored transforms
 * reverse the triangle winding so every placed mesh stays counter-clockwise from outside.
 *
 * Missing teeth keep their space (the neighbours do not drift), reduced by `gapClosure` (0 without variation,
 * a draw in [0, 0.3) with it, a stand-in for drift and tipping into the gap [A]).
 */
import type { Rng } from "../../../core/rng.js";
import { archOf, isFdi, positionOf, toothTypeOf } from "../../patient/dentition.js";
import type { Arch, Fdi, ToothType } from "../../patient/types.js";
import type { TriMesh } from "../geometry/tri-mesh.js";
import { WHEELER } from "../tooth/wheeler-table.js";
import { ArchCurve } from "./arch-curve.js";
import { fitArchForm, meanMolarCentreWidth, sampleMolarCentreWidth, type ArchForm } from "./arch-form.js";
import { ANDREWS_CROWN_ANGLES } from "./crown-angles.js";
import { mat4FromBasis, transformMesh, type Mat4 } from "./mat4.js";

/** One present tooth to place. */
export interface CrownInput {
  fdi: Fdi;
  /** Closed crown (or whole-tooth) mesh in the tooth frame. */
  crown: TriMesh;
  /**
   * Mesiodistal width: the chord between the contact points. Default: the crown's extent along its mesiodistal
   * axis after angulation and inclination, so neighbours touch whatever the mesh.
   */
  width?: number;
}

export interface PlaceTeethOptions {
  /** Draw the arch width, curve of Spee, rotations, displacements and gap closure (default true). */
  variation?: boolean;
  /** Patient tooth-size factor, for the nominal width of missing teeth (default 1). */
  patientScale?: number;
  /** Distance between the first molars' crown centres, mm (default: drawn, or the mean without variation). */
  molarCentreWidth?: number;
  /** Depth of the curve of Spee, mm (default: drawn, or 1 without variation). */
  curveOfSpee?: number;
  /**
   * Height of the gingival margin above the facial CEJ in the tooth frame, mm (default 0.7: the healthy sulcus
   * depth 0.69 mm of Gargiulo, Wentz & Orban, J Periodontol 1961 [T], with the attachment at the CEJ).
   */
  marginHeight?: number;
}

/** A tooth in the arch. */
export interface PlacedTooth {
  fdi: Fdi;
  type: ToothType;
  /** Tooth frame → arch frame, column-major 4×4 (see mat4.ts). */
  transform: Mat4;
  /** The transform mirrors (quadrants 2 and 4). */
  mirrored: boolean;
  /** The crown in the arch frame. */
  mesh: TriMesh;
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

export interface ArchPlacement {
  jaw: Arch;
  form: ArchForm;
  curve: ArchCurve;
  /** Depth of the curve of Spee used, mm. */
  curveOfSpee: number;
  /** Placed teeth, quadrant by quadrant in FDI order (upper 11-18, 21-28; lower 31-38, 41-48). */
  teeth: PlacedTooth[];
  spaces: ToothSpace[];
  /** Occlusal height (z of the cusp tips) at an arc position, mm. */
  occlusalZ(s: number): number;
}

/** SDs of the per-tooth variation [U: tunable defaults, no published figure here]. */
const ROTATION_SD_DEG = 3;
const ANGLE_SD_DEG = 2;
const DISPLACEMENT_SD_MM = 0.25;
const SPEE_MEAN_MM = 1; // Andrews key VI: flat to mildly curved, at most 1.5 mm [V, definition]
const SPEE_SD_MM = 0.4;

const DEG = Math.PI / 180;

/** Side of the arch a quadrant lies on: +1 for +x (see arch-form.ts for the frame). */
export function sideOfQuadrant(quadrant: number): 1 | -1 {
  return quadrant === 2 || quadrant === 4 ? 1 : -1;
}

/**
 * Places the given crowns of one jaw. Pure in its inputs: the same crowns, Rng state and options give the same
 * bytes. The Rng is forked per concern ("arch", "spee", "spaces", "tooth-<fdi>").
 *
 * @example
 * const placement = placeTeeth("lower", crowns, rng.fork("arch-lower"));
 * placement.teeth[0].transform; // 4×4, column-major
 */
export function placeTeeth(jaw: Arch, crowns: readonly CrownInput[], rng: Rng, options: PlaceTeethOptions = {}): ArchPlacement {
  const variation = options.variation ?? true;
  const patientScale = options.patientScale ?? 1;
  const marginHeight = options.marginHeight ?? 0.7;
  const byFdi = new Map<Fdi, CrownInput>();
  for (const c of crowns) {
    if (!isFdi(c.fdi) || archOf(c.fdi) !== jaw) throw new RangeError(`invalid fdi for the ${jaw} jaw: ${c.fdi}`);
    if (byFdi.has(c.fdi)) throw new RangeError(`duplicate fdi: ${c.fdi}`);
    if (c.width !== undefined && !(c.width > 0)) throw new RangeError(`invalid width of ${c.fdi}: ${c.width}`);
    byFdi.set(c.fdi, c);
  }
  const quadrants = jaw === "upper" ? [1, 2] : [3, 4];

  // Pose of each crown in its own frame: angles and the rotated vertices, independent of where it goes.
  const posed = new Map<Fdi, Posed>();
  for (const fdi of [...byFdi.keys()].sort((a, b) => a - b)) {
    posed.set(fdi, pose(byFdi.get(fdi) as CrownInput, jaw, marginHeight, variation ? rng.fork(`tooth-${fdi}`) : null));
  }
  const nominal = (fdi: Fdi) => WHEELER[jaw][toothTypeOf(fdi)].mdCrown * patientScale;
  const widthAt = (fdi: Fdi) => posed.get(fdi)?.width ?? nominal(fdi);

  // Fit the arch to the mean left/right widths of positions 1-7.
  const halfWidths = [1, 2, 3, 4, 5, 6, 7].map((p) => (widthAt(quadrants[0]! * 10 + p) + widthAt(quadrants[1]! * 10 + p)) / 2);
  const molarCentreWidth = options.molarCentreWidth ?? (variation ? sampleMolarCentreWidth(jaw, rng.fork("arch")) : meanMolarCentreWidth(jaw));
  const form = fitArchForm(jaw, halfWidths, molarCentreWidth);
  const curve = new ArchCurve(form);

  const curveOfSpee =
    options.curveOfSpee ?? (variation ? rng.fork("spee").truncatedNormal(SPEE_MEAN_MM, SPEE_SD_MM, 0, 2.5) : SPEE_MEAN_MM);
  // The curve of Spee dips from the canine cusp to the distal of the second molars (a half sine). In the lower
  // jaw the premolars sit lower (−z); the upper compensating curve meets them, which is +z in the upper frame.
  const canineTip = halfWidths[0]! + halfWidths[1]! + halfWidths[2]! / 2;
  const speeEnd = curve.halfLength;
  const speeSign = jaw === "lower" ? -1 : 1;
  const occlusalZ = (s: number) => {
    const t = (Math.abs(s) - canineTip) / (speeEnd - canineTip);
    return t <= 0 || t >= 1 ? 0 : speeSign * curveOfSpee * Math.sin(Math.PI * t);
  };

  const spacesRng = rng.fork("spaces");
  const teeth: PlacedTooth[] = [];
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
      const gap = gapAlong(pa.mesh, pb.mesh, [-sideA, 0, 0], [0, 1, 0]);
      if (gap === null || Math.abs(gap) < 0.005) break;
      midlineGap -= gap / 2;
    }
  }
  for (const quadrant of quadrants) {
    const side = sideOfQuadrant(quadrant);
    let cursor = side * midlineGap;
    let previous: { mesh: TriMesh } | null = null;
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
        for (let i = 0; i < 6; i++) {
          const gap = gapAlong(previous.mesh, placed.mesh, placed.distal, placed.buccal);
          if (gap === null || Math.abs(gap) < 0.005) break;
          start -= side * gap;
          placed = placeAt(p, curve, start, side, occlusalZ);
        }
      }
      const tooth: PlacedTooth = {
        fdi,
        type: toothTypeOf(fdi),
        transform: placed.transform,
        mirrored: placed.mirrored,
        mesh: placed.mesh,
        arcMesial: start,
        arcDistal: placed.arcDistal,
        width: p.width,
        angulation: p.angulation,
        inclination: p.inclination,
        rotation: p.rotation,
        marginHeight,
        halfThickness: p.halfThickness,
      };
      teeth.push(tooth);
      previous = { mesh: placed.mesh };
      cursor = placed.arcDistal;
    }
  }
  teeth.sort((a, b) => a.fdi - b.fdi);
  spaces.sort((a, b) => a.fdi - b.fdi);
  return { jaw, form, curve, curveOfSpee, teeth, spaces, occlusalZ };
}

/** A crown turned by its angles in its own frame (before it is put on the arch). */
interface Posed {
  /** Rotation in the tooth frame, columns = images of the local axes. */
  rx: [number, number, number];
  ry: [number, number, number];
  rz: [number, number, number];
  /** Rotated vertices. */
  rotated: Float64Array;
  crown: TriMesh;
  width: number;
  /** Largest x (mesial extreme) and z (cusp tips) of the rotated crown. */
  mesialX: number;
  topZ: number;
  /** Buccal (y) coordinate of the rotated axis point at mid crown, plus the drawn displacement. */
  axisY: number;
  angulation: number;
  inclination: number;
  rotation: number;
  halfThickness: number;
}

function pose(input: CrownInput, jaw: Arch, marginHeight: number, rng: Rng | null): Posed {
  const type = toothTypeOf(input.fdi);
  const target = ANDREWS_CROWN_ANGLES[jaw][type];
  const p = input.crown.positions;
  let topLocal = -Infinity;
  for (let i = 2; i < p.length; i += 3) topLocal = Math.max(topLocal, p[i] as number);
  const facial = facialInclination(input.crown, marginHeight);
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
  const rotated = new Float64Array(p.length);
  let minX = Infinity;
  let maxX = -Infinity;
  let topZ = -Infinity;
  for (let i = 0; i < p.length; i += 3) {
    const x = p[i] as number;
    const y = p[i + 1] as number;
    const z = p[i + 2] as number;
    for (let k = 0; k < 3; k++) rotated[i + k] = (R[k] as number) * x + (R[3 + k] as number) * y + (R[6 + k] as number) * z;
    minX = Math.min(minX, rotated[i] as number);
    maxX = Math.max(maxX, rotated[i] as number);
    topZ = Math.max(topZ, rotated[i + 2] as number);
  }
  const midZ = (marginHeight + topLocal) / 2;
  const axisY = (R[7] as number) * midZ;
  let halfThickness = 0;
  for (let i = 0; i < p.length; i += 3) {
    if ((p[i + 2] as number) >= marginHeight) halfThickness = Math.max(halfThickness, Math.abs((rotated[i + 1] as number) - axisY));
  }
  return {
    rx: [R[0] as number, R[1] as number, R[2] as number],
    ry: [R[3] as number, R[4] as number, R[5] as number],
    rz: [R[6] as number, R[7] as number, R[8] as number],
    rotated,
    crown: input.crown,
    width: input.width ?? maxX - minX,
    mesialX: maxX,
    topZ,
    axisY: axisY - displacement,
    angulation,
    inclination: inclination + facial,
    rotation,
    halfThickness,
  };
}

interface Placed {
  transform: Mat4;
  mirrored: boolean;
  mesh: TriMesh;
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
  return { transform, mirrored, mesh: transformMesh(p.crown, transform), arcDistal, distal: [-mesial[0], -mesial[1], 0], buccal };
}

/**
 * Signed clearance between two crowns along `dir` (from a toward b): over a 0.35 mm grid of the plane normal
 * to `dir`, the smallest (min of b) − (max of a) among cells both crowns' vertices fall in. Negative = overlap.
 * Null when their silhouettes share no cell.
 */
export function gapAlong(a: TriMesh, b: TriMesh, dir: readonly number[], side: readonly number[]): number | null {
  const cell = 0.35;
  const up = [dir[1]! * side[2]! - dir[2]! * side[1]!, dir[2]! * side[0]! - dir[0]! * side[2]!, dir[0]! * side[1]! - dir[1]! * side[0]!];
  const key = (p: Float32Array, i: number) => {
    const x = p[i] as number, y = p[i + 1] as number, z = p[i + 2] as number;
    const u = Math.floor((x * side[0]! + y * side[1]! + z * side[2]!) / cell);
    const v = Math.floor((x * up[0]! + y * up[1]! + z * up[2]!) / cell);
    return u * 100003 + v;
  };
  const dot = (p: Float32Array, i: number) => (p[i] as number) * dir[0]! + (p[i + 1] as number) * dir[1]! + (p[i + 2] as number) * dir[2]!;
  const aMax = new Map<number, number>();
  for (let i = 0; i < a.positions.length; i += 3) {
    const k = key(a.positions, i);
    const d = dot(a.positions, i);
    if (!(d <= (aMax.get(k) ?? -Infinity))) aMax.set(k, d);
  }
  let gap: number | null = null;
  for (let i = 0; i < b.positions.length; i += 3) {
    const am = aMax.get(key(b.positions, i));
    if (am === undefined) continue;
    const g = dot(b.positions, i) - am;
    if (gap === null || g < gap) gap = g;
  }
  return gap;
}

/**
 * Inclination of the crown's own facial tangent at mid clinical crown, degrees (positive = incisal part
 * labial): the least-squares slope dy/dz of the buccal-most vertices near x = 0 within ±20 % of the crown height
 * around the middle. 0 when the mesh has too few such vertices.
 */
export function facialInclination(crown: TriMesh, marginHeight: number): number {
  const p = crown.positions;
  let top = -Infinity;
  let halfMd = 0;
  for (let i = 0; i < p.length; i += 3) {
    top = Math.max(top, p[i + 2] as number);
    halfMd = Math.max(halfMd, Math.abs(p[i] as number));
  }
  const mid = (marginHeight + top) / 2;
  const band = 0.2 * (top - marginHeight);
  let n = 0, sz = 0, sy = 0, szz = 0, szy = 0;
  for (let i = 0; i < p.length; i += 3) {
    const x = p[i] as number, y = p[i + 1] as number, z = p[i + 2] as number;
    if (y <= 0 || Math.abs(x) > 0.15 * halfMd || Math.abs(z - mid) > band) continue;
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

