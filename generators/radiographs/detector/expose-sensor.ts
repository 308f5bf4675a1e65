/**
 * The detector model, end to end: line-integral image L → 12-bit radiograph (radiopaque = bright).
 *
 *   expected counts N0·h·e^(−L) → Poisson quantum noise → scintillator blur (Gaussian PSF) → read noise, gain,
 *   offset, ADC ceiling → offset/flat-field correction and log → optional unsharp mask → window to 12 bits.
 *
 * The order follows the physics: photons are counted (noise) where they are absorbed, the scintillator's light
 * then spreads (so the blur correlates the noise, as in real sensors), and electronics add their noise after.
 */
import type { Rng } from "../../../core/rng.js";
import type { DetectorSettings } from "./detector-settings.js";
import { expectedCounts } from "./expected-counts.js";
import { gaussianBlur } from "./gaussian-blur.js";
import { logTransform } from "./log-transform.js";
import { addQuantumNoise } from "./quantum-noise.js";
import { readOut } from "./readout.js";
import { unsharpMask } from "./unsharp-mask.js";
import { windowTo12Bit } from "./window.js";

/**
 * The 12-bit image (values 0..4095 in a Uint16Array, row-major). Pure in (L, settings, rng state): the same seed
 * gives the same bytes. Cost O(w·h·(1 + σ)).
 */
export function exposeSensor(L: Float32Array, width: number, height: number, settings: DetectorSettings, rng: Rng): Uint16Array {
  const counts = addQuantumNoise(expectedCounts(L, width, height, settings.photonsPerPixel, settings.heel), rng.fork("quantum"));
  const blurred = settings.psfSigmaPx > 0 ? gaussianBlur(counts, width, height, settings.psfSigmaPx) : counts;
  const raw = readOut(blurred, settings, rng.fork("readout"));
  let log = logTransform(raw, settings, settings.photonsPerPixel);
  if (settings.edgeEnhancement) log = unsharpMask(log, width, height, settings.edgeEnhancement);
  return windowTo12Bit(log, settings.window.low, settings.window.high);
}
