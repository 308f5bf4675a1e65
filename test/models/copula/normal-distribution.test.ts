import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "../../../models/copula/normal-distribution.js";

describe("normalQuantile (Φ⁻¹, Wichura AS 241)", () => {
  it("matches scipy.stats.norm.ppf", () => {
    // scipy.stats.norm.ppf(0.975) = 1.959963984540054; ppf(1e-10) = -6.361340902404056
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 11);
    // mpmath (40 digits): sqrt(2)·erfinv(2p − 1) at p = 0.02425 and 0.999
    expect(normalQuantile(0.02425)).toBeCloseTo(-1.9729610513118849, 12);
    expect(normalQuantile(0.999)).toBeCloseTo(3.0902323061678135, 12);
    expect(normalQuantile(0.5)).toBe(0);
  });
});

describe("normalCdf (Φ, Cody)", () => {
  it("matches scipy.stats.norm.cdf and mpmath.ncdf", () => {
    // scipy.stats.norm.cdf(-1) = 0.15865525393145707
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 15);
    // mpmath.ncdf at 40 digits
    const reference: [number, number][] = [
      [0.3, 0.61791142218895263],
      [0.5, 0.6914624612740131],
      [1.96, 0.97500210485177956],
      [2.5, 0.99379033467422386],
      [6, 0.99999999901341235],
    ];
    for (const [x, p] of reference) expect(normalCdf(x)).toBeCloseTo(p, 15);
  });

  it("keeps full relative precision in the lower tail", () => {
    // mpmath.ncdf at 40 digits
    const tail: [number, number][] = [
      [-3, 0.0013498980316300945],
      [-5, 2.8665157187919391e-7],
      [-10, 7.619853024160526e-24],
      [-20, 2.7536241186062337e-89],
      [-37, 5.7255712225245768e-300],
    ];
    for (const [x, p] of tail) expect(Math.abs(normalCdf(x) / p - 1)).toBeLessThan(1e-13);
  });

  it("is symmetric, handles infinities and NaN, and inverts normalQuantile", () => {
    for (const x of [0.1, 0.7, 1.3, 4.2]) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
    for (const p of [1e-12, 1e-6, 0.01, 0.3, 0.5, 0.77, 0.999]) expect(Math.abs(normalCdf(normalQuantile(p)) / p - 1)).toBeLessThan(1e-12);
  });
});
