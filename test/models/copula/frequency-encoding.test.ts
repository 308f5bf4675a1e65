import { describe, expect, it } from "vitest";
import { categoryOfScore, frequencyIntervals } from "../../../models/copula/frequency-encoding.js";
import { normalQuantile } from "../../../models/copula/normal-distribution.js";

describe("frequencyIntervals", () => {
  it("lays categories out from the most frequent, each as wide as its share", () => {
    const iv = frequencyIntervals([0.2, 0.5, 0.3]);
    expect(Array.from(iv.order)).toEqual([1, 2, 0]);
    expect(iv.lower[1]).toBe(0);
    expect(iv.lower[2]).toBe(0.5);
    expect(iv.lower[0]).toBeCloseTo(0.8, 15);
    expect(categoryOfScore(iv, normalQuantile(0.1))).toBe(1);
    expect(categoryOfScore(iv, normalQuantile(0.6))).toBe(2);
    expect(categoryOfScore(iv, normalQuantile(0.9))).toBe(0);
  });

  it("keeps code order on request (the is-missing indicator)", () => {
    const iv = frequencyIntervals([0.1, 0.9], true);
    expect(Array.from(iv.order)).toEqual([0, 1]);
    expect(iv.zUpper[0]).toBeCloseTo(normalQuantile(0.1), 15);
  });

  it("never returns a category of frequency zero", () => {
    const iv = frequencyIntervals([0.5, 0, 0.5]);
    for (let z = -6; z <= 6; z += 0.01) expect(categoryOfScore(iv, z)).not.toBe(1);
    expect(categoryOfScore(iv, 0)).toBe(2);
  });
});
