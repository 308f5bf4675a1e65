// Lanczos approximation, g = 7, n = 9: relative error below 1e-15 for real arguments > 0.
// Source: Numerical Recipes 3rd ed. §6.1; coefficients from https://en.wikipedia.org/wiki/Lanczos_approximation
const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/**
 * Natural log of the gamma function, log Γ(x), for x > 0 (reflection for x < 0.5).
 * Used for binomial coefficients and factorials far beyond the range of doubles (the KS distributions).
 */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let a = COEFFICIENTS[0];
  const t = z + G + 0.5;
  for (let i = 1; i < COEFFICIENTS.length; i++) a += (COEFFICIENTS[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** log C(n, k) for 0 ≤ k ≤ n. */
export function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}
