/**
 * Where each charted surface lies on a tooth's grid: the windows of grid cells that lesions and restorations
 * occupy. One place decides them all, so that the volumes of one tooth never overlap: surfaces M, B, D, L sit on
 * the meridians at 0, 90, 180 and 270 degrees and are never wider than an eighth of the circle, and O is a cap
 * around the top pole that stops short of the axial wall.
 *
 * Clinical placement [T] (dental-domain.md 2.3): proximal lesions start just cervical to the contact point,
 * between it and the CEJ; occlusal ones in the central fossa (the pole of the grid; on anterior teeth the pole
 * lies on the incisal edge); smooth-surface (B, L) lesions on the cervical third. Secondary caries sits at the
 * margin of the restoration it follows: below a proximal box's floor, beside an occlusal filling, above a
 * cervical filling, and below a crown's margin.
 */
import type { Surface } from "../../patient/types.js";
import type { ToothMeshes } from "../tooth/render-tooth.js";
import { capPatch, windowPatch, type GridPatch, type GridWindow } from "./grid-patch.js";
import { gridVertex, meridianAt, toothGridOf, type ToothGrid } from "./tooth-grid.js";
import { length, sub, vertexOf, type Vec3 } from "./vec3.js";

/** Lesion footprints on the outer surface, mm [U]: bitewing lesions are about 1–2 mm across at the contact;
 * nothing more precise was found. Each lesion scales them by its own factor. */
export const LESION_FOOTPRINT = {
  proximal: { halfHeight: 0.8, halfWidth: 1.0 },
  occlusal: { radius: 0.9 },
  smooth: { halfHeight: 0.7, halfWidth: 1.3 },
} as const;
/** The dentin part spreads along the DEJ wider than the enamel part (dental-domain.md 2.3 [V]); by how much is
 * [U]. */
export const DENTIN_SPREAD = 1.6;
/** Height of a proximal lesion's centre between the proximal CEJ (0) and the contact (1) [A]: just cervical to
 * the contact. */
const PROXIMAL_LEVEL = 0.55;
/** Smooth-surface lesions and cervical (class V) fillings: cervical third of the crown [T]. Centre at 20 % of the
 * crown length above the CEJ, kept above 3 % of it [A]. */
const CERVICAL_LEVEL = 0.2;
const CERVICAL_FLOOR = 0.03;

/** Restoration outlines [U]: an occlusal isthmus about a third of the occlusal table across; a proximal box
 * about 45 % of the crown's buccolingual width, its floor 0.8 mm above the proximal CEJ; a cervical filling up
 * to 35 % of the crown length, 60 % of the mesiodistal width across. */
export const FILLING_OUTLINE = {
  occlusalFraction: 0.35,
  proximalBoxWidth: 0.45,
  proximalFloorAboveCej: 0.8,
  cervicalTop: 0.35,
  cervicalBottomMm: 0.5,
  cervicalWidth: 0.6,
} as const;

/** A lesion's two footprints: on the outer surface (enamel part) and, wider, on the DEJ (dentin part). */
export interface LesionPatches {
  enamel: GridPatch;
  dentin: GridPatch;
}

/** What else occupies the tooth, which moves a lesion to the margin of it. */
export interface SiteContext {
  crowned: boolean;
  filledSurfaces: readonly Surface[];
}

const THETA: Readonly<Record<Exclude<Surface, "O">, number>> = { M: 0, B: Math.PI / 2, D: Math.PI, L: (3 * Math.PI) / 2 };

export class ToothSites {
  readonly grid: ToothGrid;
  private readonly outer: Float32Array;
  private readonly dentin: Float32Array;
  /** Widest a window may be on either side of its meridian: an eighth of the circle less one, so windows of
   * neighbouring surfaces keep at least one meridian between them. */
  private readonly maxHalfMeridians: number;
  /** The last ring of a crown preparation (its margin): the lowest ring at or above the facial CEJ level
   * (z = 0) on every meridian. */
  readonly crownMarginRing: number;

  constructor(readonly tooth: ToothMeshes) {
    this.grid = toothGridOf(tooth);
    this.outer = tooth.outer.positions;
    this.dentin = tooth.dentin.positions;
    this.maxHalfMeridians = Math.max(1, Math.floor(this.grid.meridians / 8) - 1);
    let margin = this.grid.rings;
    for (let m = 0; m < this.grid.meridians; m++) margin = Math.min(margin, this.lastRingAbove(m, 0));
    this.crownMarginRing = margin;
  }

  outerAt(ring: number, meridian: number): Vec3 {
    return vertexOf(this.outer, gridVertex(this.grid, ring, meridian));
  }

  dentinAt(ring: number, meridian: number): Vec3 {
    return vertexOf(this.dentin, gridVertex(this.grid, ring, meridian));
  }

  meridianOf(surface: Exclude<Surface, "O">): number {
    return meridianAt(this.grid, THETA[surface]);
  }

  /** Last axial-wall ring on a meridian whose outer surface is at or above height z. */
  lastRingAbove(meridian: number, z: number): number {
    let ring = this.grid.capRings;
    while (ring + 1 < this.grid.rings - 1 && (this.outerAt(ring + 1, meridian)[2] as number) >= z) ring++;
    return ring;
  }

  /** Axial-wall ring on a meridian whose outer surface is nearest height z. */
  wallRingAt(meridian: number, z: number): number {
    let best = this.grid.capRings;
    for (let ring = this.grid.capRings; ring < this.grid.rings - 1; ring++) {
      if (Math.abs(this.outerAt(ring, meridian)[2] - z) < Math.abs(this.outerAt(best, meridian)[2] - z)) best = ring;
    }
    return best;
  }

  /** The widest ring of the crown on a meridian (the contact area on M and D): where a proximal lesion starts. */
  contactRing(meridian: number): number {
    let best = this.grid.capRings - 1;
    for (let ring = best; ring < this.grid.rings - 1; ring++) {
      const p = this.outerAt(ring, meridian);
      if (p[2] <= 0) break;
      const q = this.outerAt(best, meridian);
      if (Math.hypot(p[0], p[1]) > Math.hypot(q[0], q[1])) best = ring;
    }
    return best;
  }

  /** Mean radius of the outer surface's ring (about the long axis). */
  ringRadius(ring: number): number {
    let sum = 0;
    for (let m = 0; m < this.grid.meridians; m++) {
      const p = this.outerAt(ring, m);
      sum += Math.hypot(p[0], p[1]);
    }
    return sum / this.grid.meridians;
  }

  /** The cap of rings around the pole whose mean radius stays within `radius`, at least one ring and at most
   * `capRings − 3` (two rings short of the occlusal outline, which is where proximal boxes start). */
  capRingFor(radius: number): number {
    let ring = 1;
    while (ring + 1 <= this.grid.capRings - 3 && this.ringRadius(ring + 1) <= radius) ring++;
    return ring;
  }

  /**
   * A window around (ringCentre, meridian) spanning about halfHeight mm along the meridian and halfWidth mm
   * across it, clipped to rings [ringMin, ringMax]; never less than one cell each side of its centre.
   */
  window(ringCentre: number, meridian: number, halfHeight: number, halfWidth: number, ringMin: number, ringMax: number): GridWindow {
    const top = Math.max(0, ringCentre - 1);
    const ringStep = length(sub(this.outerAt(top + 1, meridian), this.outerAt(top, meridian)));
    const meridianStep = length(sub(this.outerAt(ringCentre, meridian + 1), this.outerAt(ringCentre, meridian)));
    const halfRings = Math.max(1, Math.round(halfHeight / Math.max(ringStep, 1e-6)));
    const halfMeridians = Math.min(this.maxHalfMeridians, Math.max(1, Math.round(halfWidth / Math.max(meridianStep, 1e-6))));
    const lastRing = this.grid.rings - 2;
    const lo = Math.max(0, Math.min(ringMin, lastRing - 2));
    const hi = Math.min(lastRing, Math.max(ringMax, lo + 2));
    let ring0 = Math.max(lo, ringCentre - halfRings);
    let ring1 = Math.min(hi, ringCentre + halfRings);
    if (ring1 - ring0 < 2) {
      ring1 = Math.min(hi, ring0 + 2);
      ring0 = Math.max(lo, ring1 - 2);
    }
    const ringMid = Math.min(ring1 - 1, Math.max(ring0 + 1, ringCentre));
    return { ring0, ring1, meridian0: meridian - halfMeridians, meridian1: meridian + halfMeridians, ringCentre: ringMid, meridianCentre: meridian };
  }

  // ---- restorations ----

  /** Last ring of an occlusal filling's cap. */
  occlusalFillingRing(): number {
    return this.capRingFor(FILLING_OUTLINE.occlusalFraction * this.ringRadius(this.grid.capRings - 1));
  }

  /** The gingival floor ring of a proximal box. */
  proximalFloorRing(surface: "M" | "D"): number {
    const m = this.meridianOf(surface);
    const cej = surface === "M" ? this.tooth.dimensions.cejCurveMesial : this.tooth.dimensions.cejCurveDistal;
    return Math.max(this.grid.capRings + 1, this.wallRingAt(m, cej + FILLING_OUTLINE.proximalFloorAboveCej));
  }

  /**
   * A filling's window on M, D (a proximal box from the occlusal filling's last ring, or from the marginal ridge
   * when O is not filled, down to its floor) or B, L (a cervical filling).
   */
  fillingWindow(surface: Exclude<Surface, "O">, withOcclusal: boolean): GridWindow {
    const m = this.meridianOf(surface);
    const d = this.tooth.dimensions;
    if (surface === "M" || surface === "D") {
      const ring0 = withOcclusal ? this.occlusalFillingRing() : this.grid.capRings - 1;
      const ring1 = Math.max(ring0 + 2, this.proximalFloorRing(surface));
      const w = this.window(ring0 + 1, m, 0, (FILLING_OUTLINE.proximalBoxWidth * d.blCrown) / 2, ring0, ring1);
      return { ...w, ring0, ring1, ringCentre: Math.round((ring0 + ring1) / 2) };
    }
    const top = this.wallRingAt(m, FILLING_OUTLINE.cervicalTop * d.crownLength);
    const bottom = Math.max(top + 2, this.lastRingAbove(m, FILLING_OUTLINE.cervicalBottomMm));
    const w = this.window(top + 1, m, 0, (FILLING_OUTLINE.cervicalWidth * d.mdCrown) / 2, top, bottom);
    return { ...w, ring0: top, ring1: bottom, ringCentre: Math.round((top + bottom) / 2) };
  }

  // ---- lesions ----

  /**
   * A lesion's enamel and dentin footprints on a surface, `size` times the nominal footprint, at the margin of
   * any restoration of that surface (see the file comment).
   */
  lesionPatches(surface: Surface, context: SiteContext, size: number): LesionPatches {
    const filled = context.filledSurfaces.includes(surface);
    const d = this.tooth.dimensions;
    if (surface === "O") {
      if (!filled) {
        const enamel = this.capRingFor(LESION_FOOTPRINT.occlusal.radius * size);
        const dentin = Math.max(enamel, this.capRingFor(LESION_FOOTPRINT.occlusal.radius * size * DENTIN_SPREAD));
        return { enamel: capPatch(this.grid, enamel), dentin: capPatch(this.grid, dentin) };
      }
      // Beside an occlusal filling, toward the buccal groove.
      const ringMin = this.occlusalFillingRing() + 2;
      return this.windowPair(this.meridianOf("B"), ringMin + 1, ringMin, Math.max(ringMin + 2, this.grid.capRings + 1), LESION_FOOTPRINT.occlusal.radius * size, LESION_FOOTPRINT.occlusal.radius * size);
    }
    const m = this.meridianOf(surface);
    const proximal = surface === "M" || surface === "D";
    const foot = proximal ? LESION_FOOTPRINT.proximal : LESION_FOOTPRINT.smooth;
    const halfHeight = foot.halfHeight * size;
    const halfWidth = foot.halfWidth * size;
    const lastCrownRing = this.lastRingAbove(m, -1.5);
    if (context.crowned) {
      const ringMin = this.crownMarginRing + 2;
      return this.windowPair(m, ringMin + 1, ringMin, lastCrownRing + 2, halfHeight, halfWidth);
    }
    if (proximal && filled) {
      const ringMin = this.proximalFloorRing(surface) + 2;
      return this.windowPair(m, ringMin + 1, ringMin, lastCrownRing + 2, halfHeight, halfWidth);
    }
    if (!proximal && filled) {
      const ringMax = this.fillingWindow(surface, false).ring0 - 2;
      return this.windowPair(m, ringMax - 1, this.grid.capRings, ringMax, halfHeight, halfWidth);
    }
    if (proximal) {
      const cej = surface === "M" ? d.cejCurveMesial : d.cejCurveDistal;
      const contact = this.contactRing(m);
      const zContact = this.outerAt(contact, m)[2];
      const centre = this.wallRingAt(m, cej + PROXIMAL_LEVEL * (zContact - cej));
      return this.windowPair(m, Math.max(contact + 1, centre), contact + 1, this.lastRingAbove(m, cej), halfHeight, halfWidth);
    }
    const centre = this.wallRingAt(m, CERVICAL_LEVEL * d.crownLength);
    return this.windowPair(m, centre, this.grid.capRings, this.lastRingAbove(m, CERVICAL_FLOOR * d.crownLength), halfHeight, halfWidth);
  }

  /** Enamel window and the wider dentin window around the same centre, within the same ring limits. */
  private windowPair(meridian: number, ringCentre: number, ringMin: number, ringMax: number, halfHeight: number, halfWidth: number): LesionPatches {
    const enamel = this.window(ringCentre, meridian, halfHeight, halfWidth, ringMin, ringMax);
    const dentin = this.window(enamel.ringCentre, meridian, halfHeight * DENTIN_SPREAD, halfWidth * DENTIN_SPREAD, ringMin, ringMax);
    // The dentin window contains the enamel one, so a carved cavity (inside the enamel window) stays inside it.
    const both = {
      ...dentin,
      ring0: Math.min(dentin.ring0, enamel.ring0),
      ring1: Math.max(dentin.ring1, enamel.ring1),
      meridian0: Math.min(dentin.meridian0, enamel.meridian0),
      meridian1: Math.max(dentin.meridian1, enamel.meridian1),
      ringCentre: enamel.ringCentre,
    };
    return { enamel: windowPatch(this.grid, enamel), dentin: windowPatch(this.grid, both) };
  }
}
