import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { OBJECT_TO_SENSOR_MM, SOURCE_TO_SENSOR_MM, magnificationOf, sampleMagnification } from "../../../../generators/radiographs/projection/magnification.js";
import { beamDirection, centredView, projectPoint, projectionMaps, type ParallelView } from "../../../../generators/radiographs/projection/parallel-view.js";

const base: ParallelView = { origin: [10, 20, 30], u: [1, 0, 0], v: [0, 1, 0], pixelSize: 0.5, width: 40, height: 30 };

describe("parallel view", () => {
  it("puts the origin at pixel (0, 0)'s top-left corner, columns along u, rows along v, depth along d = u × v", () => {
    expect(beamDirection(base)).toEqual([0, 0, 1]);
    expect(projectPoint(base, [10, 20, 30])).toEqual({ x: 0, y: 0, depth: 0 });
    // Pixel (3, 2)'s centre, 4 mm beyond the image plane along the beam.
    const p = projectPoint(base, [10 + 3.5 * 0.5, 20 + 2.5 * 0.5, 34]);
    expect(p.x).toBeCloseTo(3.5, 12);
    expect(p.y).toBeCloseTo(2.5, 12);
    expect(p.depth).toBeCloseTo(4, 12);
  });

  it("scales the image (not the depth) by the magnification", () => {
    const view = { ...base, magnification: 1.08 };
    const p = projectPoint(view, [11, 20, 35]);
    expect(p.x).toBeCloseTo((1 * 1.08) / 0.5, 12);
    expect(p.depth).toBeCloseTo(5, 12);
    expect(projectionMaps(view).objectPixelSize).toBeCloseTo(0.5 / 1.08, 12);
  });

  it("projects along an oblique beam onto the image plane and measures depth along the beam", () => {
    const d = [0.6, 0, 0.8] as const;
    const view = { ...base, d };
    // A point 5 mm along the beam from pixel (4, 4)'s centre lands on that centre at depth 5.
    const c = [10 + 4.5 * 0.5, 20 + 4.5 * 0.5, 30];
    const p = projectPoint(view, [c[0]! + 5 * d[0], c[1]!, c[2]! + 5 * d[2]]);
    expect(p.x).toBeCloseTo(4.5, 12);
    expect(p.y).toBeCloseTo(4.5, 12);
    expect(p.depth).toBeCloseTo(5, 12);
  });

  it("centres a view on a point (also with magnification and an oblique beam)", () => {
    for (const extra of [{}, { magnification: 1.05 }, { d: [-0.97, 0.2, -0.1] as const }]) {
      const view = centredView({ centre: [1, 2, 3], u: [0, 1, 0], v: [0, 0, -1], pixelSize: 0.04, width: 1024, height: 768, ...extra });
      const p = projectPoint(view, [1, 2, 3]);
      expect(p.x).toBeCloseTo(512, 9);
      expect(p.y).toBeCloseTo(384, 9);
    }
  });

  it("refuses non-orthonormal axes, a beam along the image plane, and bad sizes", () => {
    expect(() => projectionMaps({ ...base, u: [1, 0.1, 0] })).toThrow(/orthonormal/);
    expect(() => projectionMaps({ ...base, d: [1, 0, 0] })).toThrow(/beam must point into the image plane/);
    expect(() => projectionMaps({ ...base, d: [0, 0, -1] })).toThrow(/beam must point into the image plane/);
    expect(() => projectionMaps({ ...base, width: 0 })).toThrow(/invalid image size/);
    expect(() => projectionMaps({ ...base, pixelSize: -1 })).toThrow(/invalid pixel size/);
    expect(() => projectionMaps({ ...base, magnification: 0 })).toThrow(/invalid magnification/);
  });
});

describe("magnification", () => {
  it("is SID / (SID − OID), about 1.03-1.11 over the paralleling ranges", () => {
    expect(magnificationOf(300, 20)).toBeCloseTo(300 / 280, 12);
    expect(magnificationOf(SOURCE_TO_SENSOR_MM[1], OBJECT_TO_SENSOR_MM[0])).toBeCloseTo(1.0256, 4);
    expect(magnificationOf(SOURCE_TO_SENSOR_MM[0], OBJECT_TO_SENSOR_MM[1])).toBeCloseTo(1.1111, 4);
    expect(() => magnificationOf(100, 100)).toThrow(/invalid projection distances/);
    const rng = new Rng("mag");
    for (let i = 0; i < 100; i++) {
      const m = sampleMagnification(rng).magnification;
      expect(m).toBeGreaterThan(1.02);
      expect(m).toBeLessThan(1.12);
    }
  });
});
