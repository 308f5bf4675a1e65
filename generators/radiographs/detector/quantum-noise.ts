/**
 * Quantum noise: detected photons are Poisson distributed about their mean. Drawn per pixel with the injected
 * Rng: exact (Knuth's product method) below 30 counts, where the skew matters (behind metal), and a rounded
 * Gaussian of variance λ above, where Poisson and Gaussian agree to well under a count.
 */
import type { Rng } from "../../../core/rng.js";

/** Replaces each expected count by a Poisson draw, in place; returns the same array. */
export function addQuantumNoise(counts: Float32Array, rng: Rng): Float32Array {
  for (let i = 0; i < counts.length; i++) counts[i] = rng.poisson(counts[i]!);
  return counts;
}
