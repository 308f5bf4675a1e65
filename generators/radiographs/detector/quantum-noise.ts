/**
 * Quantum noise: detected photons are Poisson distributed about their mean. Drawn per pixel with the injected
 * Rng: exact (Knuth's product method) below 30 counts, where the skew matters (behind metal), and a rounded
 * Gaussian of variance λ above, where Poisson and Gaussian agree to well under a count.
 */
import type { Rng } from "../../../core/rng.js";

/** Replaces each expected count by a Poisson draw, in place; returns the same array. */
export function addQuantumNoise(counts: Float32Array, rng: Rng): Float32Array {
  // Normals for the Gaussian branch come from one stream, one per pixel (ziggurat, Rng.fillNormalsZiggurat),
  // drawn a chunk at a time into a small buffer; the exact branch draws from a fork, so the two never share a
  // stream position.
  const gaussian = rng.fork("gaussian");
  const exact = rng.fork("exact");
  const z = new Float64Array(Math.min(counts.length, 4096));
  for (let start = 0; start < counts.length; start += z.length) {
    const end = Math.min(counts.length, start + z.length);
    gaussian.fillNormalsZiggurat(z, 0, end - start);
    for (let i = start; i < end; i++) counts[i] = poissonDraw(counts[i]!, z[i - start]!, exact);
  }
  return counts;
}

/**
 * One Poisson count about λ: above GAUSSIAN_ABOVE the rounded Gaussian λ + √λ·z (z a standard normal, rounded
 * half up, floored at 0), else Knuth's exact method on `exact`. Shared by addQuantumNoise and exposeSensor.
 */
export function poissonDraw(lambda: number, z: number, exact: Rng): number {
  if (lambda > GAUSSIAN_ABOVE) {
    const t = lambda + Math.sqrt(lambda) * z + 0.5;
    return t < 0 ? 0 : Math.floor(t);
  }
  return exact.poisson(lambda);
}

/** Above this mean the Poisson draw is a rounded Gaussian (as Rng.poisson does) [A: skew < 0.2 there]. */
const GAUSSIAN_ABOVE = 30;
