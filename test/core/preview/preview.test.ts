import { describe, expect, it } from "vitest";
import { decode } from "fast-png";
import { rasterizeScene, type RasterImage } from "../../../core/preview/rasterize.js";
import { renderPreviewPng } from "../../../core/preview/preview-png.js";
import { cube, patch } from "../sinks/mesh/fixtures.js";

/** Sum of alpha / 255: the covered area in pixels, anti-aliased edges counting by coverage. */
function coveredArea(image: RasterImage): number {
  let sum = 0;
  for (let i = 3; i < image.data.length; i += 4) sum += image.data[i]! / 255;
  return sum;
}

function pixel(image: RasterImage, x: number, y: number): number[] {
  const o = (y * image.width + x) * image.channels;
  return Array.from(image.data.subarray(o, o + image.channels));
}

/** Columns and rows of pixels with any coverage. */
function extent(image: RasterImage): { x0: number; x1: number; y0: number; y1: number } {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.data[(y * image.width + x) * 4 + 3]! > 0) {
        x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      }
    }
  }
  return { x0, x1, y0, y1 };
}

describe("rasterizeScene", () => {
  it("renders a cube seen face-on as a square filling the image minus the padding (orthographic and perspective)", () => {
    for (const projection of ["orthographic", "perspective"] as const) {
      const image = rasterizeScene(cube("c"), { width: 100, projection, padding: 0.1, alpha: true });
      // The front face projects to 80 × 80 px; the side faces are edge-on or turned away.
      expect(coveredArea(image)).toBeGreaterThan(6400 * 0.99);
      expect(coveredArea(image)).toBeLessThan(6400 * 1.01);
      expect(extent(image)).toEqual({ x0: 10, x1: 89, y0: 10, y1: 89 });
    }
  });

  it("renders a cube seen along its diagonal as the hexagon of area sqrt(3) × scale²", () => {
    const image = rasterizeScene(cube("c"), { width: 120, projection: "orthographic", direction: [1, 1, 1], padding: 0.1, alpha: true });
    // Projected along (1,1,1)/√3 the unit cube is a regular hexagon of circumradius √(2/3), width √2 and
    // height 2√(2/3) with y up; its area is |nx|+|ny|+|nz| = √3. The height fills 96 px.
    const scale = 96 / (2 * Math.sqrt(2 / 3));
    expect(coveredArea(image) / (Math.sqrt(3) * scale * scale)).toBeCloseTo(1, 2);
    const { x0, x1, y0, y1 } = extent(image);
    expect(y1 - y0 + 1).toBe(96);
    expect(x1 - x0 + 1).toBeCloseTo(Math.SQRT2 * scale, -0.5);
  });

  it("keeps the near cube in front of the far one, whatever the draw order", () => {
    const far = { ...cube("far", [0, 0, 0], 4), material: "red" };
    const near = { ...cube("near", [1.5, 1.5, 5], 1), material: "blue" };
    const colors = { red: [1, 0, 0], blue: [0, 0, 1] } as const;
    for (const scene of [[far, near], [near, far]]) {
      const image = rasterizeScene(scene, { width: 64, projection: "orthographic", colors, ambient: 1 });
      expect(pixel(image, 32, 32)).toEqual([0, 0, 255]);
      expect(pixel(image, 8, 8)).toEqual([255, 0, 0]);
      // Seen from behind, the big cube hides the small one completely.
      const back = rasterizeScene(scene, { width: 64, projection: "orthographic", colors, ambient: 1, direction: [0, 0, -1] });
      let blue = 0;
      for (let i = 0; i < back.data.length; i += 3) if (back.data[i + 2]! > back.data[i]!) blue++;
      expect(blue).toBe(0);
    }
  });

  it("shades by Lambert + ambient and leaves the background white", () => {
    const image = rasterizeScene(cube("c"), { width: 40, projection: "orthographic", direction: [0, 0, 1], light: [0, 0, 1], ambient: 0.2, defaultColor: [1, 1, 1] });
    expect(pixel(image, 20, 20)).toEqual([255, 255, 255]); // facing the light: full brightness
    expect(pixel(image, 0, 0)).toEqual([255, 255, 255]); // background
    const side = rasterizeScene(cube("c"), { width: 40, projection: "orthographic", direction: [0, 0, 1], light: [1, 0, 0], ambient: 0.2, defaultColor: [1, 1, 1] });
    expect(pixel(side, 20, 20)).toEqual([51, 51, 51]); // light grazing the face: ambient only (0.2 × 255)
  });

  it("colours faces by FDI label on request", () => {
    const scan = patch("scan", 16, 36);
    const image = rasterizeScene(scan, { width: 64, projection: "orthographic", colorBy: "label", ambient: 1 });
    const left = pixel(image, 10, 32);
    const right = pixel(image, 54, 32);
    expect(left).toEqual([217, 133, 133]); // gingiva pink (0.85, 0.52, 0.52)
    expect(right).not.toEqual(left);
  });

  it("gives an empty scene a plain background", () => {
    const image = rasterizeScene([], { width: 4, height: 2 });
    expect(Array.from(image.data)).toEqual(Array(4 * 2 * 3).fill(255));
  });
});

describe("renderPreviewPng", () => {
  const scene = [patch("gum", 20, 0), cube("11", [-3, 5, 1], 3, 11, 1), cube("21", [1, 5, 1], 3, 21, 2)];

  it("writes an 8-bit PNG of the requested size, RGB or RGBA", () => {
    const rgb = decode(renderPreviewPng(scene, { width: 96, height: 64, direction: [0.3, -1, 0.8], up: [0, 0, 1] }));
    expect([rgb.width, rgb.height, rgb.channels, rgb.depth]).toEqual([96, 64, 3, 8]);
    const rgba = decode(renderPreviewPng(scene, { width: 32, alpha: true }));
    expect([rgba.width, rgba.height, rgba.channels, rgba.depth]).toEqual([32, 32, 4, 8]);
  });

  it("is deterministic: the same input gives the same bytes", () => {
    const options = { width: 128, direction: [0.3, -1, 0.8] as const, colorBy: "label" as const };
    const a = renderPreviewPng(scene, options);
    const b = renderPreviewPng(scene.map((m) => ({ ...m, positions: m.positions.slice() })), options);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("rejects invalid sizes and directions", () => {
    expect(() => renderPreviewPng(scene, { width: 0 })).toThrow("invalid width: 0");
    expect(() => renderPreviewPng(scene, { direction: [0, 0, 0] })).toThrow("invalid direction: [0,0,0]");
  });
});
