import { UsageError } from "../../core/errors.js";

/**
 * Rényi-DP accounting of DP-SGD: the Sampled Gaussian Mechanism (each row joins a step's batch with probability q,
 * the clipped gradient sum gets Gaussian noise of standard deviation σ·C), composed over the training steps and
 * converted to an (ε, δ) guarantee.
 *
 * The RDP of one step at order α is log(A_α)/(α−1), with A_α computed as in Mironov, Talwar & Zhang (2019),
 * "Rényi Differential Privacy of the Sampled Gaussian Mechanism", arXiv 1908.10530, section 3.3: a binomial
 * expansion for integer α and a two-sided series with erfc tails for fractional α, both in log space. This is the
 * analysis behind TF Privacy's `rdp_accountant` and Opacus's `accountants/analysis/rdp.py`, whose published
 * numbers the tests reproduce.
 *
 * The analysis assumes Poisson sampling (each row independently, probability q). With fixed-size shuffled
 * batches it is the usual approximation, not a proof.
 */

/** Opacus's `RDPAccountant.DEFAULT_ALPHAS`: 1.1, 1.2, …, 10.9, then 12, 13, …, 63. */
export const DEFAULT_ORDERS: readonly number[] = Object.freeze([
  ...Array.from({ length: 99 }, (_, i) => 1 + (i + 1) / 10),
  ...Array.from({ length: 52 }, (_, i) => 12 + i),
]);

/**
 * Opacus's orders plus larger ones. The (ε, δ) conversion has a floor of about log(1/δ)/(α−1) at order α, so with
 * orders up to 63 no noise reaches ε below ~0.2 at δ = 1e-7; the small per-row budgets of patient-level DP
 * (ε divided by a patient's row count, models/linked/records-model.ts) need orders in the hundreds or thousands.
 * Adding orders can only tighten the minimum over orders; each is a valid RDP bound.
 */
export const WIDE_ORDERS: readonly number[] = Object.freeze([...DEFAULT_ORDERS, 80, 96, 128, 160, 192, 256, 320, 384, 512, 768, 1024, 1536, 2048, 4096]);

/** The accountant's name as the privacy ledger records it. */
export const RDP_ACCOUNTANT_NAME = "RDP (Mironov et al. 2019), orders 1.1–63";

/**
 * How RDP is turned into (ε, δ)-DP at each order α (the smallest ε over the orders is kept):
 * - "improved": ε = rdp − (log δ + log α)/(α−1) + log((α−1)/α), Balle et al. (2020) "Hypothesis testing
 *   interpretations and Rényi differential privacy", Theorem 21; what Opacus's `get_privacy_spent` uses.
 * - "classic": ε = rdp + log(1/δ)/(α−1), Mironov (2017) Proposition 3; what TF Privacy used until 2020.
 */
export type RdpConversion = "improved" | "classic";

/** log(e^x + e^y) without overflow. */
function logAdd(x: number, y: number): number {
  const lo = Math.min(x, y);
  const hi = Math.max(x, y);
  if (lo === -Infinity) return hi;
  return Math.log1p(Math.exp(lo - hi)) + hi;
}

/** log(e^x − e^y) for x ≥ y. */
function logSub(x: number, y: number): number {
  if (x < y) throw new RangeError("the result of a log-space subtraction must be non-negative");
  if (y === -Infinity) return x;
  if (x === y) return -Infinity;
  const d = x - y;
  // expm1 overflows beyond ~709; e^x − e^y is then e^x to double precision.
  return d > 700 ? x : Math.log(Math.expm1(d)) + y;
}

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erfc(x) for x ≥ 0 below 2: 1 − erf(x), erf from its all-positive series
 * erf(x) = (2/√π) e^{−x²} Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1)) (Abramowitz & Stegun 7.1.6), so no cancellation inside
 * the sum; the subtraction costs at most ~2.5 digits at x = 2 (erfc(2) ≈ 0.0047).
 */
function erfcSmall(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 0; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 3);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return 1 - (2 / SQRT_PI) * Math.exp(-x2) * sum;
}

/**
 * log(erfc(x)) accurate far into both tails (the fractional-order series needs erfc(40) and beyond). For x ≥ 2,
 * erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) (A&S 7.1.14), evaluated by the modified
 * Lentz method and kept in log space; below, the series above; for x < 0, erfc(x) = 2 − erfc(−x).
 */
export function logErfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return Math.log(2 - Math.exp(logErfc(-x)));
  if (x < 2) return Math.log(erfcSmall(x));
  if (x === Infinity) return -Infinity;
  // Continued fraction K = 1/(x + a1/(x + a2/(x + …))) with a_k = k/2.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return -x * x - Math.log(SQRT_PI) - Math.log(f);
}

/** log(A_α) for integer α ≥ 2 and 0 < q < 1: log Σ_k C(α,k) q^k (1−q)^{α−k} e^{(k²−k)/(2σ²)}. */
function logAInteger(q: number, sigma: number, alpha: number): number {
  let logA = -Infinity;
  let logBinom = 0; // log C(α, 0)
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  for (let k = 0; k <= alpha; k++) {
    if (k > 0) logBinom += Math.log(alpha - k + 1) - Math.log(k);
    const term = logBinom + k * logQ + (alpha - k) * log1mQ + (k * k - k) / (2 * sigma * sigma);
    logA = logAdd(logA, term);
  }
  return logA;
}

/**
 * log(A_α) for fractional α > 1 and 0 < q < 1: the integral split at z0 = σ² log(1/q − 1) + 1/2, each side a
 * series in generalised binomial coefficients C(α, i) times Gaussian tail masses, summed until both new terms are
 * below e^−30 (the stopping rule of the reference implementations).
 */
function logAFractional(q: number, sigma: number, alpha: number): number {
  let logA0 = -Infinity;
  let logA1 = -Infinity;
  const z0 = sigma * sigma * Math.log(1 / q - 1) + 0.5;
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  const scale = Math.SQRT2 * sigma;
  let logAbsCoef = 0; // log |C(α, 0)|
  let sign = 1;
  for (let i = 0; ; i++) {
    if (i > 0) {
      // C(α, i) = C(α, i−1) (α − i + 1) / i
      const factor = alpha - i + 1;
      logAbsCoef += Math.log(Math.abs(factor)) - Math.log(i);
      if (factor < 0) sign = -sign;
    }
    const j = alpha - i;
    const logT0 = logAbsCoef + i * logQ + j * log1mQ;
    const logT1 = logAbsCoef + j * logQ + i * log1mQ;
    const logE0 = Math.log(0.5) + logErfc((i - z0) / scale);
    const logE1 = Math.log(0.5) + logErfc((z0 - j) / scale);
    const logS0 = logT0 + (i * i - i) / (2 * sigma * sigma) + logE0;
    const logS1 = logT1 + (j * j - j) / (2 * sigma * sigma) + logE1;
    if (sign > 0) {
      logA0 = logAdd(logA0, logS0);
      logA1 = logAdd(logA1, logS1);
    } else {
      logA0 = logSub(logA0, logS0);
      logA1 = logSub(logA1, logS1);
    }
    if (Math.max(logS0, logS1) < -30) break;
    if (i > 100_000) throw new Error(`the RDP series did not converge (q=${q}, sigma=${sigma}, alpha=${alpha})`);
  }
  return logAdd(logA0, logA1);
}

/**
 * RDP at order `alpha` of one step of the Sampled Gaussian Mechanism with sampling rate `q` and noise multiplier
 * `sigma` (noise standard deviation over the L2 sensitivity). q = 1 (no sampling) gives α/(2σ²).
 */
export function rdpSampledGaussian(q: number, sigma: number, alpha: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`sampling rate must be in [0, 1], got ${q}`);
  if (!(alpha > 1)) throw new RangeError(`RDP order must be > 1, got ${alpha}`);
  if (q === 0) return 0;
  if (sigma === 0) return Infinity;
  if (q === 1) return alpha / (2 * sigma * sigma);
  if (alpha === Infinity) return Infinity;
  const logA = Number.isInteger(alpha) ? logAInteger(q, sigma, alpha) : logAFractional(q, sigma, alpha);
  return logA / (alpha - 1);
}

/** RDP of `steps` compositions of the Sampled Gaussian Mechanism at each order (RDP adds up over steps). */
export function computeRdp(q: number, sigma: number, steps: number, orders: readonly number[] = DEFAULT_ORDERS): Float64Array {
  return Float64Array.from(orders, (alpha) => rdpSampledGaussian(q, sigma, alpha) * steps);
}

/** The smallest ε over the orders for the given δ, and the order that achieved it. ε is floored at 0. */
export function epsilonFromRdp(
  orders: readonly number[],
  rdp: ArrayLike<number>,
  delta: number,
  conversion: RdpConversion = "improved",
): { epsilon: number; order: number } {
  if (orders.length !== rdp.length) throw new RangeError(`${orders.length} orders but ${rdp.length} RDP values`);
  if (!(delta > 0 && delta < 1)) throw new RangeError(`delta must be in (0, 1), got ${delta}`);
  const logDelta = Math.log(delta);
  let best = Infinity;
  let bestOrder = Number.NaN;
  for (let k = 0; k < orders.length; k++) {
    const alpha = orders[k] as number;
    const r = rdp[k] as number;
    const eps =
      conversion === "improved"
        ? r - (logDelta + Math.log(alpha)) / (alpha - 1) + Math.log((alpha - 1) / alpha)
        : r - logDelta / (alpha - 1);
    if (eps < best) {
      best = eps;
      bestOrder = alpha;
    }
  }
  return { epsilon: Math.max(0, best), order: bestOrder };
}

export interface DpSgdAccounting {
  /** Probability that a row joins a step's batch (expected batch size / rows). */
  sampleRate: number;
  /** Noise standard deviation divided by the clipping norm. */
  noiseMultiplier: number;
  steps: number;
  delta: number;
  orders?: readonly number[];
  conversion?: RdpConversion;
}

/** (ε at δ) spent by DP-SGD with these settings, and the RDP order that gave it. */
export function dpSgdEpsilon(options: DpSgdAccounting): { epsilon: number; order: number } {
  const orders = options.orders ?? DEFAULT_ORDERS;
  const rdp = computeRdp(options.sampleRate, options.noiseMultiplier, options.steps, orders);
  return epsilonFromRdp(orders, rdp, options.delta, options.conversion ?? "improved");
}

/** Above this noise multiplier the budget is treated as unreachable (Opacus's MAX_SIGMA). */
const MAX_NOISE_MULTIPLIER = 1e6;

/**
 * The noise multiplier that makes `steps` DP-SGD steps at sampling rate `sampleRate` spend at most
 * `targetEpsilon` at `delta`: bisection as in Opacus's `get_noise_multiplier` (double the upper bound from 10
 * until it is private enough, then halve the bracket until the ε of the upper end is within `tolerance` below
 * the target). The returned σ always satisfies ε(σ) ≤ targetEpsilon.
 *
 * @throws {UsageError} the target is not positive or needs more noise than any sensible run
 */
export function noiseMultiplierFor(
  targetEpsilon: number,
  delta: number,
  sampleRate: number,
  steps: number,
  options: { tolerance?: number; orders?: readonly number[]; conversion?: RdpConversion } = {},
): number {
  if (!(targetEpsilon > 0) || !Number.isFinite(targetEpsilon)) {
    throw new UsageError([{ path: "epsilon", message: `must be a positive number, got ${targetEpsilon}` }]);
  }
  // Opacus uses 0.01 absolute; relative for small targets (ε of 0.01–0.1 per row under group privacy), else the
  // search stops far below the budget and adds needless noise.
  const tolerance = options.tolerance ?? Math.min(0.01, 0.01 * targetEpsilon);
  const epsilonAt = (sigma: number) =>
    dpSgdEpsilon({ sampleRate, noiseMultiplier: sigma, steps, delta, ...(options.orders ? { orders: options.orders } : {}), conversion: options.conversion ?? "improved" }).epsilon;
  let sigmaLow = 0;
  let sigmaHigh = 10;
  let epsHigh = Infinity;
  while (epsHigh > targetEpsilon) {
    sigmaHigh *= 2;
    epsHigh = epsilonAt(sigmaHigh);
    if (sigmaHigh > MAX_NOISE_MULTIPLIER) {
      throw new UsageError(
        [{ path: "epsilon", message: `${targetEpsilon} cannot be reached with ${steps} steps at sampling rate ${sampleRate} (delta ${delta})` }],
        "Raise epsilon, train for fewer epochs or use smaller batches.",
      );
    }
  }
  while (targetEpsilon - epsHigh > tolerance) {
    const sigma = (sigmaLow + sigmaHigh) / 2;
    const eps = epsilonAt(sigma);
    if (eps < targetEpsilon) {
      sigmaHigh = sigma;
      epsHigh = eps;
    } else {
      sigmaLow = sigma;
    }
  }
  return sigmaHigh;
}
