/**
 * The sensor's blur as a Gaussian point-spread function. Light from the scintillator spreads before the
 * photodiodes collect it; a Gaussian PSF of standard deviation σ has MTF(f) = exp(−2π²σ²f²), so a sensor whose
 * limiting resolution (MTF ≈ 10 %, where line-pair gauges stop being readable) is f_lim has
 * σ = √(ln 10 / 2π²) / f_lim ≈ 0.34 / f_lim.
 *
 * Limiting resolution: intraoral sensors reach 8 to <20 lp/mm (dental-domain.md 2.1 [V dentalblogs 2006]); we
 * draw 8-16, since claims near 20 are at the gauge's limit.
 */
import type { Rng } from "../../../core/rng.js";

export const LIMITING_RESOLUTION_LP_PER_MM: readonly [number, number] = [8, 16];
/** MTF at the limiting resolution [A: the usual 10 % visibility criterion]. */
const MTF_AT_LIMIT = 0.1;

/** σ (mm) of the Gaussian PSF whose MTF falls to 10 % at `limitingLpPerMm`. */
export function psfSigmaMm(limitingLpPerMm: number): number {
  if (!(limitingLpPerMm > 0)) throw new RangeError(`invalid limiting resolution: ${limitingLpPerMm} lp/mm`);
  return Math.sqrt(-Math.log(MTF_AT_LIMIT) / (2 * Math.PI * Math.PI)) / limitingLpPerMm;
}

/** MTF of a Gaussian PSF of σ (mm) at spatial frequency f (lp/mm). */
export function gaussianMtf(sigmaMm: number, lpPerMm: number): number {
  return Math.exp(-2 * Math.PI * Math.PI * sigmaMm * sigmaMm * lpPerMm * lpPerMm);
}

/** A drawn sensor: limiting resolution and its PSF σ in mm. */
export function sampleSensorResolution(rng: Rng): { limitingLpPerMm: number; psfSigmaMm: number } {
  const limitingLpPerMm = rng.uniform(LIMITING_RESOLUTION_LP_PER_MM[0], LIMITING_RESOLUTION_LP_PER_MM[1]);
  return { limitingLpPerMm, psfSigmaMm: psfSigmaMm(limitingLpPerMm) };
}
