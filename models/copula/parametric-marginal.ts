import { regularizedIncompleteBeta } from "./incomplete-beta.js";
import { normalCdf, normalQuantile } from "./normal-distribution.js";
import { lowerBound, upperBound } from "./sorted-search.js";

/**
 * A parametric marginal for one continuous column, the `marginals: "parametric"` option: the best of a few
 * families by Kolmogorov–Smirnov distance to the training values, as SDV's GaussianCopulaSynthesizer does with
 * `default_distribution` / per-column distributions (https://docs.sdv.dev/SDV/single-table-data/modeling/synthesizers/gaussiancopulasynthesizer).
 *
 * Families (bounded ones live on the training range [min, max]):
 * - `uniform` on [min, max];
 * - `normal` (mean and standard deviation of the values; samples outside the range are clipped by the decoder);
 * - `truncated-normal`: a normal truncated to [min, max] whose truncated mean and variance match the data
 *   (moment matching by fixed-point iteration on the truncated-normal mean and variance formulas of Johnson,
 *   Kotz & Balakrishnan, Continuous Univariate Distributions vol. 1, 2nd ed., ch. 13);
 * - `beta` on [min, max] by the method of moments (ibid. vol. 2, ch. 25).
 *
 * Only the sampling side is parametric: the copula's correlation is always estimated from rank-based normal
 * scores (see latent-correlation.ts), which is consistent whatever marginal is used to sample.
 */
export type ParametricMarginal =
  | { family: "uniform"; min: number; max: number; ks: number }
  | { family: "normal"; mean: number; sd: number; ks: number }
  | { family: "truncated-normal"; mean: number; sd: number; min: number; max: number; ks: number }
  | { family: "beta"; a: number; b: number; min: number; max: number; ks: number };

/** The name of a parametric family. */
export type ParametricFamily = ParametricMarginal["family"];

/** A family with its parameters, before its KS distance is known. */
export type ParametricCandidate = ParametricMarginal extends infer M ? (M extends unknown ? Omit<M, "ks"> : never) : never;

/** Candidate families in order of preference when two fit equally well (simpler first). */
export const PARAMETRIC_FAMILIES: readonly ParametricFamily[] = ["uniform", "normal", "truncated-normal", "beta"];

/** Largest number of points at which the KS distance is evaluated (evenly spaced order statistics). */
const KS_POINTS = 2000;

/**
 * Fits every family to ascending `sorted` values (no NaN) and returns the one with the smallest KS distance, or
 * null when the values are constant (no family applies; the caller keeps the empirical marginal).
 *
 * The KS distance sup|F_n − F| is evaluated at up to 2000 evenly spaced distinct values (on both sides of each
 * jump of F_n), so for larger columns it is a lower bound within about 1/2000 of the exact statistic.
 * Cost: O(families × 2000) CDF evaluations.
 */
export function fitParametricMarginal(sorted: Float64Array): ParametricMarginal | null {
  const n = sorted.length;
  const min = sorted[0] as number;
  const max = sorted[n - 1] as number;
  if (!(n >= 2 && max > min)) return null;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += sorted[i] as number;
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += ((sorted[i] as number) - mean) ** 2;
  variance /= n;
  const candidates: ParametricCandidate[] = [{ family: "uniform", min, max }];
  if (variance > 0) candidates.push({ family: "normal", mean, sd: Math.sqrt(variance) });
  const truncated = fitTruncatedNormal(mean, variance, min, max);
  if (truncated) candidates.push(truncated);
  const beta = fitBeta(mean, variance, min, max);
  if (beta) candidates.push(beta);
  let best: ParametricMarginal | null = null;
  for (const candidate of candidates) {
    const fitted = { ...candidate, ks: ksDistance(sorted, candidate) } as ParametricMarginal;
    if (!best || fitted.ks < best.ks) best = fitted;
  }
  return best;
}

/** The CDF of a fitted family at x. */
export function parametricCdf(m: ParametricCandidate, x: number): number {
  switch (m.family) {
    case "uniform":
      return Math.min(1, Math.max(0, (x - m.min) / (m.max - m.min)));
    case "normal":
      return normalCdf((x - m.mean) / m.sd);
    case "truncated-normal": {
      if (x <= m.min) return 0;
      if (x >= m.max) return 1;
      const lo = normalCdf((m.min - m.mean) / m.sd);
      const hi = normalCdf((m.max - m.mean) / m.sd);
      return (normalCdf((x - m.mean) / m.sd) - lo) / (hi - lo);
    }
    case "beta":
      return regularizedIncompleteBeta((x - m.min) / (m.max - m.min), m.a, m.b);
  }
}

/** Points of the beta quantile table: the inverse incomplete beta is too slow per row, so it is tabulated. */
const BETA_TABLE = 2049;

/**
 * The inverse CDF of a fitted family, applied to a normal score: x = F⁻¹(Φ(z)). Normal: x = mean + sd·z exactly;
 * truncated normal: mean + sd·Φ⁻¹(Φ(α) + Φ(z)(Φ(β) − Φ(α))); uniform: linear; beta: linear interpolation in a
 * table of 2049 quantiles computed by bisection when the sampler is built (deterministic, so it is rebuilt on
 * load rather than saved). Cost per value: O(1).
 */
export class ParametricSampler {
  private readonly marginal: ParametricMarginal;
  private readonly lowerCdf: number;
  private readonly cdfWidth: number;
  private readonly table: Float64Array | undefined;

  constructor(marginal: ParametricMarginal) {
    this.marginal = marginal;
    if (marginal.family === "truncated-normal") {
      this.lowerCdf = normalCdf((marginal.min - marginal.mean) / marginal.sd);
      this.cdfWidth = normalCdf((marginal.max - marginal.mean) / marginal.sd) - this.lowerCdf;
    } else {
      this.lowerCdf = 0;
      this.cdfWidth = 1;
    }
    this.table = marginal.family === "beta" ? betaQuantileTable(marginal.a, marginal.b) : undefined;
  }

  /** The value at normal score z. */
  fromScore(z: number): number {
    const m = this.marginal;
    switch (m.family) {
      case "normal":
        return m.mean + m.sd * z;
      case "uniform":
        return m.min + normalCdf(z) * (m.max - m.min);
      case "truncated-normal": {
        const u = Math.min(1, Math.max(0, this.lowerCdf + normalCdf(z) * this.cdfWidth));
        return Math.min(m.max, Math.max(m.min, m.mean + m.sd * normalQuantile(u)));
      }
      case "beta": {
        const table = this.table as Float64Array;
        const h = normalCdf(z) * (table.length - 1);
        const i = Math.min(table.length - 2, Math.floor(h));
        const y = (table[i] as number) + (h - i) * ((table[i + 1] as number) - (table[i] as number));
        return m.min + y * (m.max - m.min);
      }
    }
  }
}

function betaQuantileTable(a: number, b: number): Float64Array {
  const table = new Float64Array(BETA_TABLE);
  table[BETA_TABLE - 1] = 1;
  for (let k = 1; k < BETA_TABLE - 1; k++) {
    const p = k / (BETA_TABLE - 1);
    // The CDF is increasing, so bisection from the previous quantile converges to double precision in ≤ 60 steps.
    let lo = table[k - 1] as number;
    let hi = 1;
    for (let step = 0; step < 60 && hi - lo > 1e-15; step++) {
      const mid = 0.5 * (lo + hi);
      if (regularizedIncompleteBeta(mid, a, b) < p) lo = mid;
      else hi = mid;
    }
    table[k] = 0.5 * (lo + hi);
  }
  return table;
}

/** Truncated-normal parameters whose truncated mean and variance match (mean, variance), or null if none found. */
function fitTruncatedNormal(mean: number, variance: number, min: number, max: number): Extract<ParametricCandidate, { family: "truncated-normal" }> | null {
  if (!(variance > 0)) return null;
  const range = max - min;
  let mu = mean;
  let sigma = Math.sqrt(variance);
  for (let iteration = 0; iteration < 200; iteration++) {
    const alpha = (min - mu) / sigma;
    const beta = (max - mu) / sigma;
    const z = normalCdf(beta) - normalCdf(alpha);
    if (!(z > 1e-12)) return null;
    const phiA = Math.exp(-0.5 * alpha * alpha) / Math.sqrt(2 * Math.PI);
    const phiB = Math.exp(-0.5 * beta * beta) / Math.sqrt(2 * Math.PI);
    const shift = (phiA - phiB) / z;
    const truncatedMean = mu + sigma * shift;
    const truncatedVariance = sigma * sigma * (1 + (alpha * phiA - beta * phiB) / z - shift * shift);
    if (!(truncatedVariance > 0)) return null;
    const nextMu = mu + (mean - truncatedMean);
    const nextSigma = sigma * Math.sqrt(variance / truncatedVariance);
    const converged = Math.abs(nextMu - mu) < 1e-10 * range && Math.abs(nextSigma - sigma) < 1e-10 * range;
    mu = nextMu;
    sigma = nextSigma;
    // Beyond these bounds the data are flatter than any truncated normal can be: leave it to `uniform`.
    if (!(sigma > 0 && sigma < 100 * range && Math.abs(mu - mean) < 100 * range)) return null;
    if (converged) break;
  }
  return { family: "truncated-normal", mean: mu, sd: sigma, min, max };
}

/** Beta on [min, max] by the method of moments, or null when the variance is too large for a beta. */
function fitBeta(mean: number, variance: number, min: number, max: number): Extract<ParametricCandidate, { family: "beta" }> | null {
  const range = max - min;
  const m = (mean - min) / range;
  const v = variance / (range * range);
  if (!(v > 0 && m > 0 && m < 1 && v < m * (1 - m))) return null;
  const common = (m * (1 - m)) / v - 1;
  return { family: "beta", a: m * common, b: (1 - m) * common, min, max };
}

function ksDistance(sorted: Float64Array, marginal: ParametricCandidate): number {
  const n = sorted.length;
  const stride = Math.max(1, Math.floor(n / KS_POINTS));
  let d = 0;
  for (let i = 0; i < n; i += stride) {
    const x = sorted[i] as number;
    const f = parametricCdf(marginal, x);
    const below = lowerBound(sorted, x) / n;
    const at = upperBound(sorted, x) / n;
    d = Math.max(d, Math.abs(f - below), Math.abs(f - at));
  }
  return d;
}
