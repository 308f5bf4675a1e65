import type { Rng } from "../../core/rng.js";

/**
 * The exponential mechanism (McSherry & Talwar 2007, "Mechanism design via differential privacy"): candidate i is
 * chosen with probability proportional to exp(ε · score_i / (2Δ)), where Δ bounds how much any score changes
 * between neighbouring datasets. The choice is then ε-differentially private. PrivBayes uses it to pick each
 * (attribute, parents) pair of the network (Zhang et al. 2017, §4).
 *
 * Computed with the largest score subtracted first so that exp never overflows. Cost: O(candidates).
 *
 * @throws {RangeError} no candidates, or a non-positive epsilon or sensitivity
 */
export function selectionProbabilities(scores: ArrayLike<number>, epsilon: number, sensitivity: number): Float64Array {
  if (scores.length === 0) throw new RangeError("selectionProbabilities requires at least one candidate");
  if (!(epsilon > 0) || !(sensitivity > 0)) throw new RangeError(`selectionProbabilities requires epsilon > 0 and sensitivity > 0, got ${epsilon} and ${sensitivity}`);
  let top = -Infinity;
  for (let i = 0; i < scores.length; i++) top = Math.max(top, scores[i] as number);
  const factor = epsilon / (2 * sensitivity);
  const out = new Float64Array(scores.length);
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = Math.exp(factor * ((scores[i] as number) - top));
    out[i] = w;
    total += w;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / total;
  return out;
}

/** Draws one candidate index with the exponential mechanism (see {@link selectionProbabilities}). */
export function exponentialMechanism(scores: ArrayLike<number>, epsilon: number, sensitivity: number, rng: Rng): number {
  const p = selectionProbabilities(scores, epsilon, sensitivity);
  let r = rng.next();
  for (let i = 0; i < p.length; i++) {
    r -= p[i] as number;
    if (r < 0) return i;
  }
  return p.length - 1;
}
