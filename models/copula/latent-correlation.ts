import { choleskyFactor } from "./cholesky-factor.js";
import { clipToCorrelation } from "./correlation-repair.js";
import { solveLatentCorrelation } from "./hermite-series.js";

/** One latent dimension's training scores, as the correlation estimate needs them. */
export interface LatentScores {
  /** One score per row; 0 where the value is missing. */
  scores: Float64Array;
  /** 0/1 mask of observed rows, or undefined when every row is observed. */
  observed: Float64Array | undefined;
  /**
   * Hermite coefficients of the score as a function of the latent (see hermite-series.ts), or undefined for a
   * continuous score without ties (the latent itself).
   */
  hermite: Float64Array | undefined;
}

/**
 * How the latent correlation is estimated:
 * - "latent": rows of interval-coded dimensions (categories, ties, indicators) scored by their interval's
 *   conditional mean, and each pair's ρ solved from the tetrachoric series (hermite-series.ts), so the copula
 *   reproduces the observed associations of discrete columns;
 * - "scores": SDV's estimate, the plain Pearson correlation of the scores, where interval-coded rows were given a
 *   point drawn uniformly inside their interval (associations with discrete columns come out attenuated).
 */
export type CorrelationMethod = "latent" | "scores";

/**
 * The copula's correlation matrix from the training scores of its d latent dimensions.
 *
 * Each pair uses the rows where both are observed, with the known mean 0 of normal scores: the moment is
 * S_ij = Σ s_i s_j / n_ij. "scores" returns S_ij / √(v_i v_j), v_i the mean square of s_i over its observed rows,
 * which for continuous columns is the van der Waerden (normal-scores) rank correlation, the usual semiparametric
 * estimate of a Gaussian copula (Genest, Ghoudi & Rivest, Biometrika 82(3):543-552, 1995; Klaassen & Wellner,
 * Bernoulli 3(1):55-77, 1997). "latent" solves S_ij = Σ_k ρ^k a_k b_k for ρ instead, which equals the former for
 * two continuous columns. Fixing the mean at 0 lets every pair share one Gram product over all rows (missing
 * scores are 0 and drop out).
 *
 * @returns the d×d matrix, row-major, unit diagonal; a pair never observed together gets 0. Not necessarily
 * positive definite: see {@link shrinkAndFactor}.
 * Cost: O(n·d²/2) multiply-adds, plus O(d²·200·60) for "latent" pairs of two interval-coded dimensions.
 */
export function latentCorrelationMatrix(dims: readonly LatentScores[], nRows: number, method: CorrelationMethod): Float64Array {
  const d = dims.length;
  const counts = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const mask = dims[i]?.observed;
    counts[i] = mask ? sum(mask) : nRows;
  }
  const gram = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) gram[i * d + j] = dot((dims[i] as LatentScores).scores, (dims[j] as LatentScores).scores);
  }
  const meanSquare = new Float64Array(d);
  for (let i = 0; i < d; i++) meanSquare[i] = (counts[i] as number) > 0 ? (gram[i * d + i] as number) / (counts[i] as number) : 0;
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    out[i * d + i] = 1;
    const a = dims[i] as LatentScores;
    for (let j = 0; j < i; j++) {
      const b = dims[j] as LatentScores;
      const pairs = a.observed && b.observed ? dot(a.observed, b.observed) : a.observed ? (counts[i] as number) : b.observed ? (counts[j] as number) : nRows;
      let r = 0;
      if (pairs > 0) {
        const moment = (gram[i * d + j] as number) / pairs;
        if (method === "latent") {
          r = solveLatentCorrelation(moment, a.hermite, b.hermite);
        } else {
          const scale = Math.sqrt((meanSquare[i] as number) * (meanSquare[j] as number));
          r = scale > 0 ? Math.max(-1, Math.min(1, moment / scale)) : 0;
        }
      }
      out[i * d + j] = r;
      out[j * d + i] = r;
    }
  }
  return out;
}

/**
 * Shrinks a correlation matrix toward the identity, R' = (1 − λ)·R + λ·I, and factors it.
 *
 * Why: collinear columns (a value and its double), constant columns and pairwise estimates make R singular or
 * slightly indefinite. R' keeps the unit diagonal and lifts every eigenvalue of a valid R to ≥ λ, so the factor is
 * well conditioned; with the default λ = 1e-3 correlations move by at most 0.1 %. When R itself is indefinite,
 * its negative eigenvalues are first clipped (correlation-repair.ts); if the factorisation still fails, λ doubles
 * until it succeeds (λ = 1, the identity, always does).
 * Source: the shrinkage target "identity" of Ledoit & Wolf, J. Multivariate Anal. 88:365-411 (2004), here with a
 * fixed small intensity rather than their estimated one.
 *
 * @returns the matrix that was factored, its lower Cholesky factor, the λ used and whether R was clipped
 */
export function shrinkAndFactor(
  correlation: Float64Array,
  d: number,
  shrinkage: number,
): { correlation: Float64Array; factor: Float64Array; shrinkage: number; clipped: boolean } {
  let lambda = shrinkage;
  let base = correlation;
  let clipped = false;
  for (;;) {
    const shrunk = new Float64Array(d * d);
    for (let i = 0; i < d * d; i++) shrunk[i] = (1 - lambda) * (base[i] as number);
    for (let i = 0; i < d; i++) shrunk[i * d + i] = 1;
    const factor = choleskyFactor(shrunk, d);
    if (factor) return { correlation: shrunk, factor, shrinkage: lambda, clipped };
    if (!clipped) {
      base = clipToCorrelation(correlation, d);
      clipped = true;
      continue;
    }
    if (lambda >= 1) throw new Error("the identity matrix failed to factor"); // unreachable: I is positive definite
    lambda = Math.min(1, Math.max(2 * lambda, 1e-6));
  }
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] as number;
  return s;
}

function dot(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += (a[i] as number) * (b[i] as number);
    s1 += (a[i + 1] as number) * (b[i + 1] as number);
    s2 += (a[i + 2] as number) * (b[i + 2] as number);
    s3 += (a[i + 3] as number) * (b[i + 3] as number);
  }
  for (; i < n; i++) s0 += (a[i] as number) * (b[i] as number);
  return s0 + s1 + s2 + s3;
}
