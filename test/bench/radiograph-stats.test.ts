import { describe, expect, it } from "vitest";
import {
  connectedComponents,
  crop,
  dilateSquare,
  equivalentDiameter,
  gradientMagnitudes,
  quantiles,
  resampleArea,
  ringContrast,
  rmsContrast,
  summarize,
} from "../../bench/radiograph-stats.js";

// Known answers worked out by hand on arrays of a few pixels; no real data is read.
describe("connectedComponents", () => {
  it("joins diagonal neighbours (8-connectivity)", () => {
    const { components, labels } = connectedComponents({ width: 3, height: 3, data: [1, 0, 0, 0, 1, 0, 0, 0, 1] });
    expect(components).toEqual([{ label: 1, area: 3, x0: 0, y0: 0, x1: 2, y1: 2, value: 1 }]);
    expect(Array.from(labels)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it("keeps separate blobs apart, numbered in raster order, with the value of their first pixel", () => {
    const { components } = connectedComponents({ width: 5, height: 2, data: [102, 102, 0, 0, 255, 0, 0, 0, 255, 255] });
    expect(components.map((c) => [c.label, c.area, c.value, c.x0, c.x1])).toEqual([
      [1, 2, 102, 0, 1],
      [2, 3, 255, 3, 4],
    ]);
  });

  it("finds nothing in an empty mask", () => {
    expect(connectedComponents({ width: 2, height: 2, data: [0, 0, 0, 0] }).components).toEqual([]);
  });
});

describe("equivalentDiameter", () => {
  it("is 2 for an area of π (a unit disc)", () => {
    expect(equivalentDiameter(Math.PI)).toBeCloseTo(2, 12);
  });
});

describe("crop", () => {
  it("clamps the box to the image", () => {
    const out = crop({ width: 3, height: 2, data: [0, 1, 2, 3, 4, 5] }, -1, 1, 3, 5);
    expect(out).toMatchObject({ x0: 0, y0: 1, width: 2, height: 1 });
    expect(Array.from(out.data)).toEqual([3, 4]);
  });
});

describe("resampleArea", () => {
  it("averages 2 × 2 blocks when the pixel size doubles", () => {
    const out = resampleArea({ width: 4, height: 2, data: [0, 2, 10, 10, 4, 6, 20, 20] }, 0.05, 0.1);
    expect(out.width).toBe(2);
    expect(out.height).toBe(1);
    expect(Array.from(out.data)).toEqual([3, 15]);
  });

  it("weights partly covered pixels by their overlap (factor 1.5)", () => {
    // Output pixel (0,0) covers input x, y in [0, 1.5): weights 1 and 0.5 per axis.
    // (0·1 + 1·0.5 + 3·0.5 + 4·0.25) / 2.25 = 3 / 2.25; pixel (1,1): (4·0.25 + 5·0.5 + 7·0.5 + 8·1) / 2.25 = 15 / 2.25.
    const out = resampleArea({ width: 3, height: 3, data: [0, 1, 2, 3, 4, 5, 6, 7, 8] }, 1, 1.5);
    expect(out.width).toBe(2);
    expect(out.data[0]).toBeCloseTo(3 / 2.25, 6);
    expect(out.data[3]).toBeCloseTo(15 / 2.25, 6);
    // Full coverage, so the mean is kept: (0 + … + 8) / 9 = 4.
    expect(Array.from(out.data).reduce((a, b) => a + b, 0) / 4).toBeCloseTo(4, 6);
  });

  it("is the identity at the same pixel size and gives covered fractions for a mask", () => {
    expect(Array.from(resampleArea({ width: 2, height: 1, data: [7, 9] }, 0.1, 0.1).data)).toEqual([7, 9]);
    expect(Array.from(resampleArea({ width: 2, height: 2, data: [1, 0, 0, 0] }, 0.05, 0.1).data)).toEqual([0.25]);
  });

  it("rejects a non-positive pixel size", () => {
    expect(() => resampleArea({ width: 1, height: 1, data: [0] }, 0, 1)).toThrow("resampleArea: invalid pixel sizes");
  });
});

describe("dilateSquare", () => {
  const dot = { width: 5, height: 5, data: Array.from({ length: 25 }, (_, k) => (k === 12 ? 1 : 0)) };
  it("grows one pixel into a (2r + 1)² square", () => {
    const one = dilateSquare(dot, 1);
    expect(one.reduce((a, b) => a + b, 0)).toBe(9);
    expect(one[6]).toBe(1); // diagonal neighbour (1,1): Chebyshev distance 1
    expect(one[2]).toBe(0); // (2,0): distance 2
    expect(dilateSquare(dot, 2).reduce((a, b) => a + b, 0)).toBe(25);
  });

  it("clips at the border", () => {
    expect(Array.from(dilateSquare({ width: 3, height: 1, data: [1, 0, 0] }, 1))).toEqual([1, 1, 0]);
  });
});

describe("ringContrast", () => {
  it("is (lesion mean − ring mean) / range for a dark pixel in a flat field", () => {
    const image = { width: 5, height: 5, data: Array.from({ length: 25 }, (_, k) => (k === 12 ? 70 : 100)) };
    const lesion = { width: 5, height: 5, data: Array.from({ length: 25 }, (_, k) => (k === 12 ? 1 : 0)) };
    expect(ringContrast(image, lesion, 1, 100)).toEqual({ lesionMean: 70, ringMean: 100, contrast: -0.3, lesionPixels: 1, ringPixels: 8 });
  });

  it("only averages the ring, not the rest of the crop", () => {
    // Lesion at x = 0 (value 10), ring at x = 1 (value 50), far pixels at x = 2, 3 (value 200) are outside r = 1.
    const image = { width: 4, height: 1, data: [10, 50, 200, 200] };
    const lesion = { width: 4, height: 1, data: [1, 0, 0, 0] };
    expect(ringContrast(image, lesion, 1, 40)?.contrast).toBe(-1);
  });

  it("counts only ring pixels inside `within`", () => {
    // Lesion at x = 1 (value 60); ring x = 0 is a dark gap (0) outside the tooth, x = 2 is sound tooth (100).
    const image = { width: 3, height: 1, data: [0, 60, 100] };
    const lesion = { width: 3, height: 1, data: [0, 1, 0] };
    expect(ringContrast(image, lesion, 1, 100)?.contrast).toBeCloseTo(0.1, 12); // plain ring mean 50: lesion looks brighter
    expect(ringContrast(image, lesion, 1, 100, { width: 3, height: 1, data: [0, 1, 1] })?.contrast).toBeCloseTo(-0.4, 12);
  });

  it("is null without lesion pixels", () => {
    expect(ringContrast({ width: 2, height: 1, data: [1, 2] }, { width: 2, height: 1, data: [0, 0] }, 1, 1)).toBeNull();
  });
});

describe("rmsContrast and gradientMagnitudes", () => {
  it("rms contrast of [1, 3] is sd 1 over mean 2", () => {
    expect(rmsContrast([1, 3])).toBe(0.5);
    expect(rmsContrast([5, 5, 5])).toBe(0);
  });

  it("a ramp rising 2 levels per pixel has gradient 2 inside", () => {
    const ramp = { width: 3, height: 3, data: [0, 2, 4, 0, 2, 4, 0, 2, 4] };
    expect(Array.from(gradientMagnitudes(ramp))).toEqual([2]);
  });
});

describe("quantiles and summarize", () => {
  it("interpolate like R's quantile type 7", () => {
    // R: quantile(1:4, c(.25, .5, .75)) → 1.75 2.50 3.25
    expect(quantiles([4, 1, 3, 2], [0.25, 0.5, 0.75])).toEqual([1.75, 2.5, 3.25]);
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, median: 2.5, q1: 1.75, q3: 3.25 });
    expect(quantiles([], [0.5])).toEqual([NaN]);
  });
});
