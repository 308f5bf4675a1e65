import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { gaussianBlur, gaussianKernel } from "../../../../generators/radiographs/detector/gaussian-blur.js";
import { gaussianMtf, psfSigmaMm } from "../../../../generators/radiographs/detector/sensor-resolution.js";

function sum(a: Float32Array): number {
  let s = 0;
  for (const v of a) s += v;
  return s;
}

describe("gaussianBlur", () => {
  it("preserves the mean of any image (half-sample symmetric borders)", () => {
    const rng = new Rng("blur");
    const [w, h] = [61, 47];
    const image = new Float32Array(w * h);
    for (let i = 0; i < image.length; i++) image[i] = rng.uniform(0, 1000) * (i % 7 === 0 ? 5 : 1);
    for (const sigma of [0.4, 1.3, 4]) {
      const blurred = gaussianBlur(image, w, h, sigma);
      expect(Math.abs(sum(blurred) / sum(image) - 1)).toBeLessThan(1e-6);
    }
  });

  it("leaves a flat field flat and blurs an impulse into a unit-sum Gaussian of the given σ", () => {
    const [w, h] = [41, 41];
    const flat = gaussianBlur(new Float32Array(w * h).fill(7), w, h, 2);
    for (const v of flat) expect(v).toBeCloseTo(7, 4);
    const impulse = new Float32Array(w * h);
    impulse[20 * w + 20] = 1;
    const psf = gaussianBlur(impulse, w, h, 2);
    let variance = 0;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) variance += psf[y * w + x]! * (x - 20) ** 2;
    expect(variance).toBeCloseTo(4, 1); // σ² of the sampled, ±3σ-truncated kernel ≈ 4
    expect(sum(psf)).toBeCloseTo(1, 6);
  });

  it("is the identity at σ = 0 and still conserves the sum when the kernel is wider than the image", () => {
    const image = Float32Array.from([1, 2, 3, 4]);
    expect(gaussianBlur(image, 2, 2, 0)).toEqual(image);
    expect(gaussianKernel(0)).toEqual(Float64Array.of(1));
    expect(sum(gaussianBlur(image, 2, 2, 5))).toBeCloseTo(10, 5);
    expect(() => gaussianBlur(image, 2, 2, -1)).toThrow(/invalid blur sigma/);
  });
});

describe("psfSigmaMm", () => {
  it("puts the MTF at 10 % at the limiting resolution (8-20 lp/mm sensors: σ 43-17 µm)", () => {
    for (const f of [8, 12, 20]) expect(gaussianMtf(psfSigmaMm(f), f)).toBeCloseTo(0.1, 10);
    expect(psfSigmaMm(8)).toBeCloseTo(0.0427, 4);
    expect(psfSigmaMm(20)).toBeCloseTo(0.0171, 4);
  });
});
