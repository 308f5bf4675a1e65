import { describe, expect, it } from "vitest";
import { choleskyFactor } from "../../../models/copula/cholesky-factor.js";

describe("choleskyFactor", () => {
  it("factors a positive-definite matrix", () => {
    // By hand: L = [[2,0,0],[1,2,0],[0,0.5,√2.75]] for [[4,2,0],[2,5,1],[0,1,3]] (numpy.linalg.cholesky agrees).
    const l = choleskyFactor(Float64Array.of(4, 2, 0, 2, 5, 1, 0, 1, 3), 3);
    expect(l).not.toBeNull();
    const expected = [2, 0, 0, 1, 2, 0, 0, 0.5, 1.6583123951777];
    expected.forEach((v, i) => expect(l![i]).toBeCloseTo(v, 12));
  });

  it("returns null for a singular matrix", () => {
    expect(choleskyFactor(Float64Array.of(1, 1, 1, 1), 2)).toBeNull();
  });
});
