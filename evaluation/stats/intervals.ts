/**
 * Confidence intervals shared by every metric: the normal quantile, the Wilson score interval for a
 * proportion, and a seeded percentile bootstrap whose resampling unit is the entity (patient), not the row.
 *
 * Why entities: dental tables hold many rows per patient, and those rows are correlated. Resampling rows would
 * treat 28 teeth of one patient as 28 independent observations and give intervals that are far too narrow.
 * Callers therefore pass the number of *units* (entities) and a statistic that maps a multiset of unit indices
 * to a number; rows follow their entity.
 *
 * All randomness comes from an injected {@link Rng}, so an interval is a pure function of (data, seed).
 */
import { UsageError } from "../../core/errors.js";
import type { Rng } from "../../core/rng.js";
import type { Interval } from "../types.js";

// ---------------------------------------------------------------------------------------------------------------
// Normal distribution
// ---------------------------------------------------------------------------------------------------------------

/**
 * Inverse of the standard normal CDF, Φ⁻¹(p), by Wichura's algorithm AS 241 (PPND16), accurate to about
 * 1e-16 relative over (0, 1).
 *
 * Source: M. J. Wichura, "Algorithm AS 241: The Percentage Points of the Normal Distribution",
 * Applied Statistics 37(3):477-484, 1988. Checked against scipy.stats.norm.ppf in the tests.
 * Cost: O(1), a few dozen flops.
 *
 * @example normalQuantile(0.975) // 1.959963984540054
 * @throws {RangeError} p outside [0, 1]
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    x =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -x : x;
}

/**
 * The two-sided critical value z = Φ⁻¹((1 + level) / 2): 1.959964 for level 0.95, 2.575829 for 0.99.
 *
 * @throws {UsageError} level outside (0, 1)
 */
export function zForLevel(level: number): number {
  checkLevel(level);
  return normalQuantile((1 + level) / 2);
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new UsageError([{ path: "ciLevel", message: `must be strictly between 0 and 1, got ${JSON.stringify(level)}` }]);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Wilson score interval
// ---------------------------------------------------------------------------------------------------------------

/** A Wilson interval with the quantities Anonymeter-style risk estimates need. */
export interface WilsonInterval extends Interval {
  method: "wilson";
  /** Raw proportion k / n (NaN when n = 0). */
  proportion: number;
  /**
   * Centre of the Wilson interval, (k + z²/2) / (n + z²). Anonymeter (Giomi et al. 2023) uses this, not k/n, as
   * its point estimate of an attack's success rate; it is pulled towards 1/2 when n is small.
   */
  center: number;
  /** Half-width z / (n + z²) · √(k(n − k)/n + z²/4). */
  halfWidth: number;
  successes: number;
  trials: number;
}

/**
 * Wilson score interval for a binomial proportion: k successes out of n independent trials.
 *
 * Why Wilson and not the normal ("Wald") interval: Wald collapses to a zero-width interval at k = 0 or k = n and
 * undercovers for small n or extreme p; Wilson keeps nominal coverage in both cases, which matters for
 * exact-copy rates near 0 and attack success rates near 0 or 1.
 *
 * Formula (Wilson 1927; also statsmodels `proportion_confint(method="wilson")`):
 * centre = (k + z²/2)/(n + z²), half-width = z/(n + z²)·√(k(n−k)/n + z²/4), bounds clipped to [0, 1].
 * With n = 0 the interval is the uninformative [0, 1].
 * Cost: O(1).
 *
 * @example wilsonInterval(7, 10) // { lower: 0.3968, upper: 0.8922, center: 0.6445, ... }
 * @throws {UsageError} k or n negative or non-integer, k > n, or level outside (0, 1)
 */
export function wilsonInterval(successes: number, trials: number, level = 0.95): WilsonInterval {
  const k = successes;
  const n = trials;
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new UsageError([{ path: "wilsonInterval", message: `need whole numbers 0 <= successes <= trials, got ${k} of ${n}` }]);
  }
  const z = zForLevel(level);
  if (n === 0) {
    return { lower: 0, upper: 1, level, method: "wilson", proportion: Number.NaN, center: 0.5, halfWidth: 0.5, successes: k, trials: n };
  }
  const z2 = z * z;
  const center = (k + z2 / 2) / (n + z2);
  const halfWidth = (z / (n + z2)) * Math.sqrt((k * (n - k)) / n + z2 / 4);
  return {
    lower: Math.max(0, center - halfWidth),
    upper: Math.min(1, center + halfWidth),
    level,
    method: "wilson",
    proportion: k / n,
    center,
    halfWidth,
    successes: k,
    trials: n,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Quantiles, sampling
// ---------------------------------------------------------------------------------------------------------------

/**
 * The q-quantile of values that are already sorted ascending, by linear interpolation between order statistics
 * (Hyndman & Fan type 7, numpy's default `np.quantile(..., method="linear")`): position h = (n − 1)·q.
 * Returns NaN for an empty array. Cost: O(1).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/**
 * The q-quantile of unsorted values (NaNs dropped); type 7 as {@link quantileSorted}. Cost: O(n log n), copies.
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantileSorted(sortedFinite(values), q);
}

/** Median of unsorted values (NaNs dropped). Cost: O(n log n). */
export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

/** Finite and infinite values (NaNs dropped), sorted ascending into a new Float64Array. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let w = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) out[w++] = v;
  }
  return out.subarray(0, w).sort();
}

/**
 * k distinct indices from 0..n-1, chosen uniformly by a partial Fisher-Yates shuffle, returned sorted so that
 * subsampled rows keep their original order. With k >= n, all of 0..n-1.
 * Cost: O(n) time and memory.
 */
export function sampleWithoutReplacement(n: number, k: number, rng: Rng): Int32Array {
  const m = Math.max(0, Math.min(n, Math.floor(k)));
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(n - i);
    const t = pool[i] as number;
    pool[i] = pool[j] as number;
    pool[j] = t;
  }
  return pool.slice(0, m).sort();
}

/**
 * One bootstrap resample: n draws with replacement from 0..n-1, written into `out` when given.
 * Cost: O(n).
 */
export function resampleIndices(n: number, rng: Rng, out: Int32Array = new Int32Array(n)): Int32Array {
  for (let i = 0; i < n; i++) out[i] = rng.int(n);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Percentile bootstrap
// ---------------------------------------------------------------------------------------------------------------

/** Settings of a bootstrap: the stream, how many resamples, and the confidence level. */
export interface BootstrapOptions {
  rng: Rng;
  /** Number of resamples; default 200 (MetricContext.resamples). */
  resamples?: number;
  /** Confidence level; default 0.95. */
  level?: number;
}

/** Outcome of a bootstrap: the percentile interval and what produced it. */
export interface BootstrapResult {
  interval: Interval;
  /** Statistic on each resample (NaNs included as returned by the statistic). */
  replicates: Float64Array;
  /** Resamples whose statistic was NaN (e.g. a class missing from the resample); excluded from the interval. */
  failed: number;
  /** Seed of the stream that drew the resamples, for the report. */
  seed: string;
}

/**
 * Seeded percentile bootstrap over `nUnits` units (entities or rows).
 *
 * Each resample draws `nUnits` unit indices with replacement and calls `statistic(indices)`; the interval is the
 * [(1−level)/2, (1+level)/2] type-7 quantiles of the non-NaN replicates (Efron & Tibshirani 1993, ch. 13).
 * Pass entity indices and let the statistic gather the rows of each drawn entity: that is the cluster
 * bootstrap (Field & Welsh 2007) that dental data need.
 *
 * Cost: `resamples` × (O(nUnits) + cost of statistic). The statistic must not keep `indices` (the buffer is reused).
 *
 * @example
 * // mean over patients of a per-patient score
 * const { interval } = bootstrapPercentile(scores.length, (idx) => mean(idx.map((e) => scores[e])), { rng });
 */
export function bootstrapPercentile(
  nUnits: number,
  statistic: (indices: Int32Array) => number,
  options: BootstrapOptions,
): BootstrapResult {
  return bootstrapStratified([nUnits], (groups) => statistic(groups[0] as Int32Array), options);
}

/**
 * Stratified percentile bootstrap: every group (stratum) is resampled with replacement within itself, keeping
 * its size. Used for ROC statistics, where members and non-members are resampled separately so each resample
 * has the same class balance (pROC's `stratified = TRUE` default).
 *
 * Cost: `resamples` × (Σ group sizes + cost of statistic).
 */
export function bootstrapStratified(
  groupSizes: readonly number[],
  statistic: (groups: readonly Int32Array[]) => number,
  options: BootstrapOptions,
): BootstrapResult {
  const resamples = options.resamples ?? 200;
  const level = options.level ?? 0.95;
  checkLevel(level);
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new UsageError([{ path: "resamples", message: `must be a positive whole number, got ${JSON.stringify(resamples)}` }]);
  }
  const buffers = groupSizes.map((n) => new Int32Array(n));
  const replicates = new Float64Array(resamples);
  let failed = 0;
  for (let b = 0; b < resamples; b++) {
    for (let g = 0; g < groupSizes.length; g++) resampleIndices(groupSizes[g] as number, options.rng, buffers[g]);
    const v = statistic(buffers);
    replicates[b] = v;
    if (Number.isNaN(v)) failed++;
  }
  const sorted = sortedFinite(replicates);
  const alpha = (1 - level) / 2;
  return {
    interval: {
      lower: quantileSorted(sorted, alpha),
      upper: quantileSorted(sorted, 1 - alpha),
      level,
      method: "bootstrap",
    },
    replicates,
    failed,
    seed: options.rng.seed,
  };
}

/**
 * Mean of `values` over the rows of the given entities, counting an entity as often as it was drawn.
 * A helper for cluster-bootstrap statistics: `rowsOfEntity(e)` lists entity e's rows via CSR arrays
 * (`offsets`, `rows`) such as an EntityIndex's.
 * Cost: O(rows of the drawn entities).
 */
export function meanOverEntities(
  values: ArrayLike<number>,
  entities: ArrayLike<number>,
  offsets: ArrayLike<number>,
  rows: ArrayLike<number>,
): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i] as number;
    for (let p = offsets[e] as number, end = offsets[e + 1] as number; p < end; p++) {
      sum += values[rows[p] as number] as number;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}
