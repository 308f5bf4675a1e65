import { describe, expect, it } from "vitest";
import { HERMITE_TERMS, HermiteCoefficients, solveLatentCorrelation } from "../../../models/copula/hermite-series.js";
import { normalCdf, normalQuantile } from "../../../models/copula/normal-distribution.js";

/** Coefficients of a binary latent split at z = t (scores: conditional means of the two halves). */
function binary(t: number): { c: HermiteCoefficients; means: [number, number] } {
  const c = new HermiteCoefficients();
  const means: [number, number] = [c.addInterval(Number.NEGATIVE_INFINITY, t), c.addInterval(t, Number.POSITIVE_INFINITY)];
  return { c, means };
}

describe("HermiteCoefficients", () => {
  it("scores a median split by ±√(2/π) with a₁ = Var(g) = 2/π", () => {
    const { c, means } = binary(0);
    expect(means[0]).toBeCloseTo(-Math.sqrt(2 / Math.PI), 14);
    expect(means[1]).toBeCloseTo(Math.sqrt(2 / Math.PI), 14);
    expect(c.values[0]).toBeCloseTo(2 / Math.PI, 14);
    // Even terms vanish by symmetry; the truncated Parseval sum approaches Var(g) = 2/π from below.
    expect(c.values[1]).toBeCloseTo(0, 14);
    let sumSquares = 0;
    for (const a of c.values) sumSquares += a * a;
    expect(sumSquares).toBeLessThan(2 / Math.PI);
    expect(sumSquares).toBeGreaterThan(2 / Math.PI - 0.03);
    expect(c.values.length).toBe(HERMITE_TERMS);
  });

  it("is the identity for a continuous score, and removing the whole line leaves nothing", () => {
    const c = HermiteCoefficients.identity();
    expect(c.values[0]).toBe(1);
    c.addInterval(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, true);
    for (const a of c.values) expect(Math.abs(a)).toBeLessThan(1e-15);
  });
});

describe("solveLatentCorrelation", () => {
  it("inverts the tetrachoric identity for two median splits", () => {
    // For latents split at 0 with correlation ρ: E[g g'] = (2/π)·(2/π)·asin ρ (Sheppard's formula).
    const { c } = binary(0);
    for (const rho of [-0.8, -0.3, 0, 0.35, 0.6, 0.9]) {
      const moment = (2 / Math.PI) * (2 / Math.PI) * Math.asin(rho);
      expect(solveLatentCorrelation(moment, c.values, c.values)).toBeCloseTo(rho, 4);
    }
  });

  it("handles uneven splits: the moment of a known ρ comes back to ρ", () => {
    // Two 75 % / 25 % splits: the moment E[g(X) g(Y)] at ρ = 0.5 by direct numerical integration of
    // E[g(X) E[g(Y) | X]] (midpoint rule), independent of the series.
    const t = normalQuantile(0.75);
    const { c, means } = binary(t);
    const rho = 0.5;
    let moment = 0;
    const steps = 20000;
    for (let i = 0; i < steps; i++) {
      const x = -8 + (16 * (i + 0.5)) / steps;
      const density = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
      // P(Y > t | X = x), with Y | X ~ N(ρx, 1 − ρ²).
      const pUpper = 1 - normalCdf((t - rho * x) / Math.sqrt(1 - rho * rho));
      const gY = means[0] * (1 - pUpper) + means[1] * pUpper;
      moment += (x < t ? means[0] : means[1]) * gY * density * (16 / steps);
    }
    expect(solveLatentCorrelation(moment, c.values, c.values)).toBeCloseTo(rho, 3);
  });

  it("is the plain ratio for one continuous score, and the moment for two", () => {
    const { c } = binary(0);
    expect(solveLatentCorrelation(0.3, undefined, c.values)).toBeCloseTo(0.3 / (2 / Math.PI), 14);
    expect(solveLatentCorrelation(0.42, undefined, undefined)).toBe(0.42);
    expect(solveLatentCorrelation(1.5, undefined, undefined)).toBe(1);
  });

  it("gives 0 when a score is constant", () => {
    const constant = new HermiteCoefficients();
    const { c } = binary(0);
    expect(solveLatentCorrelation(0, constant.values, c.values)).toBe(0);
    expect(solveLatentCorrelation(0, undefined, constant.values)).toBe(0);
  });
});
