import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { delongAuc, rocAuc, rocCurve, summarizeRoc, tprAtFpr } from "../../../evaluation/stats/roc.js";

// Fixture A (ties across classes):
const yA = [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0];
const sA = [0.9, 0.8, 0.8, 0.7, 0.55, 0.4, 0.8, 0.6, 0.55, 0.3, 0.2, 0.2, 0.1, 0.3, 0.9];
// Fixture B (integer scores, many ties): i = 0..59, y = (i % 3 == 0), s = (i·7919 mod 13) + 3·y
const yB = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 1 : 0));
const sB = yB.map((y, i) => ((i * 7919) % 13) + 3 * y);

describe("rocAuc", () => {
  // sklearn 1.2.1: roc_auc_score(yA, sA) = 0.6875; roc_auc_score(yB, sB) = 0.73625
  it("matches sklearn roc_auc_score with ties", () => {
    expect(rocAuc(sA, yA)).toBeCloseTo(0.6875, 14);
    expect(rocAuc(sB, yB)).toBeCloseTo(0.73625, 14);
  });

  it("accepts boolean labels, is 1 for perfect separation and NaN for one class", () => {
    expect(rocAuc([3, 2, 1], [true, true, false])).toBe(1);
    expect(rocAuc([1, 2, 3], [true, true, false])).toBe(0);
    expect(Number.isNaN(rocAuc([1, 2], [1, 1]))).toBe(true);
    expect(() => rocAuc([1, Number.NaN], [1, 0])).toThrow(/NaN/);
  });
});

describe("rocCurve", () => {
  // sklearn 1.2.1: fpr, tpr, _ = roc_curve(yA, sA, drop_intermediate=False)
  it("matches sklearn roc_curve(drop_intermediate=False)", () => {
    const c = rocCurve(sA, yA);
    const fpr = [0.0, 0.125, 0.25, 0.25, 0.375, 0.5, 0.5, 0.625, 0.875, 1.0];
    const tpr = [0.0, 1 / 7, 3 / 7, 4 / 7, 4 / 7, 5 / 7, 6 / 7, 1, 1, 1];
    expect(Array.from(c.fpr)).toEqual(fpr.map((x) => expect.closeTo(x, 14)));
    expect(Array.from(c.tpr)).toEqual(tpr.map((x) => expect.closeTo(x, 14)));
    expect(c.thresholds[0]).toBe(Number.POSITIVE_INFINITY);
    expect(c.thresholds[1]).toBe(0.9);
  });
});

describe("delongAuc", () => {
  // Reference: the DeLong (1988) variance by its definition, O(m·n), in numpy (independent of our O(n log n) form):
  //   psi(x, y) = 1 if x > y, 0.5 if x == y, else 0
  //   V10_i = mean_j psi(X_i, Y_j); V01_j = mean_i psi(X_i, Y_j)
  //   var = V10.var(ddof=1)/m + V01.var(ddof=1)/n      (the same estimator as R pROC::var(roc, method="delong"))
  //   A: auc 0.6875,  var 0.021228134110787174, 95 % CI [0.40193564118265523, 0.9730643588173448]
  //   B: auc 0.73625, var 0.004547680499325236, 95 % CI [0.6040769037669481, 0.8684230962330518]
  it.each([
    ["A", sA, yA, 0.6875, 0.021228134110787174, 0.40193564118265523, 0.9730643588173448],
    ["B", sB, yB, 0.73625, 0.004547680499325236, 0.6040769037669481, 0.8684230962330518],
  ])("fixture %s", (_name, s, y, auc, variance, lower, upper) => {
    const r = delongAuc(s as number[], y as number[]);
    expect(r.auc).toBeCloseTo(auc as number, 14);
    expect(r.variance).toBeCloseTo(variance as number, 14);
    expect(r.interval.lower).toBeCloseTo(lower as number, 12);
    expect(r.interval.upper).toBeCloseTo(upper as number, 12);
    expect(r.interval.method).toBe("delong");
  });

  it("has an uninformative interval when a class has one member", () => {
    const r = delongAuc([1, 2, 3], [1, 0, 0]);
    expect(Number.isNaN(r.variance)).toBe(true);
    expect(r.interval).toMatchObject({ lower: 0, upper: 1 });
  });
});

describe("tprAtFpr", () => {
  // sklearn 1.2.1 + numpy: fpr, tpr = roc_curve(yB, sB, drop_intermediate=False)[:2]
  //   np.interp(0.05, fpr, tpr) = 0.3333333333333333; np.interp(0.1, ...) = 0.375; np.interp(0.33, ...) = 0.605
  // (these targets are not vertex FPRs, so np.interp's segment is unambiguous)
  const curve = rocCurve(sB, yB);
  it.each([
    [0.05, 0.3333333333333333],
    [0.1, 0.375],
    [0.33, 0.605],
  ])("interpolates at FPR %s like np.interp", (f, expected) => {
    expect(tprAtFpr(curve, f)).toBeCloseTo(expected, 14);
  });

  it("takes the top of a vertical segment, and the step rule never exceeds interpolation", () => {
    // Fixture B's curve rises vertically at FPR 0 to TPR 0.3 (scores only members reach).
    expect(tprAtFpr(curve, 0)).toBeCloseTo(0.3, 14);
    // step: the highest vertex with fpr <= 0.1 is (0.075, 0.35)
    expect(tprAtFpr(curve, 0.1, "step")).toBeCloseTo(0.35, 14);
    for (const f of [0.01, 0.1, 0.2, 0.5, 0.9]) expect(tprAtFpr(curve, f, "step")).toBeLessThanOrEqual(tprAtFpr(curve, f) + 1e-15);
    expect(tprAtFpr(curve, 1)).toBe(1);
  });
});

describe("summarizeRoc", () => {
  it("gives seeded bootstrap intervals around the point estimates and warns on thin FPR targets", () => {
    const a = summarizeRoc(sB, yB, { rng: new Rng("roc"), resamples: 300 });
    const b = summarizeRoc(sB, yB, { rng: new Rng("roc"), resamples: 300 });
    expect(a).toEqual(b);
    expect(a.auc).toBeCloseTo(0.73625, 14);
    expect(a.aucBootstrapInterval.lower).toBeLessThan(a.auc);
    expect(a.aucBootstrapInterval.upper).toBeGreaterThan(a.auc);
    // The bootstrap and DeLong intervals should roughly agree on 20 vs 40 observations.
    expect(Math.abs(a.aucBootstrapInterval.lower - a.aucInterval.lower)).toBeLessThan(0.06);
    expect(a.tprAtFpr.map((t) => t.fpr)).toEqual([0.1, 0.01]);
    expect(a.tprAtFpr[0]!.tpr).toBeCloseTo(0.375, 14);
    expect(a.tprAtFpr[0]!.interval.lower).toBeLessThanOrEqual(0.375);
    expect(a.warnings.some((w) => w.includes("FPR 0.01"))).toBe(true);
    expect(a.bootstrapSeed).toBe("roc");
  });
});
