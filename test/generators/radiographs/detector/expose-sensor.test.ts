import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import type { DetectorSettings } from "../../../../generators/radiographs/detector/detector-settings.js";
import { sampleDetectorSettings } from "../../../../generators/radiographs/detector/detector-settings.js";
import { exposeSensor } from "../../../../generators/radiographs/detector/expose-sensor.js";
import { airKermaAtSensor, photonsPerPixel } from "../../../../generators/radiographs/detector/exposure.js";
import { unsharpMask } from "../../../../generators/radiographs/detector/unsharp-mask.js";
import { quantile12, toEightBit, windowTo12Bit } from "../../../../generators/radiographs/detector/window.js";

/** Settings with every random part but the quantum noise switched off, for known answers. */
function plainSettings(overrides: Partial<DetectorSettings> = {}): DetectorSettings {
  return {
    photonsPerPixel: 1e6,
    heel: null,
    psfSigmaPx: 0,
    gain: 0.01,
    offset: 200,
    readNoise: 0,
    adcMax: 1e9,
    window: { low: 0, high: 5 },
    edgeEnhancement: null,
    ...overrides,
  };
}

function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s / values.length;
}

describe("exposeSensor", () => {
  it("maps a flat field of line integral c to 4095·(c − low)/(high − low) on average (the log mapping)", () => {
    const [w, h] = [64, 64];
    for (const c of [0.3, 1.7, 3.2]) {
      const out = exposeSensor(new Float32Array(w * h).fill(c), w, h, plainSettings(), new Rng(`flat-${c}`));
      // E[ln N] = ln(N0·e^(−c)) − 1/(2N): a bias under 1e-4 DN at N ≈ 4·10^4 and more.
      expect(Math.abs(mean(out) - (4095 * c) / 5)).toBeLessThan(0.5);
    }
  });

  it("renders more attenuation brighter (radiopaque = bright, MONOCHROME2)", () => {
    const [w, h] = [50, 20];
    const L = new Float32Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) L[y * w + x] = x / 10; // 0 → 4.9
    const out = exposeSensor(L, w, h, plainSettings({ photonsPerPixel: 20_000, readNoise: 3, psfSigmaPx: 0.8 }), new Rng("ramp"));
    const columnMean = (x: number) => mean(Array.from({ length: h }, (_, y) => out[y * w + x]!));
    for (let x = 5; x < w; x += 5) expect(columnMean(x)).toBeGreaterThan(columnMean(x - 5));
  });

  it("gives identical bytes for the same seed and different bytes for another", () => {
    const [w, h] = [80, 60];
    const L = new Float32Array(w * h).map((_, i) => (i % w) / 30);
    const settings = sampleDetectorSettings(new Rng("settings"), { pixelSizeMm: 0.035 });
    const a = exposeSensor(L, w, h, settings, new Rng("image-7"));
    const b = exposeSensor(L, w, h, settings, new Rng("image-7"));
    const c = exposeSensor(L, w, h, settings, new Rng("image-8"));
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(Buffer.from(a.buffer).equals(Buffer.from(c.buffer))).toBe(false);
  });

  it("stays within 12 bits, saturating metal at 4095 and open beam near 0", () => {
    const [w, h] = [40, 40];
    const L = new Float32Array(w * h);
    for (let i = 0; i < L.length; i++) L[i] = i % w < 20 ? 0 : 40; // open beam | 2 mm of amalgam (23/mm × 2 ≈ 46)
    const out = exposeSensor(L, w, h, sampleDetectorSettings(new Rng("metal"), { pixelSizeMm: 0.035 }), new Rng("m"));
    for (const v of out) expect(v).toBeLessThanOrEqual(4095);
    expect(out[w - 1]).toBe(4095);
    expect(out[0]).toBeLessThan(300);
  });

  it("edge enhancement overshoots on both sides of an edge (the Mach-band look-alike) and keeps the mean", () => {
    const [w, h] = [60, 8];
    const step = new Float32Array(w * h).map((_, i) => (i % w < 30 ? 1 : 2.5)); // dentin | enamel-like step
    const sharp = unsharpMask(step, w, h, { amount: 0.8, sigmaPx: 2 });
    expect(Math.max(...sharp)).toBeGreaterThan(2.5 + 0.1); // bright band on the radiopaque side
    expect(Math.min(...sharp)).toBeLessThan(1 - 0.1); // dark band on the radiolucent side: looks like a lesion
    expect(sharp[4 * w + 29]!).toBeLessThan(1);
    expect(sharp[4 * w + 30]!).toBeGreaterThan(2.5);
    expect(mean(sharp)).toBeCloseTo(mean(step), 5);
    // Through the whole pipeline the dark band survives quantisation.
    const out = exposeSensor(step, w, h, plainSettings({ edgeEnhancement: { amount: 0.8, sigmaPx: 2 } }), new Rng("edge"));
    const plateau = mean(Array.from({ length: 10 }, (_, k) => out[4 * w + 5 + k]!));
    expect(out[4 * w + 29]!).toBeLessThan(plateau - 50);
  });
});

describe("exposure", () => {
  it("gives thousands of photons per 35 µm pixel at typical settings, scaling with mAs and inverse square", () => {
    const typical = { kVp: 70, mA: 7, seconds: 0.2, sourceToSensorMm: 300 };
    expect(airKermaAtSensor(typical)).toBeCloseTo(0.04 * 1.4 * (1000 / 300) ** 2, 10);
    const n0 = photonsPerPixel(typical, 0.035);
    expect(n0).toBeGreaterThan(5000);
    expect(n0).toBeLessThan(15000);
    expect(photonsPerPixel({ ...typical, seconds: 0.4 }, 0.035)).toBeCloseTo(2 * n0, 6);
    expect(photonsPerPixel({ ...typical, sourceToSensorMm: 600 }, 0.035)).toBeCloseTo(n0 / 4, 6);
  });

  it("draws settings within their stated ranges, edge enhancement on by default", () => {
    for (let i = 0; i < 50; i++) {
      const s = sampleDetectorSettings(new Rng(`s${i}`), { pixelSizeMm: 0.035 });
      expect(s.exposure.kVp).toBeGreaterThanOrEqual(60);
      expect(s.exposure.kVp).toBeLessThanOrEqual(70);
      expect(s.photonsPerPixel).toBeGreaterThan(500);
      expect(s.gain * s.photonsPerPixel + s.offset).toBeLessThan(s.adcMax); // open beam does not saturate
      expect(s.psfSigmaPx * 0.035).toBeGreaterThan(0.017);
      expect(s.psfSigmaPx * 0.035).toBeLessThan(0.043);
      expect(s.edgeEnhancement).not.toBeNull();
    }
    expect(sampleDetectorSettings(new Rng("x"), { pixelSizeMm: 0.035, edgeEnhancement: false }).edgeEnhancement).toBeNull();
  });
});

describe("windowing", () => {
  it("maps [low, high] linearly onto 0..4095 and 0..255, clipping outside", () => {
    const out = windowTo12Bit(Float32Array.from([-1, 0, 2.5, 5, 9]), 0, 5);
    expect(Array.from(out)).toEqual([0, 0, 2048, 4095, 4095]);
    expect(Array.from(toEightBit(Uint16Array.from([0, 2048, 4095])))).toEqual([0, 128, 255]);
    expect(Array.from(toEightBit(Uint16Array.from([100, 1000, 2000, 3000]), 1000, 2000))).toEqual([0, 0, 255, 255]);
    const ramp = Uint16Array.from({ length: 4096 }, (_, i) => i);
    expect(quantile12(ramp, 0.5)).toBe(2047); // the lower median of 0..4095
    expect(quantile12(ramp, 0)).toBe(0);
  });
});
