/**
 * The outer surface of a tooth as functions of the angle θ about its long axis: what every layer's meridian
 * profile is built from.
 *
 * Local frame (mm): z is the long axis, pointing occlusally, with z = 0 at the facial CEJ; x points mesially
 * and y buccally (labially), so θ = 0 is mesial, π/2 buccal, π distal, 3π/2 lingual. Placing the tooth in an
 * arch (and mirroring left and right quadrants) is the caller's job.
 *
 * Every quantity here depends on one θ only, and each layer's surface point at θ lies in the half-plane at
 * angle θ. Half-planes of different θ meet only on the axis, so a layer cannot intersect itself across
 * meridians; it is embedded as soon as each meridian's profile is a simple curve that leaves the axis only at
 * its two poles. The functions below are built so that holds (walls are graphs of z, caps are graphs of r).
 */
import type { Arch } from "../../patient/types.js";
import { angleBetween } from "./angle-between.js";
import { withLingualRelief } from "./lingual-relief.js";
import { MAMELONS, MOLAR_PULP, type OcclusalBump, type ToothMorphology } from "./tooth-morphology.js";
import type { ToothDimensions } from "./sample-tooth-dimensions.js";

/** Smallest enamel / cementum thickness, mm: enamel tapers to ≤ 0.1 mm at the CEJ (dental-domain.md 1.3 [V]).
 * It is also the gap kept between the outer and dentin surfaces on the root, so the two never touch. */
export const MIN_GAP = 0.1;

/** Fraction of the root's outer radius where its inner (furcation-side) wall stands, at the furcation [A]. */
const ROOT_INNER_FRACTION = 0.3;
/** Rise of the furcation roof at the axis above the furcation level, mm [A]. */
export const ROOF_DOME = 0.5;
/** Cervical narrowing of the root trunk below the CEJ, fraction of width per mm [A]. */
const TRUNK_TAPER = 0.01;
/** Bifurcation of the maxillary first premolar at 45 % of the root length below the CEJ [A]: the roots
 * separate in the middle or apical third [T]. */
const PREMOLAR_BIFURCATION = 0.45;
/** Crown length of the maxillary and mandibular first molars (Wheeler, dental-domain.md 1.1), mm. */
const MOLAR_REFERENCE_CROWN = 7.5;

const gauss = (b: OcclusalBump, x: number, y: number) => Math.exp(-(((x - b.x) / b.sx) ** 2) - ((y - b.y) / b.sy) ** 2);
/** Cosine ease from v0 at t = 0 to v1 at t = 1, flat at both ends, monotone in between. */
const ease = (v0: number, v1: number, t: number) => v0 + ((v1 - v0) * (1 - Math.cos(Math.PI * Math.min(1, Math.max(0, t))))) / 2;
const smooth01 = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

export { angleBetween } from "./angle-between.js";

/**
 * Radius of the superellipse |x/a|^n + |y/b|^n = 1 in direction θ, with the mesiodistal half-width a narrowed by
 * the fraction `convergence`·(−sin θ)^1.5 on the lingual side (sin θ < 0): a smooth, continuous change at the
 * mesial and distal ends (sin θ = 0), so the contacts and the mesiodistal width stay Wheeler's.
 */
function superellipseRadius(a: number, b: number, n: number, theta: number, convergence: number): number {
  const sin = Math.sin(theta);
  const aa = convergence > 0 && sin < 0 ? a * (1 - convergence * Math.pow(-sin, 1.5)) : a;
  const c = Math.abs(Math.cos(theta)) / aa;
  const s = Math.abs(sin) / b;
  return Math.pow(Math.pow(c, n) + Math.pow(s, n), -1 / n);
}

/** Root geometry at one angle: depth of the root below the furcation and its lobe weight (1 on a root's centre
 * line, falling to 0 at the edge of its sector). */
export interface RootAt {
  /** Depth of the apex of this meridian's root profile below the furcation level, mm (0 between roots). */
  depth: number;
  /** Full depth of the root this meridian belongs to, mm (0 between roots). */
  lobeDepth: number;
  /** Lobe weight in [0, 1]. */
  weight: number;
}

/**
 * The outer shape of one tooth (dimensions + morphology) as functions of θ and height, plus the enamel
 * thickness and pulp roof that the inner layers are built from. Cheap to construct; holds no geometry.
 */
export class ToothShape {
  readonly dims: ToothDimensions;
  readonly morph: ToothMorphology;
  readonly multiRooted: boolean;
  /** Nominal crown top: cusp tip / incisal edge height above the facial CEJ. */
  readonly zTop: number;
  /** Furcation level (z, ≤ 0); 0 for single-rooted teeth, whose root starts at the CEJ. */
  readonly zFurcation: number;
  /** Pulp ceiling height and chamber floor (z). */
  readonly zPulpCeiling: number;
  readonly zPulpFloor: number;
  private readonly bumps: readonly OcclusalBump[];
  private readonly capOffset: number;
  /** Molar pulp horns scale with the crown like the chamber (below 1 only: on the smallest third molars the
   * full horn came within the thick cusp enamel's dentin of the DEJ). */
  private readonly hornScale: number;

  constructor(dims: ToothDimensions, morph: ToothMorphology, arch: Arch, mamelons: boolean) {
    this.dims = dims;
    this.morph = morph;
    this.multiRooted = morph.roots.length > 1;
    this.zTop = dims.crownLength;
    this.bumps = [...morph.cusps, ...(mamelons && morph.group === "incisor" ? MAMELONS : []), ...morph.relief];
    this.zPulpCeiling = morph.pulp.ceiling * dims.crownLength;
    this.hornScale = morph.group === "molar" ? Math.min(1, dims.crownLength / MOLAR_REFERENCE_CROWN) : 1;
    if (morph.group === "molar") {
      // The chamber was measured on molars of crowns about 7.5 mm long (Wheeler's first molars); smaller or
      // larger crowns scale it proportionally [A].
      const chamber = MOLAR_PULP[arch];
      const scale = dims.crownLength / MOLAR_REFERENCE_CROWN;
      this.zPulpFloor = this.zPulpCeiling - chamber.chamberHeight * scale;
      this.zFurcation = this.zPulpFloor - chamber.floorToFurcation * scale;
    } else {
      this.zPulpFloor = 0;
      this.zFurcation = this.multiRooted ? -PREMOLAR_BIFURCATION * Math.min(...dims.rootLengths) : 0;
    }
    // Shift the occlusal surface so its highest point is exactly the crown length.
    let max = -Infinity;
    this.capOffset = 0;
    for (let i = 0; i <= 40; i++) {
      for (let k = 0; k < 90; k++) {
        const theta = (2 * Math.PI * k) / 90;
        max = Math.max(max, this.capHeight(i / 40, theta));
      }
    }
    this.capOffset = this.zTop - max;
  }

  /** Height of the CEJ at angle θ: 0 on the facial and lingual, raised by Wheeler's curvature proximally. */
  cejHeight(theta: number): number {
    const c = Math.cos(theta);
    return c > 0 ? this.dims.cejCurveMesial * c ** 4 : this.dims.cejCurveDistal * c ** 4;
  }

  /** Mesiodistal and buccolingual half-widths of the cross-section at height z, and its superellipse exponent. */
  private halfWidths(z: number): [number, number, number] {
    const d = this.dims;
    const m = this.morph;
    const aC = d.mdCervix / 2;
    const bC = d.blCervix / 2;
    const aMax = d.mdCrown / 2;
    const bMax = d.blCrown / 2;
    const n = ease(2, m.crownExponent, (z + 1) / 2.5);
    if (z <= 0) return [aC * (1 + TRUNK_TAPER * z), bC * (1 + TRUNK_TAPER * z), n];
    const zc = m.contactLevel * this.zTop;
    const zb = m.contourLevel * this.zTop;
    const a = z < zc ? ease(aC, aMax, z / zc) : ease(aMax, m.occlusalTable[0] * aMax, (z - zc) / (this.zTop - zc));
    const b = z < zb ? ease(bC, bMax, z / zb) : ease(bMax, m.occlusalTable[1] * bMax, (z - zb) / (this.zTop - zb));
    return [a, b, n];
  }

  /** Radius of the crown / trunk cross-section at (θ, z), before the cap-clearance rule: the superellipse,
   * with the lingual fossa, ridges and cingulum carved into the crown of maxillary anterior teeth. */
  private rawWallRadius(theta: number, z: number): number {
    const [a, b, n] = this.halfWidths(z);
    const r = superellipseRadius(a, b, n, theta, this.morph.lingualConvergence);
    const lingual = this.morph.lingual;
    return lingual && z > 0 ? withLingualRelief(lingual, theta, z / this.zTop, r) : r;
  }

  /** Sum of bump Gaussians at normalised occlusal coordinates (X, Y). */
  cuspWeight(x: number, y: number): number {
    let w = 0;
    for (const c of this.morph.cusps) w += c.height * gauss(c, x, y);
    return Math.min(1, w);
  }

  /**
   * Height of the occlusal surface at normalised radius s (0 centre, 1 the occlusal outline) and angle θ:
   * cusps, marginal ridges, grooves and fossae as Gaussian bumps over a base, rolled off toward the outline.
   */
  capHeight(s: number, theta: number): number {
    const x = s * Math.cos(theta);
    const y = s * Math.sin(theta);
    let h = 0;
    for (const b of this.bumps) h += b.height * gauss(b, x, y);
    return this.zTop - this.morph.cuspRelief + this.morph.cuspRelief * h - 0.3 * s ** 6 + this.capOffset;
  }

  /** Height where the axial wall meets the occlusal surface at θ. */
  rimHeight(theta: number): number {
    return this.capHeight(1, theta);
  }

  /** Radius of the occlusal outline at θ. */
  rimRadius(theta: number): number {
    return this.rawWallRadius(theta, this.rimHeight(theta));
  }

  /** Lowest occlusal height along the meridian θ. */
  capMinimum(theta: number): number {
    let min = Infinity;
    for (let i = 0; i <= 40; i++) min = Math.min(min, this.capHeight(i / 40, theta));
    return min;
  }

  /**
   * Radius of the outer axial wall at (θ, z). Where the wall is level with the occlusal surface it is kept at
   * least as wide as the occlusal outline, so the wall and the occlusal surface of one meridian never cross.
   * Above the rim it continues as a vertical cylinder (used only to place the dentin under the cusps).
   */
  wallRadius(theta: number, z: number, capMin: number, rimZ: number, rimR: number): number {
    if (z >= rimZ) return rimR;
    const r = this.rawWallRadius(theta, z);
    return z >= capMin - 0.3 ? Math.max(r, rimR) : r;
  }

  /** Outer radius of the root part at the furcation level (where the root profile starts). */
  furcationRadius(theta: number): number {
    return this.rawWallRadius(theta, this.zFurcation);
  }

  /** Inner radius fraction of multi-root profiles. */
  get rootInnerFraction(): number {
    return ROOT_INNER_FRACTION;
  }

  /**
   * Root depth below the furcation at θ. Single root: its length, everywhere. Multiple roots: each root's sector
   * gets depth L_k·(1 − u²), u the angle from the root's centre over its half-width, so roots narrow toward
   * their apices and the meridians between sectors stay at the furcation (the furcation roof).
   */
  rootAt(theta: number): RootAt {
    const lengths = this.dims.rootLengths;
    if (!this.multiRooted) {
      const depth = lengths[0] ?? 0;
      return { depth, lobeDepth: depth, weight: 1 };
    }
    let best: RootAt = { depth: 0, lobeDepth: 0, weight: 0 };
    this.morph.roots.forEach((root, k) => {
      const u = angleBetween(theta, root.angle) / root.halfWidth;
      if (Math.abs(u) >= 1) return;
      const lobeDepth = (lengths[k] ?? lengths[0] ?? 0) + this.zFurcation;
      const weight = 1 - u * u;
      if (lobeDepth * weight > best.depth) best = { depth: lobeDepth * weight, lobeDepth, weight };
    });
    return best;
  }

  /** Enamel thickness (horizontal) on the axial wall at (θ, z): MIN_GAP up to the CEJ, then axial, then
   * thickening toward the occlusal surface. */
  wallEnamel(theta: number, z: number): number {
    const zc = this.cejHeight(theta);
    if (z <= zc) return MIN_GAP;
    const e = this.morph.enamel;
    // Enamel reaches its axial thickness about 2 mm above the CEJ [A].
    return MIN_GAP + (e.axial - MIN_GAP) * smooth01((z - zc) / 2) + (e.occlusal - e.axial) * smooth01((z - 0.55 * this.zTop) / (0.45 * this.zTop));
  }

  /** Enamel thickness (vertical) of the occlusal surface at normalised (s, θ): thickest over cusp tips. */
  capEnamel(s: number, theta: number): number {
    const e = this.morph.enamel;
    return e.occlusal + (e.cusp - e.occlusal) * this.cuspWeight(s * Math.cos(theta), s * Math.sin(theta));
  }

  /** Pulp roof height at normalised (s, θ): the ceiling plus a horn under each cusp. */
  pulpCapHeight(s: number, theta: number): number {
    const x = s * Math.cos(theta);
    const y = s * Math.sin(theta);
    let h = 0;
    for (const b of this.morph.pulp.horns) h += b.height * gauss(b, x, y);
    return this.zPulpCeiling + this.hornScale * this.morph.pulp.hornHeight * Math.min(1, h);
  }
}
