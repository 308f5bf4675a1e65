/**
 * Quantum noise: detected photons are Poisson distributed about their mean. Drawn per pixel with the injected
 * Rng: exact (Knuth's product method) below 30 counts, where the skew matters (behind metal), and a rounded
 * Gaussian of variance λ above, where Poisson and Gaussian agree to well under a count.
 */
import type { Rng } from "../../../core/rng.js";

/** Replaces each expected count by a Poisson draw, in place; returns the same array. */
export function addQuantumNoise(counts: Float32Array, rng: Rng): Float32Array {
  // Normals for the Gaussian branch come from one pre-filled buffer (both values of each Box-Muller pair);
  // the exact branch draws from a fork, so the two never share a stream position.
  const z = new Float32Array(counts.length);
  rng.fork("gaussian").fillNormals(z);
  const exact = rng.fork("exact");
  for (let i = 0; i < counts.length; i++) {
    const lambda = counts[i]!;
    if (lambda > GAUSSIAN_ABOVE) {
      const k = Math.round(lambda + Math.sqrt(lambda) * z[i]!);
      counts[i] = k < 0 ? 0 : k;
    } else counts[i] = exact.poisson(lambda);
  }
  return counts;
}

/** Above this mean the Poisson draw is a rounded Gaussian (as Rng.poisson does) [A: skew < 0.2 there]. */
const GAUSSIAN_ABOVE = 30;
