import { lowerBound, upperBound } from "./sorted-search.js";

/**
 * The empirical marginal of one continuous column, kept as a monotone piecewise-linear quantile function: knots
 * (p_k, x_k), both non-decreasing, with Q(u) interpolated linearly between them.
 *
 * How the knots encode the data (n observed values, sorted; a tie group occupies sorted positions [a, b)):
 * - a value seen once sits at its mid-rank probability (a + ½)/n, so Q interpolates between neighbouring
 *   values and samples of a continuous column are continuous, not a bootstrap of the training values;
 * - a value seen several times (a point mass: integer columns, a column with many zeros) is a flat segment
 *   from a/n to b/n, so Q returns exactly that value with exactly its training frequency;
 * - Q(0) is the minimum and Q(1) the maximum, so samples stay in the training range.
 *
 * Privacy: when there are more knots than `maxKnots`, only a grid of `maxKnots` quantiles (plus the two ends of
 * each point mass wider than one grid cell) is kept, never every training value. A column with fewer distinct
 * values than the budget is kept exactly, as any empirical marginal must; knots are per column, so no row
 * (combination of values) is ever stored.
 */
export interface EmpiricalMarginal {
  /** Knot probabilities in [0, 1], non-decreasing (equal at a jump between two point masses). */
  p: Float64Array;
  /** Knot values, non-decreasing. */
  x: Float64Array;
}

/**
 * Builds the quantile knots of ascending `sorted` values (no NaN, at least one value), keeping about
 * `maxKnots` of them. Cost: O(n) after the caller's sort.
 *
 * @example fitEmpiricalMarginal(Float64Array.of(0, 0, 1, 3), 1000) // p [0, 0.5, 0.625, 0.875, 1], x [0, 0, 1, 3, 3]
 */
export function fitEmpiricalMarginal(sorted: Float64Array, maxKnots: number): EmpiricalMarginal {
  const n = sorted.length;
  if (n === 0) throw new RangeError("fitEmpiricalMarginal requires at least one value");
  const p = new Float64Array(2 * n + 2);
  const x = new Float64Array(2 * n + 2);
  let k = 0;
  const push = (pk: number, xk: number): void => {
    if (k > 0 && p[k - 1] === pk && x[k - 1] === xk) return;
    p[k] = pk;
    x[k] = xk;
    k++;
  };
  push(0, sorted[0] as number);
  // Point masses at least one grid cell wide keep their two ends when the knots are thinned below.
  const massStarts: number[] = [];
  const cell = maxKnots > 1 ? 1 / (maxKnots - 1) : 1;
  for (let a = 0; a < n; ) {
    const v = sorted[a] as number;
    let b = a + 1;
    while (b < n && sorted[b] === v) b++;
    if (b - a >= 2) {
      push(a / n, v);
      push(b / n, v);
      if ((b - a) / n >= cell) massStarts.push(a, b);
    } else {
      push((a + 0.5) / n, v);
    }
    a = b;
  }
  push(1, sorted[n - 1] as number);
  const full: EmpiricalMarginal = { p: p.slice(0, k), x: x.slice(0, k) };
  if (k <= maxKnots) return full;
  return thin(full, maxKnots, massStarts, sorted);
}

/** Keeps Q on an even grid of `g` probabilities, merged with the ends of wide point masses. */
function thin(full: EmpiricalMarginal, g: number, massBounds: number[], sorted: Float64Array): EmpiricalMarginal {
  const n = sorted.length;
  const m = massBounds.length;
  const p = new Float64Array(g + m);
  const x = new Float64Array(g + m);
  let k = 0;
  let j = 0;
  const push = (pk: number, xk: number): void => {
    if (k > 0 && p[k - 1] === pk && x[k - 1] === xk) return;
    p[k] = pk;
    x[k] = xk;
    k++;
  };
  for (let i = 0; i < g; i++) {
    const pi = g > 1 ? i / (g - 1) : 0;
    // Mass ends at or before this grid point go first; a grid point exactly on a jump takes the value above.
    while (j < m && (massBounds[j] as number) / n <= pi) {
      const bound = massBounds[j] as number;
      // Even entries are starts (value sorted[a]), odd entries ends (value sorted[b − 1]).
      push(bound / n, j % 2 === 0 ? (sorted[bound] as number) : (sorted[bound - 1] as number));
      j++;
    }
    const xi = empiricalQuantile(full, pi);
    // Keep x non-decreasing when a grid point on a jump evaluates to the lower side.
    push(pi, k > 0 && xi < (x[k - 1] as number) ? (x[k - 1] as number) : xi);
  }
  return { p: p.slice(0, k), x: x.slice(0, k) };
}

/**
 * The quantile function Q(u): linear interpolation between knots, flat beyond the ends. Cost: O(log knots).
 */
export function empiricalQuantile(marginal: EmpiricalMarginal, u: number): number {
  const { p, x } = marginal;
  const last = p.length - 1;
  if (!(u > (p[0] as number))) return x[0] as number;
  if (u >= (p[last] as number)) return x[last] as number;
  // Invariant p[lo] ≤ u < p[hi]: zero-width segments (jumps) are never selected.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((p[mid] as number) <= u) lo = mid;
    else hi = mid;
  }
  const p0 = p[lo] as number;
  const x0 = x[lo] as number;
  return x0 + ((u - p0) / ((p[hi] as number) - p0)) * ((x[hi] as number) - x0);
}

/**
 * The range of u with Q(u) = `value`, written to `out` as [low, high]: a single point for a value between knots,
 * the whole flat segment for a point mass (the caller draws inside it, as the fit did), and the end knot's
 * probability for a value outside the training range. Used to score a context value. Cost: O(log knots).
 */
export function empiricalCdfRange(marginal: EmpiricalMarginal, value: number, out: Float64Array): Float64Array {
  const { p, x } = marginal;
  const last = p.length - 1;
  if (value <= (x[0] as number) && value < (x[last] as number)) {
    // At or below the minimum: the minimum's whole mass (if any) when equal, else its first knot.
    const end = value === x[0] ? upperBound(x, value) - 1 : 0;
    out[0] = p[0] as number;
    out[1] = p[end] as number;
    return out;
  }
  if (value >= (x[last] as number)) {
    const start = value === x[last] ? lowerBound(x, value) : last;
    out[0] = p[start] as number;
    out[1] = p[last] as number;
    return out;
  }
  const first = lowerBound(x, value);
  const lastEqual = upperBound(x, value) - 1;
  if (first <= lastEqual) {
    out[0] = p[first] as number;
    out[1] = p[lastEqual] as number;
    return out;
  }
  // Strictly between knots lastEqual and first: invert the linear piece.
  const x0 = x[lastEqual] as number;
  const p0 = p[lastEqual] as number;
  const u = p0 + ((value - x0) / ((x[first] as number) - x0)) * ((p[first] as number) - p0);
  out[0] = u;
  out[1] = u;
  return out;
}
