import { describe, expect, it } from "vitest";
import { pearson } from "../../../evaluation/stats/pearson.js";
import { averageRanks } from "../../../evaluation/stats/rank.js";
import { spearman } from "../../../evaluation/stats/spearman.js";

// Reference: scipy 1.10.1
// >>> x = [1.2,2.4,2.4,3.1,4.8,5.0,5.0,6.7,7.1,8.3]; y = [2.0,1.9,3.5,3.3,4.1,6.2,5.9,5.5,8.0,7.7]
// >>> pearsonr(x, y)[0], spearmanr(x, y).correlation, rankdata(x)
// 0.9242092726496173 0.9085534756454652 [1.0, 2.5, 2.5, 4.0, 5.0, 6.5, 6.5, 8.0, 9.0, 10.0]
const x = Float64Array.of(1.2, 2.4, 2.4, 3.1, 4.8, 5.0, 5.0, 6.7, 7.1, 8.3);
const y = Float64Array.of(2.0, 1.9, 3.5, 3.3, 4.1, 6.2, 5.9, 5.5, 8.0, 7.7);

describe("correlation", () => {
  it("pearson matches scipy.stats.pearsonr", () => {
    expect(pearson(x, y)).toBeCloseTo(0.9242092726496173, 14);
  });

  it("averageRanks matches scipy.stats.rankdata (average ties)", () => {
    expect(Array.from(averageRanks(x))).toEqual([1, 2.5, 2.5, 4, 5, 6.5, 6.5, 8, 9, 10]);
  });

  it("spearman matches scipy.stats.spearmanr", () => {
    expect(spearman(x, y)).toBeCloseTo(0.9085534756454652, 14);
  });

  it("drop rows with a missing value, and give NaN for a constant column", () => {
    const xm = Float64Array.of(...x, Number.NaN, 100);
    const ym = Float64Array.of(...y, 3, Number.NaN);
    expect(pearson(xm, ym)).toBeCloseTo(0.9242092726496173, 14);
    expect(spearman(xm, ym)).toBeCloseTo(0.9085534756454652, 14);
    expect(pearson(Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 3))).toBeNaN();
  });
});
