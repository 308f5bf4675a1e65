import { describe, expect, it } from "vitest";
import { contingencyTable, cramersV } from "../../../evaluation/stats/contingency-table.js";
import { countCodes, sharedDiscreteCodes } from "../../../evaluation/stats/discrete-codes.js";
import { totalVariationDistance } from "../../../evaluation/stats/total-variation.js";

describe("discrete statistics", () => {
  it("code real and synthetic columns on one level list, missing as −1", () => {
    const { codes, levels } = sharedDiscreteCodes([
      { name: "s", kind: "categorical", values: ["F", "M", null, "F"] },
      { name: "s", kind: "categorical", values: ["X", "F"] },
    ]);
    expect(levels).toEqual(["F", "M", "X"]);
    expect(codes.map((c) => Array.from(c))).toEqual([[0, 1, -1, 0], [2, 0]]);
    expect(Array.from(countCodes(codes[0] as Int32Array, 3, Float64Array.of(2, 1, 5, 1)))).toEqual([3, 1, 0]);
  });

  it("total variation distance is SDMetrics' 1 − TVComplement", () => {
    // real = [a]*5 + [b]*5, syn = [a]*8 + [b]*2 + [c]*0: ½(|0.5−0.8| + |0.5−0.2|) = 0.3
    expect(totalVariationDistance(Float64Array.of(5, 5), Float64Array.of(8, 2))).toBeCloseTo(0.3, 15);
    expect(totalVariationDistance(Float64Array.of(1, 0), Float64Array.of(0, 1))).toBe(1);
    expect(totalVariationDistance(Float64Array.of(0, 0), Float64Array.of(0, 1))).toBeNaN();
  });

  it("contingency tables put missing in the last row and column", () => {
    const t = contingencyTable(Int32Array.of(0, 1, -1, 0), Int32Array.of(1, 1, 0, -1), 2, 2);
    // rows a=0,1,missing; columns b=0,1,missing
    expect(Array.from(t)).toEqual([0, 1, 1, 0, 1, 0, 1, 0, 0]);
  });

  it("Cramér's V matches scipy.stats.contingency.association", () => {
    // >>> association(np.array([[10,2,3],[1,12,4]]), method="cramer")
    // 0.6750302976346516
    expect(cramersV(Float64Array.of(10, 2, 3, 1, 12, 4, 0, 0, 0), 3, 3)).toBeCloseTo(0.6750302976346516, 14);
    expect(cramersV(Float64Array.of(5, 5), 1, 2)).toBeNaN();
  });
});
