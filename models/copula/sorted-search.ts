/**
 * Binary searches on ascending Float64Arrays: where a value's tie group starts and ends. The copula uses them
 * to turn a value into its rank range (the empirical CDF just below and at the value) without sorting indices.
 */

/** The first index whose element is ≥ `x` (`sorted.length` when none). Cost: O(log n). */
export function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose element is > `x` (`sorted.length` when none). Cost: O(log n). */
export function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
