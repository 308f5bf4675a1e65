import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { quantileSorted } from "../../../evaluation/stats/intervals.js";
import { empiricalCdfRange, empiricalQuantile, fitEmpiricalMarginal } from "../../../models/copula/empirical-marginal.js";

describe("fitEmpiricalMarginal", () => {
  it("puts single values at their mid-rank and point masses on flat segments", () => {
    const m = fitEmpiricalMarginal(Float64Array.of(0, 0, 1, 3), 1000);
    expect(Array.from(m.p)).toEqual([0, 0.5, 0.625, 0.875, 1]);
    expect(Array.from(m.x)).toEqual([0, 0, 1, 3, 3]);
    expect(empiricalQuantile(m, 0)).toBe(0);
    expect(empiricalQuantile(m, 0.25)).toBe(0);
    expect(empiricalQuantile(m, 0.7)).toBeCloseTo(1.6, 12);
    expect(empiricalQuantile(m, 0.95)).toBe(3);
    expect(empiricalQuantile(m, 1)).toBe(3);
  });

  it("thins a large column to a quantile grid, keeping the ends and wide point masses", () => {
    const rng = new Rng("thin");
    const n = 20000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = rng.bernoulli(0.4) ? 0 : Math.round(rng.gamma(2, 1) * 1e6) / 1e6;
    const sorted = values.slice().sort();
    const m = fitEmpiricalMarginal(sorted, 200);
    expect(m.p.length).toBeLessThanOrEqual(202);
    expect(empiricalQuantile(m, 0)).toBe(sorted[0]);
    expect(empiricalQuantile(m, 1)).toBe(sorted[n - 1]);
    for (let i = 1; i < m.p.length; i++) {
      expect(m.p[i]! >= m.p[i - 1]!).toBe(true);
      expect(m.x[i]! >= m.x[i - 1]!).toBe(true);
    }
    // The mass at 0 is exact: every u below its share maps to 0, and just above it does not.
    const zeros = sorted.filter((v) => v === 0).length / n;
    expect(empiricalQuantile(m, zeros - 1e-9)).toBe(0);
    expect(empiricalQuantile(m, zeros + 0.01)).toBeGreaterThan(0);
    // Elsewhere the grid follows the sample quantiles (within one grid cell).
    for (const q of [0.5, 0.75, 0.9, 0.99]) {
      expect(empiricalQuantile(m, q)).toBeGreaterThanOrEqual(quantileSorted(sorted, q - 0.006));
      expect(empiricalQuantile(m, q)).toBeLessThanOrEqual(quantileSorted(sorted, q + 0.006));
    }
  });

  it("rejects an empty column", () => {
    expect(() => fitEmpiricalMarginal(new Float64Array(0), 10)).toThrow(RangeError);
  });
});

describe("empiricalCdfRange", () => {
  const m = fitEmpiricalMarginal(Float64Array.of(0, 0, 1, 3), 1000);
  const range = (v: number) => Array.from(empiricalCdfRange(m, v, new Float64Array(2)));

  it("gives a point mass its whole interval and inverts the linear pieces", () => {
    expect(range(0)).toEqual([0, 0.5]);
    expect(range(1)).toEqual([0.625, 0.625]);
    expect(range(2)[0]).toBeCloseTo(0.75, 12);
    expect(range(3)).toEqual([0.875, 1]);
  });

  it("sends values outside the training range to the ends", () => {
    expect(range(-1)).toEqual([0, 0]);
    expect(range(9)).toEqual([1, 1]);
  });

  it("is the inverse of empiricalQuantile between knots", () => {
    for (const u of [0.55, 0.6, 0.7, 0.8]) {
      const [lo, hi] = range(empiricalQuantile(m, u));
      expect(lo).toBeCloseTo(u, 12);
      expect(hi).toBeCloseTo(u, 12);
    }
  });
});
