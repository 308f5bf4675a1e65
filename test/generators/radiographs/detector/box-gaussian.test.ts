import { describe, expect, it } from "vitest";
import { boxGaussianBlur, boxVariance, boxWidths } from "../../../../generators/radiographs/detector/box-gaussian.js";

describe("boxGaussianBlur", () => {
  it("picks three odd box widths whose variances add up to about σ² (Kovesi 2010)", () => {
    for (const sigma of [2.5, 3, 4.2, 7.5]) {
      const w = boxWidths(sigma);
      expect(w).toHaveLength(3);
      for (const x of w) expect(x % 2).toBe(1);
      const variance = w.reduce((s, x) => s + boxVariance(x), 0);
      // Integer widths: the variance is off by at most one step of the width choice.
      expect(Math.abs(Math.sqrt(variance) - sigma)).toBeLessThan(0.35);
    }
  });

  it("spreads an impulse with the variance of its boxes and keeps the sum", () => {
    const n = 101;
    const img = new Float32Array(n * n);
    img[50 * n + 50] = 1000;
    const out = boxGaussianBlur(img, n, n, 4);
    let sum = 0;
    let varX = 0;
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
      sum += out[y * n + x]!;
      varX += out[y * n + x]! * (x - 50) ** 2;
    }
    expect(sum).toBeCloseTo(1000, 1);
    const expected = boxWidths(4).reduce((s, x) => s + boxVariance(x), 0);
    expect(varX / sum).toBeCloseTo(expected, 3);
  });

  it("leaves a flat field flat, borders included", () => {
    const out = boxGaussianBlur(new Float32Array(40 * 30).fill(7), 40, 30, 5);
    for (const v of out) expect(v).toBeCloseTo(7, 5);
  });
});
