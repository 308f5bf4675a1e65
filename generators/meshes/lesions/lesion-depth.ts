/**
 * How deep each radiographic depth class reaches, and how much mineral a lesion has lost.
 *
 * Classes (dental-domain.md 2.4 [V], BMC Oral Health 15(Suppl 1):S3 Table 2): E1 outer half of the enamel, E2
 * inner half (to the DEJ), D1 outer third of the dentin, D2 middle third, D3 inner third (within about 1 mm of
 * the pulp, dental-domain.md 1.3 [U]). A lesion's deepest point is drawn inside its class's band, kept clear of
 * the band's edges [A] so the class read back from the geometry is the charted one.
 */
import type { Rng } from "../../../core/rng.js";
import type { DepthClass } from "../../patient/types.js";

/** Reach of the enamel part: fraction of the local enamel thickness from the outer surface [A within the
 * class bands]. Dentin-deep lesions cross the whole enamel (to its inner margin, see ENAMEL_MARGINS). */
export const ENAMEL_REACH: Readonly<Record<"E1" | "E2", readonly [number, number]>> = {
  E1: [0.2, 0.36],
  E2: [0.68, 0.88],
};

/** Reach of the dentin part: local dentin depth of its deepest point, DEJ distance / (DEJ distance + pulp
 * distance) [A within the class bands]. */
export const DENTIN_REACH: Readonly<Record<"D1" | "D2" | "D3", readonly [number, number]>> = {
  D1: [0.12, 0.26],
  D2: [0.42, 0.58],
  D3: [0.74, 0.86],
};

/**
 * Mineral lost by the lesion's volume, as a fraction: its density relative to sound tissue is 1 − loss.
 * source: [U] dental-domain.md 2.2, "a radiographically visible lesion needs roughly 30–50 % demineralisation".
 */
export const MINERAL_LOSS: readonly [number, number] = [0.3, 0.5];

/**
 * The loss drawn per depth class: windows sliding across MINERAL_LOSS with the class [A: a deeper lesion is an
 * older one whose body has lost more mineral; the windows overlap, as lesions of one class vary]. Without the
 * slide every class drew from the whole band, and the realism run found a quarter of lesions no darker than the
 * sound tooth beside them (docs/radiograph-realism.md).
 */
export const MINERAL_LOSS_BY_CLASS: Readonly<Record<DepthClass, readonly [number, number]>> = {
  E1: [0.3, 0.38],
  E2: [0.33, 0.41],
  D1: [0.36, 0.44],
  D2: [0.39, 0.47],
  D3: [0.42, 0.5],
};

export const isDentinDepth = (depth: DepthClass): depth is "D1" | "D2" | "D3" => depth[0] === "D";

/** A lesion's drawn reach: into the enamel (fraction of its thickness) and, for D classes, into the dentin. */
export interface LesionReach {
  enamel: number;
  dentin: number | null;
}

/** Draws a lesion's reach inside its class band; D classes cross the enamel (reach 1, clamped by the builder). */
export function sampleReach(depth: DepthClass, rng: Rng): LesionReach {
  if (isDentinDepth(depth)) {
    const [lo, hi] = DENTIN_REACH[depth];
    return { enamel: 1, dentin: rng.uniform(lo, hi) };
  }
  const [lo, hi] = ENAMEL_REACH[depth];
  return { enamel: rng.uniform(lo, hi), dentin: null };
}

/** Draws a lesion's relative density (1 − mineral loss) for its depth class. */
export function sampleLesionDensity(depth: DepthClass, rng: Rng): number {
  const [lo, hi] = MINERAL_LOSS_BY_CLASS[depth];
  return 1 - rng.uniform(lo, hi);
}
