/**
 * The standard normal distribution the copula maps through: Φ (this file) and Φ⁻¹ (reused from the evaluation's
 * Wichura AS 241, which is already checked against scipy there and here).
 */
export { normalQuantile } from "../../evaluation/stats/intervals.js";

// Cody's rational Chebyshev coefficients (ANORM), for |x| ≤ 0.66291, 0.66291 < |x| ≤ √32 and |x| > √32.
// Source: W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23(107):631-637,
// 1969, as published in his ACM TOMS Algorithm 715 (SPECFUN, 1993); the same constants drive R's pnorm.
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113] as const;
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956] as const;
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
] as const;
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
] as const;
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303] as const;
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5] as const;
const SMALL = 0.66291;
const SQRT_32 = 5.656854249492380195206754896838;
const INV_SQRT_2PI = 0.398942280401432677939946059934;

/**
 * The standard normal CDF Φ(x), by Cody's rational Chebyshev approximations of erf/erfc: about 1e-16
 * relative accuracy in the centre and for the lower tail down to Φ ≈ 1e-300 (the upper tail is 1 − tail, so
 * values within 1e-16 of 1 round to 1, as any double does).
 *
 * Why not 0.5·erfc(−x/√2) from a short series: the copula maps millions of values through Φ per sample call,
 * so it must be both fast (one exp or two, a dozen multiply-adds) and exact in the tails, where a short series
 * loses all relative precision.
 *
 * Source: W. J. Cody, Math. Comp. 23:631-637 (1969); ACM TOMS Algorithm 715 (1993), function ANORM.
 * Checked against scipy.stats.norm.cdf in the tests. Cost: O(1).
 *
 * @example normalCdf(-1) // 0.15865525393145707
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= SMALL) {
    const s = x * x;
    let num = A[4] * s;
    let den = s;
    for (let i = 0; i < 3; i++) {
      num = (num + (A[i] as number)) * s;
      den = (den + (B[i] as number)) * s;
    }
    return 0.5 + (x * (num + A[3])) / (den + B[3]);
  }
  // Beyond 40 the tail is below the smallest double (and ±∞ would give ∞ − ∞ below).
  if (y > 40) return x > 0 ? 1 : 0;
  let ratio: number;
  if (y <= SQRT_32) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + (C[i] as number)) * y;
      den = (den + (D[i] as number)) * y;
    }
    ratio = (num + C[7]) / (den + D[7]);
  } else {
    const s = 1 / (x * x);
    let num = P[5] * s;
    let den = s;
    for (let i = 0; i < 4; i++) {
      num = (num + (P[i] as number)) * s;
      den = (den + (Q[i] as number)) * s;
    }
    ratio = (INV_SQRT_2PI - (s * (num + P[4])) / (den + Q[4])) / y;
  }
  // exp(−y²/2) split as exp(−t²/2)·exp(−(y−t)(y+t)/2) with t = y rounded down to 1/16, so the square is exact
  // and the tail keeps full relative precision (Cody's device against cancellation in y²).
  const t = Math.trunc(y * 16) / 16;
  const tail = Math.exp(-0.5 * t * t) * Math.exp(-0.5 * (y - t) * (y + t)) * ratio;
  return x > 0 ? 1 - tail : tail;
}
