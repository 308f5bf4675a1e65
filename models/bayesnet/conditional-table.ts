import type { Rng } from "../../core/rng.js";
import { laplace } from "./laplace.js";
import { jointCounts } from "./mutual-information.js";

/** P(child | parents) of one node, plus the child's marginal for parent configurations the data never showed. */
export interface ConditionalTable {
  childSize: number;
  /** Number of parent configurations (product of the parents' domain sizes; 1 without parents). */
  configs: number;
  /** `probabilities[config * childSize + code]`; each configuration's row sums to 1. */
  probabilities: Float64Array;
  /** P(child), summed from the (noisy) joint table: used for empty configurations and unknown parent values. */
  marginal: Float64Array;
}

/**
 * Learns P(child | parents) from the joint distribution of the child and its parents. In a private fit, Laplace
 * noise of scale `noiseScale` is added to every cell of the joint distribution (counts / n, whose L1 sensitivity
 * is 2/n when one row is replaced: one cell loses 1/n, another gains it), negative cells are set to 0 and the
 * table is renormalised, as PrivBayes' NoisyConditionals step does (Zhang et al. 2017, §3). Every cell of the
 * domain gets noise, including those the data never filled, or their emptiness would leak.
 *
 * A parent configuration with no (remaining) mass falls back to the child's marginal, the sum of the same table
 * over all configurations, so no extra query is spent; uniform if even that is empty.
 *
 * Cost: O(n · parents + cells).
 */
export function conditionalTable(
  child: Int32Array,
  childSize: number,
  parents: readonly Int32Array[],
  parentSizes: readonly number[],
  noise?: { scale: number; rng: Rng },
): ConditionalTable {
  const n = child.length;
  const joint = jointCounts(child, childSize, parents, parentSizes);
  const configs = joint.length / childSize;
  for (let i = 0; i < joint.length; i++) {
    let p = (joint[i] as number) / n;
    if (noise) p = Math.max(0, p + laplace(noise.rng, noise.scale));
    joint[i] = p;
  }
  const marginal = new Float64Array(childSize);
  for (let c = 0; c < configs; c++) for (let x = 0; x < childSize; x++) marginal[x] = (marginal[x] as number) + (joint[c * childSize + x] as number);
  normalise(marginal, 0, childSize, null);
  for (let c = 0; c < configs; c++) normalise(joint, c * childSize, childSize, marginal);
  return { childSize, configs, probabilities: joint, marginal };
}

/** Scales `values[start..start+length)` to sum to 1; an all-zero row becomes `fallback` (or uniform). */
function normalise(values: Float64Array, start: number, length: number, fallback: Float64Array | null): void {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += values[start + i] as number;
  if (sum > 0) {
    for (let i = 0; i < length; i++) values[start + i] = (values[start + i] as number) / sum;
  } else if (fallback) {
    values.set(fallback, start);
  } else {
    values.fill(1 / length, start, start + length);
  }
}
