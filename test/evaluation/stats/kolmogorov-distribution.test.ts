import { describe, expect, it } from "vitest";
import { kolmogorovSf, smirnovSf } from "../../../evaluation/stats/kolmogorov-distribution.js";

describe("kolmogorovSf", () => {
  // Reference: scipy 1.10.1, scipy.stats.kstwo.sf(x, n). Each case lands in a different region of the method.
  const cases: [number, number, number][] = [
    [10, 0.3, 0.27053557479999946], // n ≤ 140, Durbin matrix
    [100, 0.1, 0.2526927570063874],
    [141, 0.05, 0.854845693009663], // n > 140, Durbin matrix
    [500, 0.03, 0.7473166700457021],
    [1000, 0.02, 0.8108971656895577],
    [5000, 0.02, 0.03613941395325637], // n·x² ≥ 2.2: 2 × Smirnov
    [5000, 0.01, 0.6954557253913853],
    [20000, 0.005, 0.6974088406327612], // Pelz-Good
    [20000, 0.02, 2.2181270070049744e-7],
    [200000, 0.002, 0.39995085369038097], // n > 100000: Pelz-Good
    [3000, 0.06, 7.87146021467099e-10],
  ];
  it.each(cases)("kstwo.sf at n=%s, x=%s matches scipy", (n, x, expected) => {
    expect(kolmogorovSf(n, x) / expected).toBeCloseTo(1, 9);
  });

  it("handles the edges", () => {
    expect(kolmogorovSf(10, 0)).toBe(1);
    expect(kolmogorovSf(10, 1)).toBe(0);
    expect(kolmogorovSf(10, 0.04)).toBe(1); // x ≤ 1/(2n)
  });

  it("computes the one-sided Smirnov survival function exactly", () => {
    // >>> scipy.special.smirnov(5, 0.3), smirnov(100, 0.1), smirnov(1000, 0.05)
    // (0.34282, 0.1265906584562817, 0.006506037390545166)
    expect(smirnovSf(5, 0.3)).toBeCloseTo(0.34282, 13);
    expect(smirnovSf(100, 0.1) / 0.1265906584562817).toBeCloseTo(1, 11);
    expect(smirnovSf(1000, 0.05) / 0.006506037390545166).toBeCloseTo(1, 10);
  });
});
