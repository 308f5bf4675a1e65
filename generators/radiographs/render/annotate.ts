/**
 * The ground truth of one radiograph, cut from the same chord tiles the image was projected from: tooth
 * instances, lesions (joined to the records by lesion id), restorations, and the caries look-alikes that are not
 * caries (negatives). Because masks come from the projection itself, every annotated lesion is in the record and
 * every lesion of the record whose volume reaches the image is annotated.
 *
 * Look-alikes (dental-domain.md 2.3):
 * - cervical_burnout: the tooth neck between the enamel's edge and the alveolar crest on its proximal sides,
 *   where neither enamel nor bone overlies the root, so it reads dark;
 * - overlapping_contact: where two neighbouring crowns overlap in the projection (a horizontal aiming error);
 * - mach_band: with the vendor edge enhancement on, the band of dentin just inside the proximal enamel, which
 *   the unsharp mask darkens like an early dentin lesion.
 */
import type { AnnotatedObject, MaskTile, RestorationRole } from "../../../core/sinks/annotations/index.js";
import { ICCMS_OF_DEPTH, type Fdi } from "../../patient/types.js";
import type { ChordTile } from "../projection/chord-tile.js";
import type { SceneTooth } from "../scene/scene.js";
import { MASK_CHORD, toothCoordinates, type Projection, type ProjectedVolume } from "./project-scene.js";

/** Smallest overlap of two crowns worth annotating, pixels [A]. */
const MIN_OVERLAP_PIXELS = 6;
/** Width of the Mach band annotated inside the proximal enamel, mm [A: the unsharp kernel's reach, detector.ts]. */
const MACH_BAND_MM = 0.3;
/** Proximal part of a tooth for cervical burnout: |x| beyond this fraction of the half width [A]. */
const PROXIMAL_FRACTION = 0.45;
/** Burnout stops this far above the facial CEJ, mm (the cervical line rises proximally) [A]. */
const BURNOUT_TOP = 0.8;

/** A binary mask from one or more chord tiles: the pixels where their summed chord exceeds MASK_CHORD. */
export function maskOfTiles(tiles: readonly ChordTile[], threshold = MASK_CHORD): MaskTile | null {
  const live = tiles.filter((t) => t.width > 0 && t.height > 0);
  if (live.length === 0) return null;
  const x0 = Math.min(...live.map((t) => t.x0));
  const y0 = Math.min(...live.map((t) => t.y0));
  const w = Math.max(...live.map((t) => t.x0 + t.width)) - x0;
  const h = Math.max(...live.map((t) => t.y0 + t.height)) - y0;
  const sum = new Float32Array(w * h);
  for (const t of live) {
    for (let r = 0; r < t.height; r++) {
      const row = (t.y0 - y0 + r) * w + (t.x0 - x0);
      for (let c = 0; c < t.width; c++) sum[row + c] = (sum[row + c] as number) + (t.data[r * t.width + c] as number);
    }
  }
  const data = new Uint8Array(w * h);
  let any = false;
  for (let k = 0; k < sum.length; k++) {
    if ((sum[k] as number) > threshold) {
      data[k] = 1;
      any = true;
    }
  }
  return any ? { x0, y0, w, h, data } : null;
}

/** Chord of a tile at image pixel (i, j), 0 outside it. */
const chordAt = (t: ChordTile | undefined, i: number, j: number) =>
  t && i >= t.x0 && j >= t.y0 && i < t.x0 + t.width && j < t.y0 + t.height ? (t.data[(j - t.y0) * t.width + (i - t.x0)] as number) : 0;

const inMask = (m: MaskTile, i: number, j: number) => i >= m.x0 && j >= m.y0 && i < m.x0 + m.w && j < m.y0 + m.h && m.data[(j - m.y0) * m.w + (i - m.x0)] === 1;

export interface AnnotateOptions {
  /** The image went through the edge enhancement: annotate its Mach bands. */
  edgeEnhancement: boolean;
}

/** The objects of one image, in a fixed order: teeth, restorations, lesions, look-alikes (each by FDI, then id). */
export function annotateProjection(projection: Projection, options: AnnotateOptions): AnnotatedObject[] {
  const byTooth = new Map<Fdi, ProjectedVolume[]>();
  for (const pv of projection.volumes) {
    const list = byTooth.get(pv.tooth.fdi) ?? [];
    list.push(pv);
    byTooth.set(pv.tooth.fdi, list);
  }
  const teeth = [...projection.teeth].sort((a, b) => a.fdi - b.fdi);
  const toothObjects: AnnotatedObject[] = [];
  const restorations: AnnotatedObject[] = [];
  const lesions: AnnotatedObject[] = [];
  const lookalikes: AnnotatedObject[] = [];
  const toothMasks = new Map<Fdi, MaskTile>();

  for (const tooth of teeth) {
    const volumes = byTooth.get(tooth.fdi) ?? [];
    const outer = volumes.find((v) => v.volume.role === "tooth:outer");
    if (outer) {
      const mask = maskOfTiles([outer.tile]);
      if (mask) {
        toothMasks.set(tooth.fdi, mask);
        toothObjects.push({ kind: "tooth", fdi: tooth.fdi, mask });
      }
    }
    // Restorations: one object per role of a tooth (a crown's shell and core parts are one crown).
    const roles = new Map<RestorationRole, ProjectedVolume[]>();
    for (const v of volumes) {
      if (!v.volume.role.startsWith("restoration:")) continue;
      const role = v.volume.role.slice("restoration:".length) as RestorationRole;
      roles.set(role, [...(roles.get(role) ?? []), v]);
    }
    for (const [role, parts] of [...roles].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const mask = maskOfTiles(parts.map((p) => p.tile));
      if (mask) restorations.push({ kind: "restoration", fdi: tooth.fdi, mask, attributes: { material: parts[0]!.volume.material, role } });
    }
    // Lesions: the enamel and dentin parts of one lesion are one object.
    const byLesion = new Map<string, ProjectedVolume[]>();
    for (const v of volumes) {
      if (!v.volume.lesionId) continue;
      byLesion.set(v.volume.lesionId, [...(byLesion.get(v.volume.lesionId) ?? []), v]);
    }
    for (const [lesionId, parts] of [...byLesion].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const lesion = tooth.state.lesions.find((l) => l.id === lesionId);
      if (!lesion) throw new Error(`lesion volume ${lesionId} has no lesion in the chart of tooth ${tooth.fdi}`);
      const mask = maskOfTiles(parts.map((p) => p.tile), MASK_CHORD / 2);
      if (!mask) continue;
      lesions.push({
        kind: "lesion",
        fdi: tooth.fdi,
        mask,
        attributes: { lesionId, depth: lesion.depth, iccms: ICCMS_OF_DEPTH[lesion.depth], surface: lesion.surface, cavitated: lesion.cavitated, recurrent: lesion.recurrent },
      });
    }
    if (outer) {
      const burnout = cervicalBurnout(tooth, outer.tile, projection);
      if (burnout) lookalikes.push({ kind: "lookalike", fdi: tooth.fdi, mask: burnout, attributes: { type: "cervical_burnout" } });
      const dentin = volumes.find((v) => v.volume.role === "tooth:dentin");
      if (options.edgeEnhancement && dentin) {
        const band = machBand(tooth, outer.tile, dentin.tile, projection);
        if (band) lookalikes.push({ kind: "lookalike", fdi: tooth.fdi, mask: band, attributes: { type: "mach_band" } });
      }
    }
  }
  for (const overlap of overlappingContacts(teeth, toothMasks)) lookalikes.push(overlap);
  return [...toothObjects, ...restorations, ...lesions, ...lookalikes];
}

/** Tooth pixels on the proximal sides between the crest and just above the CEJ. */
function cervicalBurnout(tooth: SceneTooth, outer: ChordTile, projection: Projection): MaskTile | null {
  if (tooth.state.presence !== "present") return null;
  const { x, z } = toothCoordinates(tooth, projection.frame);
  const data = new Uint8Array(outer.width * outer.height);
  let any = false;
  for (let r = 0; r < outer.height; r++) {
    const j = outer.y0 + r;
    for (let c = 0; c < outer.width; c++) {
      const i = outer.x0 + c;
      if ((outer.data[r * outer.width + c] as number) <= MASK_CHORD) continue;
      const xt = x[0] + x[1] * i + x[2] * j;
      const zt = z[0] + z[1] * i + z[2] * j;
      if (Math.abs(xt) < PROXIMAL_FRACTION * tooth.halfWidth) continue;
      const f = Math.min(1, Math.max(0, 0.5 + xt / (2 * tooth.halfWidth)));
      const crest = tooth.crestDepth.distal + f * (tooth.crestDepth.mesial - tooth.crestDepth.distal);
      if (zt > -crest && zt < BURNOUT_TOP) {
        data[r * outer.width + c] = 1;
        any = true;
      }
    }
  }
  return any ? { x0: outer.x0, y0: outer.y0, w: outer.width, h: outer.height, data } : null;
}

/**
 * Along each image row of the crown, from each side of the tooth inward: past the pure-enamel rim to where the
 * dentin begins, then MACH_BAND_MM further. Rows run across the tooth in both views (the long axis is near the
 * image's vertical), so a row's first dentin pixel from either side marks the proximal DEJ.
 */
function machBand(tooth: SceneTooth, outer: ChordTile, dentin: ChordTile, projection: Projection): MaskTile | null {
  const { z } = toothCoordinates(tooth, projection.frame);
  const band = Math.max(1, Math.round(MACH_BAND_MM / projection.frame.pixelSize));
  const data = new Uint8Array(outer.width * outer.height);
  let any = false;
  for (let r = 0; r < outer.height; r++) {
    const j = outer.y0 + r;
    for (const step of [1, -1]) {
      let c = step === 1 ? 0 : outer.width - 1;
      while (c >= 0 && c < outer.width && (outer.data[r * outer.width + c] as number) <= MASK_CHORD) c += step;
      if (c < 0 || c >= outer.width) continue;
      const zt = z[0] + z[1] * (outer.x0 + c) + z[2] * j;
      if (zt < 0.5 || zt > 0.85 * tooth.crownLength) continue; // the crown's proximal walls only
      while (c >= 0 && c < outer.width && chordAt(dentin, outer.x0 + c, j) <= MASK_CHORD) c += step;
      for (let k = 0; k < band && c >= 0 && c < outer.width; k++, c += step) {
        data[r * outer.width + c] = 1;
        any = true;
      }
    }
  }
  return any ? { x0: outer.x0, y0: outer.y0, w: outer.width, h: outer.height, data } : null;
}

/** Neighbours in one jaw: same quadrant and adjacent positions, or the two central incisors. */
function neighbours(a: Fdi, b: Fdi): boolean {
  const qa = Math.floor(a / 10);
  const qb = Math.floor(b / 10);
  if (qa === qb) return Math.abs((a % 10) - (b % 10)) === 1;
  const pair = [qa, qb].sort().join();
  return (pair === "1,2" || pair === "3,4") && a % 10 === 1 && b % 10 === 1;
}

function overlappingContacts(teeth: readonly SceneTooth[], masks: ReadonlyMap<Fdi, MaskTile>): AnnotatedObject[] {
  const out: AnnotatedObject[] = [];
  for (let p = 0; p < teeth.length; p++) {
    for (let q = p + 1; q < teeth.length; q++) {
      const a = teeth[p]!;
      const b = teeth[q]!;
      if (!neighbours(a.fdi, b.fdi)) continue;
      const ma = masks.get(a.fdi);
      const mb = masks.get(b.fdi);
      if (!ma || !mb) continue;
      const x0 = Math.max(ma.x0, mb.x0);
      const y0 = Math.max(ma.y0, mb.y0);
      const w = Math.min(ma.x0 + ma.w, mb.x0 + mb.w) - x0;
      const h = Math.min(ma.y0 + ma.h, mb.y0 + mb.h) - y0;
      if (w <= 0 || h <= 0) continue;
      const data = new Uint8Array(w * h);
      let n = 0;
      for (let j = 0; j < h; j++) {
        for (let i = 0; i < w; i++) {
          if (inMask(ma, x0 + i, y0 + j) && inMask(mb, x0 + i, y0 + j)) {
            data[j * w + i] = 1;
            n++;
          }
        }
      }
      // Annotated on the distal tooth of the pair, whose mesial surface the overlap hides.
      if (n >= MIN_OVERLAP_PIXELS) out.push({ kind: "lookalike", fdi: a.fdi % 10 >= b.fdi % 10 ? a.fdi : b.fdi, mask: { x0, y0, w, h, data }, attributes: { type: "overlapping_contact" } });
    }
  }
  return out;
}
