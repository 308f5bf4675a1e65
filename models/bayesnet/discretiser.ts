import type { ModelColumn } from "../model-schema.js";

/**
 * How one column maps to the discrete codes the network works on. PrivBayes is defined on discrete attributes
 * (Zhang et al. 2017, §3); continuous columns are discretised first, as DataSynthesizer and synthcity do (they use
 * equal-width histograms; quantile bins here keep every bin populated on skewed clinical values).
 *
 * Codes 0..size-1; the last code is "missing" when the training column had missing values.
 */
export type NodeDomain = DiscreteDomain | BinnedDomain;

/** A categorical or boolean column: its codes are the network's codes. */
export interface DiscreteDomain {
  type: "discrete";
  /** Number of categories (codes 0..categories-1). */
  categories: number;
  /** Code standing for "missing" (= categories) when the training column had missing values, else null. */
  missingCode: number | null;
  /** Number of codes, missing included. */
  size: number;
}

/** A numeric or datetime column cut into bins. */
export interface BinnedDomain {
  type: "binned";
  /**
   * True when the column had at most `bins` distinct values: each value is its own bin (lo = hi = the value), so
   * counts, scores and small integer scales survive exactly. Otherwise quantile bins [lo, hi), the last closed.
   */
  points: boolean;
  lo: Float64Array;
  hi: Float64Array;
  /**
   * `WITHIN_BIN_QUANTILES + 1` order statistics per bin, to sample inside a bin along the data's own shape (keeps
   * a spike such as many exact zeros); null samples uniformly in [lo, hi]. Private fits keep null, so that only
   * the bin edges are taken from the data without noise; bins with fewer than `MIN_VALUES_FOR_QUANTILES` values
   * keep evenly spaced points (uniform sampling).
   */
  quantiles: Float64Array | null;
  missingCode: number | null;
  size: number;
}

/** Order statistics kept per bin in non-private fits (quartiles: 5 values per bin). */
export const WITHIN_BIN_QUANTILES = 4;

/**
 * A bin with fewer training values keeps evenly spaced points from lo to hi instead of its order statistics
 * (uniform sampling), so a sparse bin never stores what would be individual training values.
 */
export const MIN_VALUES_FOR_QUANTILES = 20;

/** The domain of a categorical or boolean column: its codes, plus a missing code if any value was missing. */
export function discreteDomain(categories: number, hasMissing: boolean): DiscreteDomain {
  return { type: "discrete", categories, missingCode: hasMissing ? categories : null, size: categories + (hasMissing ? 1 : 0) };
}

/**
 * Bins of a numeric column from its training values (NaN = missing). With more than `bins` distinct values the
 * edges are the 0, 1/bins, …, 1 empirical quantiles with repeats merged, so a heavy value gives a wider bin rather
 * than empty ones. Cost: O(n log n) for the sort.
 */
export function fitBinnedDomain(values: Float64Array, bins: number, keepQuantiles: boolean): BinnedDomain {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) present.push(v);
  }
  const hasMissing = present.length < values.length;
  const sorted = Float64Array.from(present).sort();
  const n = sorted.length;
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    if (distinct.length === 0 || v !== distinct[distinct.length - 1]) distinct.push(v);
    if (distinct.length > bins) break;
  }
  let lo: Float64Array;
  let hi: Float64Array;
  let points = false;
  if (distinct.length <= bins) {
    points = true;
    lo = Float64Array.from(distinct);
    hi = Float64Array.from(distinct);
  } else {
    const edges: number[] = [];
    for (let j = 0; j <= bins; j++) {
      const e = sorted[Math.round((j * (n - 1)) / bins)] as number;
      if (edges.length === 0 || e !== edges[edges.length - 1]) edges.push(e);
    }
    // More than `bins` distinct values means min < max, so there are at least two edges and one bin.
    lo = Float64Array.from(edges.slice(0, -1));
    hi = Float64Array.from(edges.slice(1));
  }
  const count = lo.length;
  let quantiles: Float64Array | null = null;
  if (keepQuantiles && !points && count > 0) {
    quantiles = new Float64Array(count * (WITHIN_BIN_QUANTILES + 1));
    let start = 0;
    for (let b = 0; b < count; b++) {
      // Bins are lower-inclusive, so bin b holds the sorted values from the first >= lo[b] up to the first >= lo[b+1].
      let end = start;
      if (b === count - 1) end = n;
      else while (end < n && (sorted[end] as number) < (lo[b + 1] as number)) end++;
      const len = end - start;
      for (let t = 0; t <= WITHIN_BIN_QUANTILES; t++) {
        quantiles[b * (WITHIN_BIN_QUANTILES + 1) + t] =
          len >= MIN_VALUES_FOR_QUANTILES
            ? (sorted[start + Math.round((t * (len - 1)) / WITHIN_BIN_QUANTILES)] as number)
            : (lo[b] as number) + (t / WITHIN_BIN_QUANTILES) * ((hi[b] as number) - (lo[b] as number));
      }
      start = end;
    }
  }
  return { type: "binned", points, lo, hi, quantiles, missingCode: hasMissing ? count : null, size: count + (hasMissing ? 1 : 0) };
}

/** The domain of a model column: its categories, or bins fitted on its training values. */
export function fitDomain(column: ModelColumn, values: Float64Array, bins: number, keepQuantiles: boolean): NodeDomain {
  if (column.type === "discrete") {
    let hasMissing = false;
    for (let i = 0; i < values.length && !hasMissing; i++) hasMissing = Number.isNaN(values[i] as number);
    return discreteDomain(column.categories.length, hasMissing);
  }
  return fitBinnedDomain(values, bins, keepQuantiles);
}

/**
 * The bin of value `x`: quantile bins take the last bin whose lower edge is <= x (values outside the training
 * range go to the first or last bin); point bins take the nearest value.
 */
export function binOf(domain: BinnedDomain, x: number): number {
  const lo = domain.lo;
  const count = lo.length;
  // Largest b with lo[b] <= x (0 when x is below every edge).
  let a = 0;
  let b = count - 1;
  while (a < b) {
    const mid = (a + b + 1) >> 1;
    if ((lo[mid] as number) <= x) a = mid;
    else b = mid - 1;
  }
  if (domain.points && a + 1 < count && x - (lo[a] as number) > (lo[a + 1] as number) - x) return a + 1;
  return a;
}

/**
 * Codes of an encoded column (values for continuous columns, category codes for discrete ones; NaN = missing).
 * A value the domain cannot represent (missing where training had none, an out-of-range code) becomes -1,
 * which sampling treats as "unknown" (see ancestral-sampling.ts).
 */
export function codesOf(domain: NodeDomain, values: Float64Array): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) out[i] = domain.missingCode ?? -1;
    else if (domain.type === "discrete") out[i] = Number.isInteger(v) && v >= 0 && v < domain.categories ? v : -1;
    else out[i] = domain.lo.length > 0 ? binOf(domain, v) : -1;
  }
  return out;
}

/**
 * A value for code `code` of a binned domain, `u` uniform in [0, 1): inside the bin by its stored order
 * statistics (linear between them), or uniform in [lo, hi]. NaN for the missing code.
 */
export function valueInBin(domain: BinnedDomain, code: number, u: number): number {
  if (code === domain.missingCode || code < 0) return Number.NaN;
  const lo = domain.lo[code] as number;
  const hi = domain.hi[code] as number;
  if (domain.points || lo === hi) return lo;
  if (domain.quantiles) {
    const base = code * (WITHIN_BIN_QUANTILES + 1);
    const position = u * WITHIN_BIN_QUANTILES;
    const t = Math.min(WITHIN_BIN_QUANTILES - 1, Math.floor(position));
    const a = domain.quantiles[base + t] as number;
    const b = domain.quantiles[base + t + 1] as number;
    return a + (position - t) * (b - a);
  }
  return lo + u * (hi - lo);
}
