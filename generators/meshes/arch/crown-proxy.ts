/**
 * A cheap stand-in for a tooth's outer surface, built from its dimensions alone: a cloud of about 1,000 surface
 * points in the tooth frame (tooth-shape.ts: +x mesial, +y buccal, +z occlusal, z = 0 at the facial CEJ).
 *
 * Why: placing a patient's teeth must not require their meshes (a radiograph renderer places the whole chart,
 * then renders only the teeth in the beam), and building a ToothShape costs about 1 ms per tooth, mostly its
 * search for the cap's highest point. This file evaluates the same closed-form outline as tooth-shape.ts — the
 * superellipse cross-section whose half-widths ease from the cervix to the contact level and the occlusal table,
 * and the occlusal cap of Gaussian cusps — but samples it sparsely and finds the cap's top from the cusp
 * centres. Where the proxy and a rendered mesh of the same dimensions differ (surface noise of 0.04 mm, the exact
 * cap maximum, the root lobes) is well inside the contact tolerance; a test places rendered meshes with the
 * proxy's placement and checks their contacts, so a change of the tooth shape that breaks the match shows up.
 * The roots are one tapered root per tooth, enough for the neighbour search.
 */
import { archOf, toothTypeOf } from "../../patient/dentition.js";
import type { Fdi } from "../../patient/types.js";
import type { ToothDimensions } from "../tooth/sample-tooth-dimensions.js";
import { morphologyOf, type OcclusalBump, type ToothMorphology } from "../tooth/tooth-morphology.js";

/**
 * Sampling. Contacts are found near the mesial and distal extremes, so the meridians there are dense (every
 * 5.6°, as renderTooth's 64 at resolution 1) and every third elsewhere; wall rings are 0.35 mm apart from 2.5 mm
 * below the contact level up, 0.8 mm below that. About 1,000 points, a quarter of a millisecond per tooth.
 */
const MERIDIANS = 64;
const CAP_RADII = 6;
const FINE_STEP = 0.35;
const COARSE_STEP = 0.8;
const ROOT_POINTS = 5;

/**
 * Inclination of the proxy's facial tangent at mid clinical crown, degrees (positive = incisal part labial), as
 * facialInclination reads it from a mesh: the slope dy/dz of the labial profile y = b(z) over ±20 % of the
 * clinical crown around its middle, here from the closed form.
 */
export function proxyFacialInclination(fdi: Fdi, dims: ToothDimensions, marginHeight: number): number {
  const outline = new CrownOutline(dims, morphologyOf(archOf(fdi), toothTypeOf(fdi)));
  const mid = (marginHeight + dims.crownLength) / 2;
  const band = 0.2 * (dims.crownLength - marginHeight);
  return (Math.atan((outline.section(mid + band).b - outline.section(mid - band).b) / (2 * band)) * 180) / Math.PI;
}

/**
 * Surface points of the tooth's outer surface (x, y, z triples), from its dimensions.
 *
 * @example
 * const points = crownProxy(36, WHEELER.lower.first_molar);
 */
export function crownProxy(fdi: Fdi, dims: ToothDimensions): Float32Array {
  const arch = archOf(fdi);
  const morph = morphologyOf(arch, toothTypeOf(fdi));
  const outline = new CrownOutline(dims, morph);
  // Wall heights shared by all meridians, so each height's half-widths are computed once.
  const fineFrom = Math.max(0, morph.contactLevel * dims.crownLength - 2.5);
  const levels: number[] = [];
  for (let z = dims.crownLength; z > fineFrom; z -= FINE_STEP) levels.push(z);
  for (let z = fineFrom; z > 0; z -= COARSE_STEP) levels.push(z);
  levels.push(0);
  const sections = levels.map((z) => outline.section(z));
  const out: number[] = [0, 0, outline.capHeight(0, 0)];
  const rootLength = Math.min(...dims.rootLengths);
  for (let m = 0; m < MERIDIANS; m++) {
    const theta = (2 * Math.PI * m) / MERIDIANS;
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    if (Math.abs(s) > 0.56 && m % 3 !== 0) continue;
    const cap: number[] = [];
    for (let j = 0; j <= CAP_RADII; j++) cap.push(outline.capHeight(j / CAP_RADII, theta));
    const rimZ = cap[CAP_RADII] as number;
    const capMin = Math.min(...cap);
    const rimR = outline.radius(c, s, outline.section(rimZ));
    for (let j = 1; j <= CAP_RADII; j++) {
      const u = j / CAP_RADII;
      out.push(u * rimR * c, u * rimR * s, cap[j] as number);
    }
    // The wall below the rim, never narrower than the rim where level with the occlusal surface.
    levels.forEach((z, k) => {
      if (z >= rimZ) return;
      const r = outline.radius(c, s, sections[k] as Section);
      const wall = z >= capMin - 0.3 ? Math.max(r, rimR) : r;
      out.push(wall * c, wall * s, z);
    });
    // One root tapering to its apex, as the tooth generator's single roots do (half-width ∝ u, depth 1 − u^1.5).
    const r0 = outline.radius(c, s, sections[sections.length - 1] as Section);
    for (let j = 1; j <= ROOT_POINTS; j++) {
      const u = 1 - j / (ROOT_POINTS + 1);
      out.push(r0 * u * c, r0 * u * s, -rootLength * (1 - Math.pow(u, 1.5)));
    }
  }
  out.push(0, 0, -rootLength);
  return Float32Array.from(out);
}

/** Half-widths (mesiodistal a, buccolingual b) and superellipse exponent of a cross-section. */
interface Section {
  a: number;
  b: number;
  n: number;
}

/** The closed-form outline of tooth-shape.ts (its private halfWidths and capHeight), without the sampling. */
class CrownOutline {
  private readonly morph: ToothMorphology;
  private readonly dims: ToothDimensions;
  private readonly bumps: readonly OcclusalBump[];
  private readonly capOffset: number;

  constructor(dims: ToothDimensions, morph: ToothMorphology) {
    this.dims = dims;
    this.morph = morph;
    this.bumps = [...morph.cusps, ...morph.relief];
    // The cap is shifted so its highest point is the crown length. Its maximum sits on a cusp, so the cusp
    // centres and a coarse grid find it to within a few micrometres.
    let max = -Infinity;
    const raw = (x: number, y: number) => this.rawCap(x, y);
    for (const b of morph.cusps) max = Math.max(max, raw(b.x, b.y));
    for (let i = 0; i <= 6; i++) {
      for (let k = 0; k < 16; k++) {
        const s = i / 6;
        const t = (2 * Math.PI * k) / 16;
        max = Math.max(max, raw(s * Math.cos(t), s * Math.sin(t)));
      }
    }
    this.capOffset = dims.crownLength - max;
  }

  private rawCap(x: number, y: number): number {
    let h = 0;
    for (const b of this.bumps) h += b.height * Math.exp(-(((x - b.x) / b.sx) ** 2) - ((y - b.y) / b.sy) ** 2);
    const s2 = x * x + y * y;
    return this.dims.crownLength - this.morph.cuspRelief + this.morph.cuspRelief * h - 0.3 * s2 * s2 * s2;
  }

  capHeight(s: number, theta: number): number {
    return this.rawCap(s * Math.cos(theta), s * Math.sin(theta)) + this.capOffset;
  }

  /** The cross-section at height z: tooth-shape.ts's halfWidths. */
  section(z: number): Section {
    const d = this.dims;
    const m = this.morph;
    const top = d.crownLength;
    const aC = d.mdCervix / 2;
    const bC = d.blCervix / 2;
    const aMax = d.mdCrown / 2;
    const bMax = d.blCrown / 2;
    const n = ease(2, m.crownExponent, (z + 1) / 2.5);
    if (z <= 0) return { a: aC * (1 + TRUNK_TAPER * z), b: bC * (1 + TRUNK_TAPER * z), n };
    const zc = m.contactLevel * top;
    const zb = m.contourLevel * top;
    const a = z < zc ? ease(aC, aMax, z / zc) : ease(aMax, m.occlusalTable[0] * aMax, (z - zc) / (top - zc));
    const b = z < zb ? ease(bC, bMax, z / zb) : ease(bMax, m.occlusalTable[1] * bMax, (z - zb) / (top - zb));
    return { a, b, n };
  }

  /** Radius of a section's superellipse in the direction (cos θ, sin θ) = (c, s): tooth-shape.ts's superellipseRadius. */
  radius(c: number, s: number, section: Section): number {
    const x = Math.abs(c) / section.a;
    const y = Math.abs(s) / section.b;
    return Math.pow(Math.pow(x, section.n) + Math.pow(y, section.n), -1 / section.n);
  }
}

/** Cervical narrowing of the root trunk, as in tooth-shape.ts [A there]. */
const TRUNK_TAPER = 0.01;
const ease = (v0: number, v1: number, t: number) => v0 + ((v1 - v0) * (1 - Math.cos(Math.PI * Math.min(1, Math.max(0, t))))) / 2;
