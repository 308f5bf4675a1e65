import { describe, expect, it } from "vitest";
import { lowerBound, upperBound } from "../../../models/copula/sorted-search.js";

describe("lowerBound / upperBound", () => {
  it("bracket a value's tie group", () => {
    const sorted = Float64Array.of(1, 2, 2, 2, 5);
    expect([lowerBound(sorted, 2), upperBound(sorted, 2)]).toEqual([1, 4]);
    expect([lowerBound(sorted, 3), upperBound(sorted, 3)]).toEqual([4, 4]);
    expect([lowerBound(sorted, 0), upperBound(sorted, 9)]).toEqual([0, 5]);
  });
});
