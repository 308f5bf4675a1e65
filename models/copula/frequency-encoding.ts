import { normalQuantile } from "./normal-distribution.js";

/**
 * How a discrete column enters the Gaussian copula: each category owns a sub-interval of [0, 1] as wide as its
 * frequency, categories laid out from the most to the least frequent (ties by code), so a category is the event
 * "the latent normal Z lies in Φ⁻¹(its interval)". Sampling maps a latent score back to the category whose
 * interval holds Φ(z). For fitting, a row is scored either by a point drawn uniformly inside its interval
 * (SDV's way, `correlation: "scores"`) or by the interval's conditional mean E[Z | interval] (the default, see
 * hermite-series.ts); a context category at sampling time is a uniform draw inside the interval, which is
 * exactly the latent's distribution given the category.
 *
 * Source: the categorical transform of SDV's GaussianCopulaSynthesizer: RDT's `FrequencyEncoder` with noise
 * (intervals ordered by popularity; https://docs.sdv.dev/rdt/transformers-glossary/categorical/frequencyencoder)
 * and its successor `UniformEncoder` (https://docs.sdv.dev/rdt/transformers-glossary/categorical/uniformencoder);
 * N. Patki, R. Wedge, K. Veeramachaneni, "The Synthetic Data Vault", IEEE DSAA 2016.
 */
export interface FrequencyIntervals {
  /** Share of each category, by code (sums to 1). */
  frequencies: Float64Array;
  /** Lower end of each category's interval, by code. */
  lower: Float64Array;
  /** Codes in interval order. */
  order: Int32Array;
  /** Upper end of the interval at each position of `order`, on the normal-score scale (the last is +∞). */
  zUpper: Float64Array;
}

/**
 * Lays out the intervals of categories with the given frequencies (by code; non-negative, summing to 1).
 * `keepCodeOrder` lays them out by code instead of by frequency (used for the two-state "is missing" indicator,
 * so "missing" is always the upper interval and a positive correlation reads "more often missing when higher").
 *
 * @example frequencyIntervals([0.2, 0.8]).lower // Float64Array [0.8, 0]: the frequent code 1 comes first
 */
export function frequencyIntervals(frequencies: ArrayLike<number>, keepCodeOrder = false): FrequencyIntervals {
  const k = frequencies.length;
  const freq = Float64Array.from(frequencies);
  const order = Int32Array.from({ length: k }, (_, i) => i);
  if (!keepCodeOrder) order.sort((a, b) => (freq[b] as number) - (freq[a] as number) || a - b);
  const lower = new Float64Array(k);
  const zUpper = new Float64Array(k);
  let cumulative = 0;
  for (let i = 0; i < k; i++) {
    const code = order[i] as number;
    lower[code] = cumulative;
    cumulative += freq[code] as number;
    zUpper[i] = i === k - 1 ? Number.POSITIVE_INFINITY : normalQuantile(Math.min(1, cumulative));
  }
  return { frequencies: freq, lower, order, zUpper };
}

/**
 * The category whose interval holds Φ(z), found on the score scale (no Φ needed). A zero-width interval is never
 * returned. Cost: O(log K).
 */
export function categoryOfScore(intervals: FrequencyIntervals, z: number): number {
  const { zUpper, order } = intervals;
  let lo = 0;
  let hi = zUpper.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (z < (zUpper[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return order[lo] as number;
}
