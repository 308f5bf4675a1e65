/**
 * Trabecular pattern of alveolar bone as a density factor over the arch's mid-surface (arc position s, height z),
 * so one patient's bone looks the same in every image that shows it.
 *
 * Projected trabecular bone shows a mesh of radiopaque plates and rods around marrow spaces about 0.5-1 mm
 * across [U: trabecular spacing Tb.Sp of mandibular alveolar bone 0.5-0.9 mm in micro-CT studies]. A ridged
 * fractal of simplex noise (1 − |n|, which peaks along thin curves) has that look: bright thin ridges around
 * darker cells. Two octaves at 1.8 and 3.6 cycles/mm [A] put the cells near 0.55 mm.
 */
import { createNoise2D } from "simplex-noise";
import type { Rng } from "../../../core/rng.js";

/** Cycles per mm of the first octave [A, see header]. */
const BASE_FREQUENCY = 1.8;
/** Contrast of the pattern: the factor ranges over about 1 ± CONTRAST [A: trabecular texture is subtle on intraorals]. */
const CONTRAST = 0.3;

export type TrabecularTexture = (s: number, z: number) => number;

/** A texture drawn from `rng` (its permutation table); mean about 1 over a large area. */
export function trabecularTexture(rng: Rng): TrabecularTexture {
  const n1 = createNoise2D(() => rng.next());
  const n2 = createNoise2D(() => rng.next());
  // The ridged sum 0.65(1−|n1|) + 0.35(1−|n2|) has a mean near 0.62 for simplex noise [measured over 10^6 points].
  const mean = 0.62;
  return (s, z) => {
    const f1 = 1 - Math.abs(n1(s * BASE_FREQUENCY, z * BASE_FREQUENCY));
    const f2 = 1 - Math.abs(n2(s * 2 * BASE_FREQUENCY, z * 2 * BASE_FREQUENCY));
    return 1 + (CONTRAST / 0.4) * (0.65 * f1 + 0.35 * f2 - mean);
  };
}
