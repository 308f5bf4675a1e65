import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { argsort } from "../../../evaluation/stats/argsort.js";

describe("argsort", () => {
  it("orders rows by value, ties in row order (numpy.argsort(kind='stable'))", () => {
    // >>> np.argsort([3, 1, 2, 1, -0.5], kind="stable")  -> [4, 1, 3, 2, 0]
    expect(Array.from(argsort(Float64Array.of(3, 1, 2, 1, -0.5)))).toEqual([4, 1, 3, 2, 0]);
    expect(argsort(new Float64Array(0)).length).toBe(0);
  });

  it("agrees with a comparator sort on random data with ties", () => {
    const rng = new Rng("a");
    const v = Float64Array.from({ length: 5000 }, () => Math.round(rng.normal() * 10) / 10);
    const expected = Array.from({ length: v.length }, (_, i) => i).sort((a, b) => (v[a] as number) - (v[b] as number) || a - b);
    expect(Array.from(argsort(v))).toEqual(expected);
  });
});
