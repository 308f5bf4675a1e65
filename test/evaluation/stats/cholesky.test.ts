import { describe, expect, it } from "vitest";
import { choleskySolve } from "../../../evaluation/stats/cholesky.js";

describe("choleskySolve", () => {
  it("solves a positive-definite system", () => {
    // [[4,2,0],[2,5,1],[0,1,3]] x = [2,1,3]  →  numpy.linalg.solve: [0.6363636363636364, -0.2727272727272727, 1.0909090909090908]
    const x = choleskySolve(Float64Array.of(4, 2, 0, 2, 5, 1, 0, 1, 3), Float64Array.of(2, 1, 3), 3);
    expect(x).not.toBeNull();
    expect(x?.[0]).toBeCloseTo(0.6363636363636364, 14);
    expect(x?.[1]).toBeCloseTo(-0.2727272727272727, 14);
    expect(x?.[2]).toBeCloseTo(1.0909090909090908, 14);
  });

  it("returns null for a singular matrix", () => {
    expect(choleskySolve(Float64Array.of(1, 1, 1, 1), Float64Array.of(1, 1), 2)).toBeNull();
  });
});
