import { describe, expect, it } from "vitest";
import { boxGaussianBlur, boxVariance, boxWidths, halfResolutionBoxBlur } from "../../../../generators/radiographs/detector/box-gaussian.js";

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

describe("halfResolutionBoxBlur", () => {
  it("centres every output pixel on itself with variance σ² (the 2×2 averaging and the interpolation included)", () => {
    // A blur whose weights for output pixel i have centroid i and variance V keeps a ramp and adds V to x².
    const [w, h] = [160, 12];
    const ramp = new Float32Array(w * h).map((_, k) => k % w);
    const square = new Float32Array(w * h).map((_, k) => ((k % w) - 80) ** 2 / 100);
    for (const sigma of [3, 6, 8.5]) {
      const half = boxWidths(Math.sqrt(sigma * sigma - 1) / 2).filter((x) => x > 1);
      // The boxes' integer widths miss σ'² by up to a step; at full resolution that is four times the variance.
      const expected = 1 + 4 * half.reduce((s, x) => s + boxVariance(x), 0);
      expect(Math.abs(Math.sqrt(expected) - sigma)).toBeLessThan(0.6);
      const r = halfResolutionBoxBlur(ramp, w, h, sigma);
      const q = halfResolutionBoxBlur(square, w, h, sigma);
      for (let x = 40; x < 120; x++) {
        expect(r[6 * w + x]!).toBeCloseTo(x, 3);
        expect((q[6 * w + x]! - square[6 * w + x]!) * 100).toBeCloseTo(expected, 1);
      }
    }
  });

  it("keeps an impulse's sum", () => {
    const n = 120;
    const img = new Float32Array(n * n);
    img[61 * n + 60] = 1000;
    expect(halfResolutionBoxBlur(img, n, n, 6).reduce((s, v) => s + v, 0)).toBeCloseTo(1000, 2);
  });

  it("leaves a flat field flat, borders and odd sizes included", () => {
    for (const [w, h] of [
      [40, 30],
      [41, 29],
    ] as const) {
      const out = halfResolutionBoxBlur(new Float32Array(w * h).fill(7), w, h, 5);
      for (const v of out) expect(v).toBeCloseTo(7, 5);
    }
  });

  it("is close to the full-resolution boxes on a smooth image, and writes into `out` when given", () => {
    const [w, h] = [96, 64];
    const img = new Float32Array(w * h).map((_, k) => Math.sin((k % w) / 9) + Math.cos(Math.floor(k / w) / 7));
    const full = boxGaussianBlur(img, w, h, 5);
    const out = new Float32Array(w * h);
    const half = halfResolutionBoxBlur(img, w, h, 5, out);
    expect(half).toBe(out);
    let worst = 0;
    for (let y = 10; y < h - 10; y++) for (let x = 10; x < w - 10; x++) worst = Math.max(worst, Math.abs(half[y * w + x]! - full[y * w + x]!));
    expect(worst).toBeLessThan(0.05); // on values spanning ±2
  });
});
