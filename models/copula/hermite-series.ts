import { normalCdf } from "./normal-distribution.js";

/**
 * The latent correlation of interval-coded columns (categories, tie groups, is-missing indicators) by
 * Pearson's tetrachoric series.
 *
 * Why: a discrete column enters the copula as Z ∈ interval(category). Scoring a row by a point drawn uniformly in
 * its interval (SDV's approach) draws that point independently of the other columns, which shrinks every
 * correlation with a discrete column by Var(E[Z | category]) (about 0.5 for a 25 % boolean): samples then carry
 * only about half of a category's real association. Instead, each row is scored by g(Z) = E[Z | interval], the
 * conditional mean, and the latent ρ is solved from the population identity
 *
 *   E[g_i(Z_i) g_j(Z_j)] = Σ_{k≥1} ρ^k a_k(g_i) a_k(g_j),  a_k(g) = E[g(Z) h_k(Z)],
 *
 * with h_k = He_k/√k! the orthonormal Hermite polynomials (Mehler's expansion of the bivariate normal density).
 * For two continuous columns (g(z) = z, a = e₁) this is the plain normal-scores correlation; for one discrete
 * column it is the ad hoc polyserial estimator ρ = Cov(z, g)/Var(g); for two discrete columns a moment version of
 * the polychoric correlation. By construction the fitted copula reproduces every pair's E[g_i g_j], i.e. the
 * observed association of the scores.
 * Sources: K. Pearson, Phil. Trans. R. Soc. A 195:1-47 (1900) (tetrachoric series); U. Olsson, F. Drasgow &
 * N. J. Dorans, Psychometrika 47(3):337-347 (1982) (polyserial); Mehler's formula (NIST DLMF §18.18,
 * https://dlmf.nist.gov/18.18, there for the physicists' Hermite polynomials; here in the probabilists' He_k).
 */

/** Terms of the series kept: ρ^200 < 3e-5 for |ρ| ≤ 0.95, so truncation is invisible below that. */
export const HERMITE_TERMS = 200;

const INV_SQRT_2PI = 0.398942280401432677939946059934;

/**
 * Integrals J_j = ∫_lo^hi h_j(z) φ(z) dz for j = 0..terms+1, into `out`, from ∫ h_j φ = (ψ_{j−1}(lo) − ψ_{j−1}(hi))/√j
 * with ψ_j = h_j φ (since (He_{j−1} φ)' = −He_j φ) and the recurrence ψ_{j+1} = (z ψ_j − √j ψ_{j−1})/√(j+1).
 */
function hermiteIntegrals(lo: number, hi: number, out: Float64Array): void {
  out[0] = normalCdf(hi) - normalCdf(lo);
  let loPrev = 0;
  let hiPrev = 0;
  let loCur = Number.isFinite(lo) ? INV_SQRT_2PI * Math.exp(-0.5 * lo * lo) : 0;
  let hiCur = Number.isFinite(hi) ? INV_SQRT_2PI * Math.exp(-0.5 * hi * hi) : 0;
  for (let j = 1; j < out.length; j++) {
    out[j] = (loCur - hiCur) / Math.sqrt(j);
    const scale = 1 / Math.sqrt(j);
    const root = Math.sqrt(j - 1);
    const loNext = Number.isFinite(lo) ? (lo * loCur - root * loPrev) * scale : 0;
    const hiNext = Number.isFinite(hi) ? (hi * hiCur - root * hiPrev) * scale : 0;
    loPrev = loCur;
    hiPrev = hiCur;
    loCur = loNext;
    hiCur = hiNext;
  }
}

/**
 * Accumulates the Hermite coefficients of a latent score: `coefficients[k − 1]` is a_k, k = 1..HERMITE_TERMS.
 * Start from {@link HermiteCoefficients.identity} for a continuous column (score ≈ z) or zeros for a discrete one, then
 * call {@link addInterval} for each interval whose rows are scored by its conditional mean.
 */
export class HermiteCoefficients {
  readonly values = new Float64Array(HERMITE_TERMS);
  private readonly integrals = new Float64Array(HERMITE_TERMS + 2);

  /** a = e₁: the score is the latent itself. */
  static identity(): HermiteCoefficients {
    const c = new HermiteCoefficients();
    c.values[0] = 1;
    return c;
  }

  /**
   * Rows with latent in [lo, hi] (z scale) are scored by the conditional mean m = E[Z | lo ≤ Z ≤ hi] (returned).
   * `replacesIdentity`: those rows were counted as score z in an identity start, so z·h_k is removed there.
   */
  addInterval(lo: number, hi: number, replacesIdentity = false): number {
    const j = this.integrals;
    hermiteIntegrals(lo, hi, j);
    const mass = j[0] as number;
    if (!(mass > 0)) return 0.5 * (Math.max(lo, -40) + Math.min(hi, 40));
    const mean = (j[1] as number) / mass; // ∫ z φ = J_1 since h_1 = z
    const a = this.values;
    for (let k = 1; k <= HERMITE_TERMS; k++) {
      let term = mean * (j[k] as number);
      // z h_k = √(k+1) h_{k+1} + √k h_{k−1}
      if (replacesIdentity) term -= Math.sqrt(k + 1) * (j[k + 1] as number) + Math.sqrt(k) * (j[k - 1] as number);
      a[k - 1] = (a[k - 1] as number) + term;
    }
    return mean;
  }
}

/**
 * Solves Σ_k ρ^k a_k b_k = `moment` for ρ ∈ [−1, 1] (a, b undefined mean e₁, a continuous score). The left side
 * increases with ρ for scores that increase with the latent (a normal-dependence ordering), so bisection is safe;
 * moments beyond the attainable range give ±1. Cost: O(HERMITE_TERMS × 60) when both are interval-coded.
 */
export function solveLatentCorrelation(moment: number, a: Float64Array | undefined, b: Float64Array | undefined): number {
  if (!a && !b) return clamp1(moment);
  if (!a || !b) {
    // One continuous score: f(ρ) = ρ·a_1 of the other (a_1 = Var(g) > 0 unless g is constant).
    const first = ((a ?? b) as Float64Array)[0] as number;
    return first > 1e-12 ? clamp1(moment / first) : 0;
  }
  const f = (rho: number): number => {
    let s = 0;
    let power = 1;
    for (let k = 0; k < HERMITE_TERMS; k++) {
      power *= rho;
      s += power * (a[k] as number) * (b[k] as number);
    }
    return s;
  };
  const top = f(1);
  const bottom = f(-1);
  // A constant score (one category, one tie group) carries no information about ρ.
  if (!(top - bottom > 1e-12)) return 0;
  if (moment >= top) return 1;
  if (moment <= bottom) return -1;
  let lo = -1;
  let hi = 1;
  for (let i = 0; i < 60 && hi - lo > 1e-12; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < moment) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

function clamp1(r: number): number {
  return Number.isNaN(r) ? 0 : Math.max(-1, Math.min(1, r));
}
