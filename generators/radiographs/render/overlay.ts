/**
 * A preview of a radiograph with its ground truth drawn over it (RGB PNG), for README, docs and reviewers: tooth
 * outlines with their FDI numbers, lesions filled by depth class, restorations and look-alikes outlined. What
 * it draws comes from the same annotation the COCO file holds, so the picture shows exactly what a model would
 * be trained on.
 */
import { encode } from "fast-png";
import type { AnnotatedObject, ImageAnnotation, MaskTile } from "../../../core/sinks/annotations/index.js";
import type { DepthClass } from "../../patient/types.js";

type Rgb = readonly [number, number, number];

/** Lesion fill by depth, light to dark as the lesion deepens (colour-blind-safe sequential ramp, viridis-like). */
const DEPTH_COLOUR: Readonly<Record<DepthClass, Rgb>> = {
  E1: [253, 231, 37],
  E2: [122, 209, 81],
  D1: [34, 168, 132],
  D2: [42, 120, 142],
  D3: [68, 1, 84],
};
const TOOTH_OUTLINE: Rgb = [0, 190, 255];
const RESTORATION_OUTLINE: Rgb = [255, 140, 0];
const LOOKALIKE_OUTLINE: Rgb = [255, 0, 200];
const LESION_ALPHA = 0.55;

/** 3×5 bitmap digits, rows top to bottom, 3 bits each (for FDI numbers without a font file). */
const DIGITS: readonly number[][] = [
  [7, 5, 5, 5, 7],
  [2, 6, 2, 2, 7],
  [7, 1, 7, 4, 7],
  [7, 1, 7, 1, 7],
  [5, 5, 7, 1, 1],
  [7, 4, 7, 1, 7],
  [7, 4, 7, 5, 7],
  [7, 1, 1, 1, 1],
  [7, 5, 7, 5, 7],
  [7, 5, 7, 1, 7],
];

const inside = (m: MaskTile, x: number, y: number) => x >= m.x0 && y >= m.y0 && x < m.x0 + m.w && y < m.y0 + m.h && m.data[(y - m.y0) * m.w + (x - m.x0)] === 1;

/**
 * The overlay as RGB PNG bytes. `pixels` are the 12-bit image (0..4095), shown with a linear window between
 * its 1st and 99th percentiles so every image reads well.
 */
export function renderOverlayPng(pixels: Uint16Array, annotation: ImageAnnotation): Uint8Array {
  const { width, height } = annotation.image;
  const rgb = new Uint8Array(width * height * 3);
  const [lo, hi] = percentiles(pixels, 0.01, 0.99);
  const span = Math.max(1, hi - lo);
  for (let k = 0; k < width * height; k++) {
    const g = Math.max(0, Math.min(255, Math.round((((pixels[k] as number) - lo) / span) * 255)));
    rgb[3 * k] = rgb[3 * k + 1] = rgb[3 * k + 2] = g;
  }
  const paint = (x: number, y: number, c: Rgb, alpha = 1) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const k = 3 * (y * width + x);
    for (let ch = 0; ch < 3; ch++) rgb[k + ch] = Math.round((1 - alpha) * (rgb[k + ch] as number) + alpha * (c[ch] as number));
  };
  const outline = (m: MaskTile, c: Rgb) => {
    for (let y = m.y0; y < m.y0 + m.h; y++) {
      for (let x = m.x0; x < m.x0 + m.w; x++) {
        if (!inside(m, x, y)) continue;
        if (!inside(m, x - 1, y) || !inside(m, x + 1, y) || !inside(m, x, y - 1) || !inside(m, x, y + 1)) paint(x, y, c);
      }
    }
  };
  const order = (o: AnnotatedObject) => ({ tooth: 0, restoration: 1, lookalike: 2, lesion: 3 })[o.kind];
  for (const o of [...annotation.objects].sort((a, b) => order(a) - order(b))) {
    if (o.kind === "tooth") outline(o.mask, TOOTH_OUTLINE);
    else if (o.kind === "restoration") outline(o.mask, RESTORATION_OUTLINE);
    else if (o.kind === "lookalike") {
      // Dotted: every other boundary pixel, so look-alikes read as "not a finding".
      const m = o.mask;
      for (let y = m.y0; y < m.y0 + m.h; y++) for (let x = m.x0; x < m.x0 + m.w; x++) {
        if (inside(m, x, y) && (x + y) % 3 === 0 && (!inside(m, x - 1, y) || !inside(m, x + 1, y) || !inside(m, x, y - 1) || !inside(m, x, y + 1))) paint(x, y, LOOKALIKE_OUTLINE);
      }
    } else {
      const c = DEPTH_COLOUR[o.attributes.depth];
      for (let y = o.mask.y0; y < o.mask.y0 + o.mask.h; y++) for (let x = o.mask.x0; x < o.mask.x0 + o.mask.w; x++) if (inside(o.mask, x, y)) paint(x, y, c, LESION_ALPHA);
      outline(o.mask, c);
    }
  }
  // FDI numbers at the middle of each tooth's box, scaled to the image.
  const scale = Math.max(1, Math.round(Math.min(width, height) / 256));
  for (const o of annotation.objects) {
    if (o.kind !== "tooth") continue;
    const text = String(o.fdi);
    const cx = o.mask.x0 + Math.floor(o.mask.w / 2) - Math.floor((text.length * 4 * scale) / 2);
    const cy = o.mask.y0 + Math.floor(o.mask.h / 2) - Math.floor((5 * scale) / 2);
    [...text].forEach((ch, n) => {
      const rows = DIGITS[Number(ch)]!;
      for (let r = 0; r < 5; r++) for (let c = 0; c < 3; c++) {
        if (((rows[r] as number) >> (2 - c)) & 1) {
          for (let dy = -1; dy <= scale; dy++) for (let dx = -1; dx <= scale; dx++) paint(cx + (n * 4 + c) * scale + dx, cy + r * scale + dy, [0, 0, 0], 0.6);
        }
      }
      for (let r = 0; r < 5; r++) for (let c = 0; c < 3; c++) {
        if (((rows[r] as number) >> (2 - c)) & 1) {
          for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) paint(cx + (n * 4 + c) * scale + dx, cy + r * scale + dy, [255, 255, 255]);
        }
      }
    });
  }
  return encode({ width, height, data: rgb, channels: 3, depth: 8 });
}

function percentiles(values: Uint16Array, a: number, b: number): [number, number] {
  const histogram = new Uint32Array(65536);
  for (let k = 0; k < values.length; k++) histogram[values[k] as number]!++;
  const at = (q: number) => {
    const target = q * values.length;
    let seen = 0;
    for (let v = 0; v < histogram.length; v++) {
      seen += histogram[v] as number;
      if (seen >= target) return v;
    }
    return histogram.length - 1;
  };
  return [at(a), at(b)];
}
