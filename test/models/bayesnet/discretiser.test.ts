import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { binOf, codesOf, discreteDomain, fitBinnedDomain, fitDomain, MIN_VALUES_FOR_QUANTILES, valueInBin, WITHIN_BIN_QUANTILES } from "../../../models/bayesnet/discretiser.js";
import type { ModelColumn } from "../../../models/model-schema.js";

describe("fitBinnedDomain", () => {
  it("cuts many distinct values into equally filled quantile bins, plus a missing code", () => {
    const rng = new Rng("bins");
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i % 50 === 0 ? Number.NaN : rng.normal(10, 3)));
    const domain = fitBinnedDomain(values, 20, false);
    expect(domain.points).toBe(false);
    expect(domain.lo.length).toBe(20);
    expect(domain.missingCode).toBe(20);
    expect(domain.size).toBe(21);
    const codes = codesOf(domain, values);
    const counts = new Array<number>(21).fill(0);
    for (const c of codes) counts[c]!++;
    expect(counts[20]).toBe(20);
    // 980 values over 20 bins: 49 each, give or take the rounding of the quantile positions.
    for (let b = 0; b < 20; b++) expect(Math.abs(counts[b]! - 49)).toBeLessThanOrEqual(2);
  });

  it("keeps one point bin per value when there are few distinct values", () => {
    const domain = fitBinnedDomain(Float64Array.from([3, 1, 2, 2, 3, 3]), 20, true);
    expect(domain.points).toBe(true);
    expect(Array.from(domain.lo)).toEqual([1, 2, 3]);
    expect(domain.missingCode).toBeNull();
    expect(domain.quantiles).toBeNull();
    expect(Array.from(codesOf(domain, Float64Array.from([1, 2, 3, 2.4, 2.6, -5, 99])))).toEqual([0, 1, 2, 1, 2, 0, 2]);
    expect(valueInBin(domain, 1, 0.7)).toBe(2);
  });

  it("merges repeated quantile edges and keeps a spike exact through within-bin quantiles", () => {
    // 60 % exact zeros, the rest spread over (0, 10].
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i < 600 ? 0 : ((i - 599) / 400) * 10));
    const domain = fitBinnedDomain(values, 20, true);
    expect(domain.lo.length).toBeLessThan(20);
    expect(domain.lo[0]).toBe(0);
    expect(domain.quantiles!.length).toBe(domain.lo.length * (WITHIN_BIN_QUANTILES + 1));
    // Bin 0 holds the zeros and a few small values: most draws inside it are exactly 0.
    const rng = new Rng("spike");
    let zeros = 0;
    for (let i = 0; i < 1000; i++) if (valueInBin(domain, 0, rng.next()) === 0) zeros++;
    expect(zeros).toBeGreaterThan(700);
    // A private fit keeps no within-bin quantiles and samples uniformly in [lo, hi].
    const plain = fitBinnedDomain(values, 20, false);
    expect(plain.quantiles).toBeNull();
    expect(valueInBin(plain, 0, 0.5)).toBeCloseTo(((plain.lo[0] as number) + (plain.hi[0] as number)) / 2, 12);
  });

  it("keeps no order statistics of sparse bins (they would be single training values)", () => {
    const rng = new Rng("sparse");
    const values = Float64Array.from({ length: 100 }, () => rng.normal());
    const domain = fitBinnedDomain(values, 20, true);
    // 100 values in 20 bins: 5 per bin, below MIN_VALUES_FOR_QUANTILES, so each bin stores lo..hi evenly.
    expect(MIN_VALUES_FOR_QUANTILES).toBeGreaterThan(5);
    for (let b = 0; b < domain.lo.length; b++) {
      const lo = domain.lo[b] as number;
      const hi = domain.hi[b] as number;
      for (let t = 0; t <= WITHIN_BIN_QUANTILES; t++) {
        expect(domain.quantiles![b * (WITHIN_BIN_QUANTILES + 1) + t]).toBeCloseTo(lo + (t / WITHIN_BIN_QUANTILES) * (hi - lo), 12);
      }
    }
  });

  it("samples inside the bin and stays within the training range", () => {
    const rng = new Rng("range");
    const values = Float64Array.from({ length: 500 }, () => rng.uniform(-2, 7));
    for (const keep of [true, false]) {
      const domain = fitBinnedDomain(values, 10, keep);
      for (let b = 0; b < domain.lo.length; b++) {
        for (const u of [0, 0.3, 0.999999]) {
          const v = valueInBin(domain, b, u);
          expect(v).toBeGreaterThanOrEqual(domain.lo[b] as number);
          expect(v).toBeLessThanOrEqual(domain.hi[b] as number);
        }
      }
    }
    expect(Number.isNaN(valueInBin(fitBinnedDomain(Float64Array.from([1, Number.NaN]), 5, true), 1, 0.5))).toBe(true);
  });

  it("gives an all-missing column a single missing code", () => {
    const domain = fitBinnedDomain(Float64Array.from([Number.NaN, Number.NaN]), 20, true);
    expect(domain.size).toBe(1);
    expect(domain.missingCode).toBe(0);
    expect(Array.from(codesOf(domain, Float64Array.from([Number.NaN, 4])))).toEqual([0, -1]);
  });
});

describe("binOf", () => {
  it("sends values outside the training range to the end bins", () => {
    const domain = fitBinnedDomain(Float64Array.from({ length: 100 }, (_, i) => i), 4, false);
    expect(binOf(domain, -100)).toBe(0);
    expect(binOf(domain, 1e9)).toBe(domain.lo.length - 1);
    expect(binOf(domain, 99)).toBe(domain.lo.length - 1);
  });
});

describe("discrete domains", () => {
  it("use the category codes, a missing code only when needed, and -1 for what they cannot represent", () => {
    const column: ModelColumn = { name: "site", type: "discrete", kind: "categorical", categories: ["a", "b", "c"], missingRate: 0 };
    const domain = fitDomain(column, Float64Array.from([0, 1, 2]), 20, true);
    expect(domain).toEqual(discreteDomain(3, false));
    expect(Array.from(codesOf(domain, Float64Array.from([2, Number.NaN, 3, 0.5])))).toEqual([2, -1, -1, -1]);
    const withMissing = fitDomain(column, Float64Array.from([0, Number.NaN]), 20, true);
    expect(withMissing.size).toBe(4);
    expect(Array.from(codesOf(withMissing, Float64Array.from([Number.NaN])))).toEqual([3]);
  });
});
