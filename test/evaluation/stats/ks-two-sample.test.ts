import { describe, expect, it } from "vitest";
import { DataError } from "../../../core/errors.js";
import { ksTwoSample } from "../../../evaluation/stats/ks-two-sample.js";

// Reference: scipy 1.10.1, scipy.stats.ks_2samp(a, b) (method="auto"). Fixtures from
//   rng = np.random.default_rng(0); a = np.round(rng.normal(0, 1, n1), 1); b = np.round(rng.normal(shift, 1, n2), 1)
// which gives many ties.
const f = (xs: number[]) => Float64Array.from(xs);

describe("ksTwoSample", () => {
  it("matches scipy on a tiny example", () => {
    // >>> ks_2samp([1,2,3],[2,3,4,5])
    // KstestResult(statistic=0.5, pvalue=0.6571428571428571, ...)
    const r = ksTwoSample(f([1, 2, 3]), f([2, 3, 4, 5]));
    expect(r.statistic).toBe(0.5);
    expect(r.pValue).toBeCloseTo(0.6571428571428571, 13);
    expect(r.method).toBe("exact");
  });

  it("matches scipy with ties and unequal sizes (exact lattice method)", () => {
    // n1=20, n2=30, shift=0.3: statistic 0.36666666666666664, pvalue 0.06610471842752416
    const a = [0.1, -0.1, 0.6, 0.1, -0.5, 0.4, 1.3, 0.9, -0.7, -1.3, -0.6, 0.0, -2.3, -0.2, -1.2, -0.7, -0.5, -0.3, 0.4, 1.0];
    const b = [0.2, 1.7, -0.4, 0.7, 1.2, 0.4, -0.4, -0.6, -0.2, 0.5, -0.7, 0.1, 0.1, 0.8, 0.5, 0.7, -0.4, 0.2, 1.1, 1.8, -1.0, 1.8, 1.6, 1.1, 0.6, -0.0, 1.8, 2.3, 2.1, 1.6];
    const r = ksTwoSample(f(a), f(b));
    expect(r.statistic).toBeCloseTo(0.36666666666666664, 14);
    expect(r.pValue).toBeCloseTo(0.06610471842752416, 12);
    // n1=7, n2=11, shift=1.0: statistic 0.7272727272727273, pvalue 0.011060834590246352
    const c = ksTwoSample(f([-0.3, 0.1, -0.8, -0.5, -0.0, -1.5, 0.3]), f([0.9, -0.2, -1.4, 1.5, 0.7, 0.5, 0.8, 2.8, 1.0, 1.1, -0.5]));
    expect(c.statistic).toBeCloseTo(0.7272727272727273, 14);
    expect(c.pValue).toBeCloseTo(0.011060834590246352, 13);
  });

  it("matches scipy for equal sizes (Gnedenko-Korolyuk formula)", () => {
    // n1=n2=50, shift=0.5: statistic 0.3, pvalue 0.02170784069014051
    const a = [0.4, -1.2, -0.0, 0.7, -1.3, 0.4, 0.4, 0.7, -1.2, -0.7, -0.4, -1.2, 1.7, -0.5, 0.3, -0.3, 1.6, 1.3, 0.6, -2.2, 0.1, 0.7, 1.0, -0.6, 1.8, -1.3, -0.7, 0.9, 0.0, 2.0, 0.2, -0.6, -0.4, -1.1, -1.3, 0.6, 0.6, 1.3, -0.8, 1.7, -0.3, 1.6, -0.4, -0.7, 0.2, 1.0, 0.2, -0.6, -1.3, -1.4];
    const b = [1.0, 1.5, 0.3, -0.6, 1.4, -0.8, -0.2, 1.1, -1.8, 0.9, -0.1, 0.6, 0.4, 0.7, 1.2, -0.3, 1.9, 1.2, 1.3, 1.7, 1.3, 1.3, 0.6, -0.9, 0.4, -0.3, -0.9, 0.8, -0.1, -0.5, -0.5, 0.8, 0.9, 1.8, 0.5, 1.5, 1.9, 1.7, -1.9, 1.7, 0.8, 0.9, 0.9, 0.9, 0.8, 0.1, -1.4, 0.4, -0.3, 1.6];
    const r = ksTwoSample(f(a), f(b));
    expect(r.statistic).toBeCloseTo(0.3, 14);
    expect(r.pValue).toBeCloseTo(0.02170784069014051, 13);
  });

  it("matches scipy's exact and asymptotic modes on larger samples", () => {
    // a = np.arange(12000)/12000.0; b = (np.arange(9000)/9000.0)**1.02
    // ks_2samp(a, b)                              -> 0.007388888888888889, 0.9395633050688545 (asymp: n > 10000)
    // ks_2samp(a[:3000], b[:2000])                -> 0.13766666666666666, 2.8798645014043694e-20 (exact)
    // ks_2samp(a[:3000], b[:2000], method="asymp") -> 0.13766666666666671, 2.6709959180750764e-20
    const a = Float64Array.from({ length: 12000 }, (_, i) => i / 12000);
    const b = Float64Array.from({ length: 9000 }, (_, i) => (i / 9000) ** 1.02);
    const big = ksTwoSample(a, b);
    expect(big.method).toBe("asymp");
    expect(big.statistic).toBeCloseTo(0.007388888888888889, 14);
    expect(big.pValue).toBeCloseTo(0.9395633050688545, 12);
    const exact = ksTwoSample(a.subarray(0, 3000), b.subarray(0, 2000));
    expect(exact.method).toBe("exact");
    expect(exact.statistic).toBeCloseTo(0.13766666666666666, 14);
    expect(exact.pValue / 2.8798645014043694e-20).toBeCloseTo(1, 6);
    const asymp = ksTwoSample(a.subarray(0, 3000), b.subarray(0, 2000), { method: "asymp" });
    expect(asymp.pValue / 2.6709959180750764e-20).toBeCloseTo(1, 8);
  });

  it("gives D = 0 and p = 1 for identical samples, and rejects an empty one", () => {
    expect(ksTwoSample(f([1, 2, 2, 3]), f([3, 2, 1, 2]))).toEqual({ statistic: 0, pValue: 1, method: "exact" });
    expect(() => ksTwoSample(f([]), f([1]))).toThrowError(DataError);
  });
});
