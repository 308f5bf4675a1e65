import { describe, expect, it } from "vitest";
import { binCodes, histogramBinEdges } from "../../../evaluation/stats/bin-edges.js";

describe("bin edges", () => {
  it("match numpy.histogram_bin_edges", () => {
    // >>> np.histogram_bin_edges([0.5, 1.0, 2.0, 9.5], bins=10)
    // [0.5, 1.4, 2.3, 3.2, 4.1, 5.0, 5.9, 6.8, 7.7, 8.6, 9.5]
    const edges = histogramBinEdges(Float64Array.of(0.5, 1.0, Number.NaN, 2.0, 9.5));
    const expected = [0.5, 1.4, 2.3, 3.2, 4.1, 5.0, 5.9, 6.8, 7.7, 8.6, 9.5];
    expected.forEach((e, k) => expect(edges[k]).toBeCloseTo(e, 12));
    // A constant column gets [v − 0.5, v + 0.5], as numpy does.
    expect(Array.from(histogramBinEdges(Float64Array.of(3, 3), 2))).toEqual([2.5, 3, 3.5]);
    expect(histogramBinEdges(Float64Array.of(Number.NaN)).length).toBe(0);
  });

  it("bin other tables on the real edges with open outer bins, like np.digitize on ±inf-ended edges", () => {
    // >>> e = np.histogram_bin_edges([0.5,1.0,2.0,9.5]); e[0], e[-1] = -np.inf, np.inf
    // >>> np.digitize([-3, 0.5, 1.4, 1.4000001, 9.5, 20], e) - 1
    // [0, 0, 1, 1, 9, 9]
    const edges = histogramBinEdges(Float64Array.of(0.5, 1.0, 2.0, 9.5));
    expect(Array.from(binCodes(Float64Array.of(-3, 0.5, 1.4, 1.4000001, 9.5, 20, Number.NaN), edges))).toEqual([0, 0, 1, 1, 9, 9, -1]);
  });
});
