import { logChoose, logGamma } from "./log-gamma.js";

/**
 * Survival function of the two-sided one-sample Kolmogorov–Smirnov statistic D_n for sample size n:
 * P(D_n ≥ x). This is the distribution scipy calls `kstwo`; `ks_2samp` uses it (with n = round(n1·n2/(n1+n2)))
 * for its asymptotic p-value, so {@link ksTwoSample} matches scipy in that mode too.
 *
 * Method by region, after Simard & L'Ecuyer (2011), the same regions scipy uses:
 * - x ≤ 1/(2n): 1; n·x ≤ 1: Ruben–Gambino closed form; n·x ≥ n − 1: 2(1 − x)^n; x ≥ 1/2: 2·Smirnov.
 * - n ≤ 140: Durbin's matrix (exact) while n·x² ≤ 4, else 2·Smirnov (tiny p; the doubling error is negligible).
 * - n > 140: n·x² ≥ 370 → 0; n·x² ≥ 2.2 → 2·Smirnov; else 1 − CDF, where the CDF is Durbin's matrix when
 *   n ≤ 100000 and n·x^1.5 ≤ 1.4, and the Pelz–Good asymptotic series otherwise.
 *
 * Sources: R. Simard, P. L'Ecuyer, "Computing the Two-Sided Kolmogorov-Smirnov Distribution", J. Stat. Softw.
 * 39(11), 2011, https://doi.org/10.18637/jss.v039.i11; G. Marsaglia, W. W. Tsang, J. Wang, "Evaluating
 * Kolmogorov's Distribution", J. Stat. Softw. 8(18), 2003, https://doi.org/10.18637/jss.v008.i18.
 */
export function kolmogorovSf(n: number, x: number): number {
  if (!(n >= 1) || !Number.isFinite(x)) return Number.NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    // Ruben & Gambino (1982): P(D_n ≤ x) = n!/n^n (2nx − 1)^n for 1/(2n) ≤ x ≤ 1/n.
    const logCdf = logGamma(n + 1) - n * Math.log(n) + n * Math.log(2 * t - 1);
    return clamp01(1 - Math.exp(logCdf));
  }
  if (t >= n - 1) return clamp01(2 * (1 - x) ** n);
  if (x >= 0.5) return clamp01(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 4) return clamp01(1 - durbinMatrixCdf(n, x));
    return clamp01(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clamp01(2 * smirnovSf(n, x));
  const cdf = n <= 100_000 && n * x ** 1.5 <= 1.4 ? durbinMatrixCdf(n, x) : pelzGoodCdf(n, x);
  return clamp01(1 - cdf);
}

/**
 * One-sided Smirnov survival function P(D⁺_n ≥ x), exactly, by the Birnbaum–Tingey (1951) sum
 * x Σ_{j=0}^{⌊n(1−x)⌋} C(n,j) (1 − x − j/n)^{n−j} (x + j/n)^{j−1}, evaluated in log space.
 * Cost: O(n(1 − x)) terms.
 */
export function smirnovSf(n: number, x: number): number {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const last = Math.floor(n * (1 - x) + 1e-12);
  // All terms are positive: sum them relative to the largest to avoid underflow.
  const logs = new Float64Array(last + 1);
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j <= last; j++) {
    const a = 1 - x - j / n;
    const b = x + j / n;
    const logTerm =
      logChoose(n, j) + (a <= 0 ? (n - j === 0 ? 0 : Number.NEGATIVE_INFINITY) : (n - j) * Math.log(a)) + (j - 1) * Math.log(b);
    logs[j] = logTerm;
    if (logTerm > max) max = logTerm;
  }
  if (max === Number.NEGATIVE_INFINITY) return 0;
  let sum = 0;
  for (let j = 0; j <= last; j++) sum += Math.exp((logs[j] as number) - max);
  return clamp01(x * sum * Math.exp(max));
}

/**
 * P(D_n < x) by Durbin's matrix formula as given by Marsaglia, Tsang & Wang (2003): with k = ⌊nx⌋ + 1,
 * m = 2k − 1, h = k − nx, the CDF is n!/n^n · (H^n)_{k,k} for an m×m matrix H built from h. Exact up to
 * rounding; cost O(m³ log n), so only used where nx is small.
 */
export function durbinMatrixCdf(n: number, x: number): number {
  const k = Math.floor(n * x) + 1;
  const m = 2 * k - 1;
  const h = k - n * x;
  const H = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) H[i * m + j] = i - j + 1 >= 0 ? 1 : 0;
  for (let i = 0; i < m; i++) {
    H[i * m]! -= h ** (i + 1);
    H[(m - 1) * m + i]! -= h ** (m - i);
  }
  if (2 * h - 1 > 0) H[(m - 1) * m]! += (2 * h - 1) ** m;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const d = i - j + 1;
      // Divide by d! for the lower part (d ≥ 2; d = 1 divides by 1).
      if (d > 1) H[i * m + j]! /= Math.exp(logGamma(d + 1));
    }
  }
  // Power by repeated squaring, keeping a base-2 exponent aside so entries stay in range.
  const { matrix, exponent } = matrixPower(H, m, n);
  const entry = matrix[(k - 1) * m + (k - 1)] as number;
  const logCdf = Math.log(entry) + exponent * Math.LN2 + logGamma(n + 1) - n * Math.log(n);
  return clamp01(Math.exp(logCdf));
}

function matrixPower(base: Float64Array, m: number, power: number): { matrix: Float64Array; exponent: number } {
  if (power === 1) return { matrix: base.slice(), exponent: 0 };
  const half = matrixPower(base, m, Math.floor(power / 2));
  let product = multiply(half.matrix, half.matrix, m);
  let exponent = 2 * half.exponent;
  if (power % 2 === 1) product = multiply(base, product, m);
  // Rescale by a power of two (exact) when the central entry grows large.
  const centre = Math.abs(product[Math.floor(m / 2) * m + Math.floor(m / 2)] as number);
  if (centre > 2 ** 460) {
    const shift = Math.floor(Math.log2(centre));
    const scale = 2 ** -shift;
    for (let i = 0; i < product.length; i++) product[i]! *= scale;
    exponent += shift;
  }
  return { matrix: product, exponent };
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const ail = a[i * m + l] as number;
      if (ail === 0) continue;
      const rowB = l * m;
      const rowOut = i * m;
      for (let j = 0; j < m; j++) out[rowOut + j]! += ail * (b[rowB + j] as number);
    }
  }
  return out;
}

/**
 * P(D_n ≤ x) by the Pelz–Good (1976) asymptotic series K0 + K1/√n + K2/n + K3/n^{3/2} in z = x√n, in the
 * form given by Simard & L'Ecuyer (2011), eq. (9)-(12). Accurate to about 5 digits for n > 140.
 */
export function pelzGoodCdf(n: number, x: number): number {
  const z = x * Math.sqrt(n);
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const pi2 = Math.PI * Math.PI;
  if (pi2 / (8 * z2) > 700) return 0;
  const sqrt2pi = Math.sqrt(2 * Math.PI);
  // Terms over odd multiples: u = (k − 1/2)² π², weight exp(−u / (2z²)).
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  // Terms over whole multiples: v = k² π², weight exp(−v / (2z²)).
  let t2 = 0;
  let t3 = 0;
  for (let k = 1; k <= 200; k++) {
    const u = (k - 0.5) * (k - 0.5) * pi2;
    const wu = Math.exp(-u / (2 * z2));
    const v = k * k * pi2;
    const wv = Math.exp(-v / (2 * z2));
    s0 += wu;
    s1 += (u - z2) * wu;
    s2 += (6 * z6 + 2 * z4 + (2 * z4 - 5 * z2) * u + (1 - 2 * z2) * u * u) * wu;
    s3 += (-30 * z6 - 90 * z6 * z2 + (135 * z4 - 96 * z6) * u + (212 * z4 - 60 * z2) * u * u + (5 - 30 * z2) * u * u * u) * wu;
    t2 += v * wv;
    t3 += (3 * z2 - v) * v * wv;
    if (wu < 1e-300 && wv < 1e-300) break;
  }
  const K0 = (sqrt2pi / z) * s0;
  const K1 = (sqrt2pi / (6 * z4)) * s1;
  const K2 = (sqrt2pi / (72 * z6 * z)) * s2 - (sqrt2pi / (36 * z2 * z)) * t2;
  const K3 = (sqrt2pi / (6480 * z6 * z4)) * s3 + (sqrt2pi / (216 * z6)) * t3;
  return clamp01(K0 + K1 / Math.sqrt(n) + K2 / n + K3 / (n * Math.sqrt(n)));
}

function clamp01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
