import { DataError } from "../../core/errors.js";
import { kolmogorovSf } from "./kolmogorov-distribution.js";

export interface KsTwoSampleResult {
  /** D = sup_x |F_a(x) − F_b(x)|, the largest gap between the two empirical CDFs, in [0, 1]. */
  statistic: number;
  /** Two-sided p-value of H0 "same distribution". */
  pValue: number;
  method: "exact" | "asymp";
}

export interface KsTwoSampleOptions {
  /**
   * "auto" (default) follows scipy: exact when max(n1, n2) ≤ 10000, else asymptotic; it also falls back to
   * asymptotic when the exact lattice would exceed `maxExactCells` (only at large D, where p is ~0 anyway).
   */
  method?: "auto" | "exact" | "asymp";
  /** Cost guard for the exact method, in lattice cells; default 2e8. */
  maxExactCells?: number;
  /** Set when the inputs are already sorted ascending (skips the copy and sort). */
  sorted?: boolean;
}

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, matching `scipy.stats.ks_2samp(a, b)` (scipy 1.10): the
 * statistic over all observed values with right-continuous empirical CDFs (ties handled as scipy does), and a
 * p-value either exact or asymptotic.
 *
 * - exact, n1 = n2: Gnedenko–Korolyuk closed form P(D ≥ h/n) = 2 Σ_k (−1)^{k+1} C(2n, n − kh)/C(2n, n);
 * - exact, n1 ≠ n2: the share of monotone lattice paths from (0,0) to (n1,n2) that leave the band
 *   |x/n1 − y/n2| < D (Hodges 1957), counted with normalised binomial weights so nothing overflows;
 * - asymptotic: the one-sample distribution `kstwo` at n = round(n1·n2/(n1+n2)) ({@link kolmogorovSf}).
 *
 * NaN values must be removed by the caller (SDMetrics drops them; so do the metrics here).
 * Cost: O((n1 + n2) log(n1 + n2)) for the statistic, plus the p-value (at most `maxExactCells` steps).
 * Source: https://docs.scipy.org/doc/scipy-1.10.1/reference/generated/scipy.stats.ks_2samp.html;
 * J. L. Hodges, "The significance probability of the Smirnov two-sample test", Ark. Mat. 3, 1958.
 *
 * @throws {DataError} an empty sample
 * @example
 * ksTwoSample(Float64Array.of(1, 2, 3), Float64Array.of(2, 3, 4, 5)) // { statistic: 0.5, pValue: 0.657142857..., method: "exact" }
 */
export function ksTwoSample(a: Float64Array, b: Float64Array, options: KsTwoSampleOptions = {}): KsTwoSampleResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new DataError("ksTwoSample requires at least one value in each sample");
  const sa = options.sorted ? a : a.slice().sort();
  const sb = options.sorted ? b : b.slice().sort();
  const statistic = ksStatisticSorted(sa, sb);
  return { statistic, ...ksPValue(statistic, n1, n2, options) };
}

/** The KS statistic of two ascending-sorted samples, by one merge pass (values equal across samples step together). */
export function ksStatisticSorted(a: Float64Array, b: Float64Array): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n1 && j < n2) {
    const ai = a[i] as number;
    const bj = b[j] as number;
    const v = ai <= bj ? ai : bj;
    while (i < n1 && (a[i] as number) <= v) i++;
    while (j < n2 && (b[j] as number) <= v) j++;
    const gap = Math.abs(i / n1 - j / n2);
    if (gap > d) d = gap;
  }
  // Once one sample is exhausted its CDF is 1 and the other's only grows toward 1: no larger gap follows.
  return d;
}

/** The two-sided p-value of a KS statistic for sample sizes n1, n2 (see {@link ksTwoSample}). */
export function ksPValue(
  statistic: number,
  n1: number,
  n2: number,
  options: Pick<KsTwoSampleOptions, "method" | "maxExactCells"> = {},
): { pValue: number; method: "exact" | "asymp" } {
  const { method = "auto", maxExactCells = 2e8 } = options;
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  let mode: "exact" | "asymp" = method === "auto" ? (m <= 10_000 ? "exact" : "asymp") : method;
  if (mode === "exact") {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    // D is a multiple of 1/lcm; recover the integer h so float noise in D cannot move a band edge.
    const h = Math.round(statistic * lcm);
    if (h === 0) return { pValue: 1, method: "exact" };
    if (n1 === n2) return { pValue: clamp01(squareLatticeSf(n1, h)), method: "exact" };
    if (2 * statistic * m * n <= maxExactCells) {
      const p = latticeSf(m, n, g, h);
      if (p >= 0 && p <= 1) return { pValue: p, method: "exact" };
    }
    mode = "asymp";
  }
  const en = (m * n) / (m + n);
  return { pValue: clamp01(kolmogorovSf(Math.round(en), statistic)), method: mode };
}

/** P(D_{n,n} ≥ h/n) = 2 Σ_{k ≥ 1} (−1)^{k+1} C(2n, n − kh)/C(2n, n), each ratio built as a running product. */
function squareLatticeSf(n: number, h: number): number {
  let ratio = 1;
  let sum = 0;
  let sign = 1;
  let j = 0;
  for (let k = 1; k * h <= n; k++) {
    // C(2n, n − kh)/C(2n, n) = Π_{j < kh} (n − j)/(n + 1 + j); extend the product from (k−1)h to kh.
    for (; j < k * h; j++) ratio *= (n - j) / (n + 1 + j);
    sum += sign * ratio;
    sign = -sign;
    if (ratio === 0) break;
  }
  return 2 * sum;
}

/**
 * P(a uniformly random monotone lattice path from (0,0) to (m,n) leaves the band |n·i − m·j|/g < h), i.e.
 * P(D ≥ h/lcm). The path is walked as a Markov chain (from (i,j) it steps right with probability
 * (m−i)/((m−i)+(n−j)), up otherwise), carrying the probability of having stayed inside; whatever steps out of
 * the band is added to the answer. Summing the escaping mass directly, rather than taking 1 − P(inside), keeps
 * full relative precision for tiny p-values (1e-20 and below). Only the band of each column is visited.
 */
function latticeSf(m: number, n: number, g: number, h: number): number {
  const mg = m / g;
  const ng = n / g;
  const inside = (i: number, j: number): boolean => Math.abs(ng * i - mg * j) < h;
  const pUp = (i: number, j: number): number => (n - j) / (m - i + (n - j));
  let column = new Float64Array(n + 2);
  let next = new Float64Array(n + 2);
  let escaped = 0;
  // Column i = 0: straight up the j axis while inside.
  column[0] = 1;
  let lo = 0;
  let hi = 0;
  for (let j = 1; j <= n; j++) {
    const flow = (column[j - 1] as number) * pUp(0, j - 1);
    if (!inside(0, j)) {
      escaped += flow;
      break;
    }
    column[j] = flow;
    hi = j;
  }
  for (let i = 1; i <= m; i++) {
    const pRightDenominator = (j: number): number => m - (i - 1) + (n - j);
    let newLo = -1;
    let newHi = -1;
    let below = 0; // flow arriving from (i, j − 1) by an up step
    const top = Math.min(n, Math.max(hi, Math.ceil((ng * i + h) / mg)));
    for (let j = lo; j <= top; j++) {
      const fromLeft = j <= hi ? ((column[j] as number) * (m - (i - 1))) / pRightDenominator(j) : 0;
      const total = fromLeft + below;
      if (total === 0 && j > hi) break;
      if (inside(i, j)) {
        next[j] = total;
        if (newLo < 0) newLo = j;
        newHi = j;
        below = j < n ? total * pUp(i, j) : 0;
      } else {
        escaped += total;
        next[j] = 0;
        below = 0;
      }
    }
    for (let j = lo; j <= hi; j++) column[j] = 0;
    [column, next] = [next, column];
    if (newLo < 0) return clamp01(escaped); // everything has escaped
    lo = newLo;
    hi = newHi;
  }
  return clamp01(escaped);
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function clamp01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
