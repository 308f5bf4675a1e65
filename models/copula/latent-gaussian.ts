import type { Rng } from "../../core/rng.js";
import { choleskyFactor } from "./cholesky-factor.js";

/**
 * One way of walking the latent dimensions: `order` lists the known (conditioning) dimensions first, then the
 * ones to draw; `factor` is the lower Cholesky factor of the correlation matrix permuted to that order.
 */
export interface ConditioningPlan {
  order: Int32Array;
  known: number;
  factor: Float64Array;
}

/**
 * The copula's latent standard-normal vector z ~ N(0, R), sampled unconditionally or given some of its
 * coordinates.
 *
 * Conditioning by the Cholesky factor: order the dimensions known-first and factor R = L Lᵀ in that order.
 * Writing z = L ε with ε ~ N(0, I), the known block fixes ε_c = L_cc⁻¹ z_c (forward substitution), and the rest is
 * z_t = L_tc ε_c + L_tt ε_t with fresh normals ε_t. Since L_tc L_cc⁻¹ = Σ_tc Σ_cc⁻¹ and L_tt L_ttᵀ =
 * Σ_tt − Σ_tc Σ_cc⁻¹ Σ_ct, this draws exactly from the conditional Gaussian, at d²/2 multiply-adds per row and with
 * no inverse formed. With nothing known it is the usual z = L ε.
 * Source: Golub & Van Loan, Matrix Computations, 4th ed., §4.2 (Cholesky) and the Schur-complement identity of the
 * conditional normal, e.g. Anderson, An Introduction to Multivariate Statistical Analysis, 3rd ed., Thm 2.5.1.
 */
export class LatentGaussian {
  readonly dim: number;
  readonly correlation: Float64Array;
  private readonly plans = new Map<string, ConditioningPlan>();

  /** `correlation` must be positive definite (see shrinkAndFactor); `factor` its factor in natural order. */
  constructor(correlation: Float64Array, dim: number, factor: Float64Array) {
    this.dim = dim;
    this.correlation = correlation;
    this.plans.set("", { order: Int32Array.from({ length: dim }, (_, i) => i), known: 0, factor });
  }

  /**
   * The plan that conditions on `known` (ascending dimension indices); cached by that set. The leading dimensions
   * 0..k−1 in natural order reuse the natural factor (a leading block's factor is the leading block of L).
   */
  plan(known: ArrayLike<number>): ConditioningPlan {
    let key = "";
    let leading = true;
    for (let i = 0; i < known.length; i++) {
      key += `${known[i] as number},`;
      if (known[i] !== i) leading = false;
    }
    const cached = this.plans.get(key);
    if (cached) return cached;
    const d = this.dim;
    let plan: ConditioningPlan;
    if (leading) {
      plan = { ...(this.plans.get("") as ConditioningPlan), known: known.length };
    } else {
      const isKnown = new Uint8Array(d);
      for (let i = 0; i < known.length; i++) isKnown[known[i] as number] = 1;
      const order = new Int32Array(d);
      let w = 0;
      for (let i = 0; i < known.length; i++) order[w++] = known[i] as number;
      for (let i = 0; i < d; i++) if (!isKnown[i]) order[w++] = i;
      const permuted = new Float64Array(d * d);
      for (let a = 0; a < d; a++) {
        for (let b = 0; b < d; b++) permuted[a * d + b] = this.correlation[(order[a] as number) * d + (order[b] as number)] as number;
      }
      // A symmetric permutation of a positive-definite matrix is positive definite, so this cannot fail.
      const factor = choleskyFactor(permuted, d);
      if (!factor) throw new Error("a permuted correlation matrix failed to factor");
      plan = { order, known: known.length, factor };
    }
    this.plans.set(key, plan);
    return plan;
  }

  /**
   * Completes `z` (indexed by dimension): the plan's known dimensions are read from it, the others are drawn
   * from their conditional distribution and written into it. `eps` is scratch of length dim (no allocation here).
   */
  sampleInto(plan: ConditioningPlan, z: Float64Array, eps: Float64Array, rng: Rng): void {
    const { order, known, factor } = plan;
    const d = this.dim;
    for (let k = 0; k < d; k++) {
      const row = k * d;
      let s = 0;
      for (let j = 0; j < k; j++) s += (factor[row + j] as number) * (eps[j] as number);
      const dimension = order[k] as number;
      const diagonal = factor[row + k] as number;
      if (k < known) {
        eps[k] = ((z[dimension] as number) - s) / diagonal;
      } else {
        const e = rng.normal();
        eps[k] = e;
        z[dimension] = s + diagonal * e;
      }
    }
  }
}
