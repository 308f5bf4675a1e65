import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import type { DetectorSettings } from "../../../../generators/radiographs/detector/detector-settings.js";
import { sampleDetectorSettings } from "../../../../generators/radiographs/detector/detector-settings.js";
import { exposeSensor, exposeSensorByStages } from "../../../../generators/radiographs/detector/expose-sensor.js";

/** A line-integral image with open beam, tissue ramps, an enamel-like disc and a metal block (exact branch). */
function phantom(w: number, h: number): Float32Array {
  const L = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const r2 = ((x - w / 2) / (w / 4)) ** 2 + ((y - h / 2) / (h / 4)) ** 2;
      L[y * w + x] = (x < 4 ? 0 : 0.5 + x / w) + (r2 < 1 ? 3 * Math.sqrt(1 - r2) : 0) + (x > w - 6 && y > h - 6 ? 40 : 0);
    }
  }
  return L;
}

describe("exposeSensor (fused)", () => {
  const [w, h] = [67, 45]; // odd width: rows are not aligned with any chunk size
  const L = phantom(w, h);
  const drawn = sampleDetectorSettings(new Rng("fused-settings"), { pixelSizeMm: 0.035 });
  const variants: [string, DetectorSettings][] = [
    ["drawn settings (box mask, σ > 2)", drawn],
    ["Gaussian mask (σ ≤ 2), heel along y", { ...drawn, heel: { gradient: -0.04, axis: "y" }, edgeEnhancement: { amount: 0.7, sigmaPx: 1.5 } }],
    ["no PSF, no read noise, no mask", { ...drawn, psfSigmaPx: 0, readNoise: 0, edgeEnhancement: null }],
    ["low dose (exact Poisson branch), saturating ADC", { ...drawn, photonsPerPixel: 40, gain: 500, adcMax: 16383 }],
  ];
  for (const [name, settings] of variants) {
    it(`gives the same bytes as the stages composed one at a time: ${name}`, () => {
      for (const seed of ["a", "b"]) {
        const fused = exposeSensor(L, w, h, settings, new Rng(seed));
        const staged = exposeSensorByStages(L, w, h, settings, new Rng(seed));
        expect(Buffer.from(fused.buffer).equals(Buffer.from(staged.buffer))).toBe(true);
      }
    });
  }
});

describe("Rng.fillNormalsZiggurat", () => {
  it("draws standard normals: moments, tail mass and the same numbers however the buffer is split", () => {
    const n = 400_000;
    const z = new Float64Array(n);
    new Rng("zig").fillNormalsZiggurat(z);
    let m1 = 0;
    let m2 = 0;
    let m4 = 0;
    let beyond2 = 0;
    for (const v of z) {
      m1 += v;
      m2 += v * v;
      m4 += v ** 4;
      if (Math.abs(v) > 2) beyond2++;
    }
    expect(Math.abs(m1 / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(m4 / n - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
    const p = 0.0455003; // P(|Z| > 2)
    expect(Math.abs(beyond2 / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    const pieces = new Float64Array(1000);
    const rng = new Rng("zig");
    rng.fillNormalsZiggurat(pieces, 0, 333);
    rng.fillNormalsZiggurat(pieces, 333, 1000);
    expect(Array.from(pieces)).toEqual(Array.from(z.subarray(0, 1000)));
  });
});
