/**
 * Root shape beyond straight tapered columns: a mild seeded apical curvature, typically distal, and the flare of
 * the roots of multi-rooted teeth away from the long axis below the furcation (both [T]: roots of maxillary
 * lateral incisors, premolars and molars often curve distally in their apical third, and molar roots diverge).
 *
 * Why a displacement of the finished meshes: both changes are horizontal translations that depend on the height z
 * only (the bend) or on z and the root a point belongs to (the flare: each root moves outward along its own centre
 * direction, the same vector for every point of that root at one height). Between root sectors the surface stays
 * above the furcation, where the flare is zero, so the roots only move apart. Translating each horizontal slice
 * keeps every layer closed and free of self-intersections, keeps pulp ⊂ dentin ⊂ outer, and moves vertex k of
 * every layer by the same rule, so the outer/dentin vertex correspondence is kept. A slice-wise translation rather
 * than a radial push matters for the pulp: its canals are thin fins a few meridians wide, which a displacement that
 * varies across them would fold. The slopes are small (below 0.2), so the 0.1 mm gap between layers barely shrinks.
 */
import type { Rng } from "../../../core/rng.js";
import type { TriMesh } from "../geometry/tri-mesh.js";
import { angleBetween } from "./angle-between.js";
import type { RootLobe } from "./tooth-morphology.js";

/** The bend of one tooth's roots. */
export interface RootBend {
  /** Distal displacement of the apex, mm (along −x, the local distal direction). */
  apexDistal: number;
  /** Buccal displacement of the apex, mm (along +y; negative is lingual). */
  apexBuccal: number;
  /** Outward flare of multi-rooted roots at mid-root and below, mm (0 on single-rooted teeth). */
  flare: number;
}

/** Apical distal deviation, mm: Normal(0.8, 0.4) truncated to [0.1, 1.6] [A]: a visible but mild curve of the
 * apical third; more than about 1.5 mm is a dilacerated root, an anomaly we do not model. */
export const APEX_DISTAL = { mean: 0.8, sd: 0.4, min: 0.1, max: 1.6 } as const;
/** Buccolingual apical deviation, mm: Normal(0, 0.3) truncated to ±0.6 [A]. */
export const APEX_BUCCAL = { sd: 0.3, max: 0.6 } as const;
/** Flare of multi-rooted roots, mm [A]: small enough that the roots stay inside the crown's outline in
 * mesiodistal and buccolingual extent, as on real teeth (Open-Full-Jaw teeth, docs/mesh-realism.md). */
export const ROOT_FLARE = 0.5;
/** The bend starts this fraction of the root length below the CEJ; the cervical part of the root stays straight [A]. */
const BEND_START = 0.3;

/**
 * A seeded bend, or the mean bend (distal only, no buccolingual part) without an Rng. Multi-rooted teeth get the
 * flare and no whole-tooth bend: on them the distal curve is a property of one root (the mesial or mesiobuccal
 * root [T]), not of the root complex, and a global bend on top of the flare folded the thin pulp canals of small
 * molars at low resolution. Curving single roots of a multi-rooted tooth is left for later.
 */
export function sampleRootBend(rng: Rng | null, multiRooted: boolean): RootBend {
  if (multiRooted) return { apexDistal: 0, apexBuccal: 0, flare: ROOT_FLARE };
  if (!rng) return { apexDistal: APEX_DISTAL.mean, apexBuccal: 0, flare: 0 };
  return {
    apexDistal: rng.truncatedNormal(APEX_DISTAL.mean, APEX_DISTAL.sd, APEX_DISTAL.min, APEX_DISTAL.max),
    apexBuccal: rng.truncatedNormal(0, APEX_BUCCAL.sd, -APEX_BUCCAL.max, APEX_BUCCAL.max),
    flare: 0,
  };
}

/**
 * Moves the root vertices of a layer in place. rootLength is the tooth's longest root (CEJ to apex), zFurcation
 * its furcation level (≤ 0) and roots its root sectors, all as in ToothShape, so every layer of a tooth gets the
 * same field.
 */
export function bendRoots(mesh: TriMesh, bend: RootBend, rootLength: number, zFurcation: number, roots: readonly RootLobe[]): void {
  const p = mesh.positions;
  const sectorOf = (x: number, y: number) => {
    const theta = Math.atan2(y, x);
    return roots.find((root) => Math.abs(angleBetween(theta, root.angle)) < root.halfWidth);
  };
  const start = -BEND_START * rootLength;
  const span = rootLength - BEND_START * rootLength;
  const flareSpan = Math.max(1e-6, 0.5 * (rootLength + zFurcation));
  for (let i = 0; i < p.length; i += 3) {
    const z = p[i + 2] as number;
    const root = bend.flare > 0 && z < zFurcation ? sectorOf(p[i] as number, p[i + 1] as number) : undefined;
    if (root) {
      // Flare along the root's centre direction, eased in from the furcation and complete at mid-root.
      const t = Math.min(1, (zFurcation - z) / flareSpan);
      const f = bend.flare * t * t * (3 - 2 * t);
      p[i] = (p[i] as number) + f * Math.cos(root.angle);
      p[i + 1] = (p[i + 1] as number) + f * Math.sin(root.angle);
    }
    if (z < start) {
      // Quadratic in depth: no kink where the bend starts, the largest deviation at the apex.
      const t = Math.min(1, (start - z) / span) ** 2;
      p[i] = (p[i] as number) - bend.apexDistal * t;
      p[i + 1] = (p[i + 1] as number) + bend.apexBuccal * t;
    }
  }
}
