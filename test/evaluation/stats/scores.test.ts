import { describe, expect, it } from "vitest";
import { f1Score, macroF1 } from "../../../evaluation/stats/f1-score.js";
import { r2Score } from "../../../evaluation/stats/r2-score.js";

// Reference: scikit-learn 1.2.1
// >>> yt = [0,1,1,0,1,1,0,2,2,1]; yp = [0,1,0,0,1,2,1,2,1,1]
const yt = Int32Array.of(0, 1, 1, 0, 1, 1, 0, 2, 2, 1);
const yp = Int32Array.of(0, 1, 0, 0, 1, 2, 1, 2, 1, 1);

describe("f1", () => {
  it("matches sklearn f1_score for one class, macro, and with sample weights", () => {
    // >>> f1_score(yt == 1, yp == 1), f1_score(yt, yp, average="macro")  -> 0.6, 0.5888888888888889
    expect(f1Score(yt, yp, 1)).toBeCloseTo(0.6, 15);
    expect(macroF1(yt, yp, 3)).toBeCloseTo(0.5888888888888889, 15);
    // >>> f1_score(yt == 1, yp == 1, sample_weight=[1,2,1,1,0,3,1,1,1,2])  -> 0.5714285714285715
    expect(f1Score(yt, yp, 1, Float64Array.of(1, 2, 1, 1, 0, 3, 1, 1, 1, 2))).toBeCloseTo(0.5714285714285715, 15);
    expect(f1Score(Int32Array.of(0, 0), Int32Array.of(0, 0), 1)).toBe(0);
  });
});

describe("r2Score", () => {
  it("matches sklearn r2_score, including weights and a constant truth", () => {
    // >>> r2_score([3,-0.5,2,7], [2.5,0.0,2,8])                              -> 0.9486081370449679
    // >>> r2_score([3,-0.5,2,7], [2.5,0.0,2,8], sample_weight=[1,2,0,3])     -> 0.9451219512195121
    // >>> r2_score([1,1,1], [1,1,1]), r2_score([1,1,1], [1,2,1])             -> 1.0, 0.0
    const t = Float64Array.of(3, -0.5, 2, 7);
    const p = Float64Array.of(2.5, 0, 2, 8);
    expect(r2Score(t, p)).toBeCloseTo(0.9486081370449679, 15);
    expect(r2Score(t, p, Float64Array.of(1, 2, 0, 3))).toBeCloseTo(0.9451219512195121, 15);
    expect(r2Score(Float64Array.of(1, 1, 1), Float64Array.of(1, 1, 1))).toBe(1);
    expect(r2Score(Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 1))).toBe(0);
  });
});
