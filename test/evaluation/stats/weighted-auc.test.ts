import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { rocAuc } from "../../../evaluation/stats/roc.js";
import { rankScores, weightedAuc } from "../../../evaluation/stats/weighted-auc.js";

describe("weightedAuc", () => {
  it("equals sklearn's roc_auc_score with unit weights, ties counted one half", () => {
    // >>> roc_auc_score([0,0,1,1,0,1], [0.1,0.4,0.35,0.8,0.2,0.7])  -> 0.888888888888889
    expect(weightedAuc(rankScores([0.1, 0.4, 0.35, 0.8, 0.2, 0.7], [0, 0, 1, 1, 0, 1]))).toBeCloseTo(0.888888888888889, 14);
    // >>> roc_auc_score([0,1,0,1], [0.5,0.5,0.2,0.9])  -> 0.875
    expect(weightedAuc(rankScores([0.5, 0.5, 0.2, 0.9], [0, 1, 0, 1]))).toBe(0.875);
  });

  it("with integer weights equals roc.ts rocAuc on the rows repeated that many times", () => {
    const rng = new Rng("w");
    const scores = Array.from({ length: 300 }, () => Math.round(rng.normal() * 4) / 4);
    const labels = scores.map((s) => (rng.next() < 1 / (1 + Math.exp(-s)) ? 1 : 0));
    const weights = Float64Array.from(scores, () => rng.int(4));
    const repeatedScores: number[] = [];
    const repeatedLabels: number[] = [];
    scores.forEach((s, i) => {
      for (let k = 0; k < (weights[i] as number); k++) {
        repeatedScores.push(s);
        repeatedLabels.push(labels[i] as number);
      }
    });
    expect(weightedAuc(rankScores(scores, labels), weights)).toBeCloseTo(rocAuc(repeatedScores, repeatedLabels), 13);
  });

  it("is NaN when a class has no weight", () => {
    expect(weightedAuc(rankScores([1, 2], [1, 1]))).toBeNaN();
  });
});
