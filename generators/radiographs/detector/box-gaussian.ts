/**
 * An almost-Gaussian blur in O(1) per pixel: three successive box filters along each axis, whose widths are
 * chosen so the total variance matches σ² as closely as integer widths allow (Kovesi, "Fast almost-Gaussian
 * filtering", DICTA 2010; Wells, IEEE PAMI 1986). For the unsharp mask's wide kernels (σ of 3-8 px) the exact
 * separable Gaussian costs 20-50 multiplies per pixel per axis; three running sums cost three.
 *
 * Borders: half-sample symmetric, as gaussian-blur.ts, so the blur keeps the image's sum.
 */
import { scratchFloat32 } from "../scratch.js";
import { reflect } from "./gaussian-blur.js";

/** Widths of the n boxes whose combined variance is closest to σ² (Kovesi 2010, eq. 3-4). */
export function boxWidths(sigma: number, n = 3): number[] {
  const ideal = Math.sqrt((12 * sigma * sigma) / n + 1);
  let lower = Math.floor(ideal);
  if (lower % 2 === 0) lower--;
  const upper = lower + 2;
  const m = Math.round((12 * sigma * sigma - n * lower * lower - 4 * n * lower - 3 * n) / (-4 * lower - 4));
  return Array.from({ length: n }, (_, i) => (i < m ? lower : upper));
}

/** Variance of a box of odd width w (uniform over w samples): (w² − 1) / 12. */
export const boxVariance = (w: number) => (w * w - 1) / 12;

/**
 * Row passes: every box of `widths` along each row in turn, in a padded line buffer (each pass reflects its own
 * input at the borders, as a separate pass over the image would), `src` → `dst` (may be the same array).
 */
function boxRows(src: Float32Array, dst: Float32Array, width: number, height: number, widths: readonly number[]): void {
  let maxR = 0;
  for (const w of widths) maxR = Math.max(maxR, (w - 1) >> 1);
  const prefix = new Float64Array(width + 2 * maxR + 1);
  const next = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    for (let i = 0; i < width; i++) next[i] = src[base + i]!;
    for (let p = 0; p < widths.length; p++) boxLine(next, prefix, width, widths[p]!);
    for (let i = 0; i < width; i++) dst[base + i] = next[i]!;
  }
}

/**
 * One box of odd width w over `values` (n samples, in place), by prefix sums of the mirror-padded line: the
 * running-sum recurrence costs two dependent additions per sample, a prefix sum one, and the differences that
 * follow are independent of each other.
 */
function boxLine(values: Float64Array, prefix: Float64Array, n: number, w: number): void {
  const r = (w - 1) >> 1;
  let s = 0;
  prefix[0] = 0;
  for (let j = 0; j < r; j++) {
    s += values[reflect(j - r, n)]!;
    prefix[j + 1] = s;
  }
  for (let i = 0; i < n; i++) {
    s += values[i]!;
    prefix[r + i + 1] = s;
  }
  for (let j = 0; j < r; j++) {
    s += values[reflect(n + j, n)]!;
    prefix[n + r + j + 1] = s;
  }
  const inv = 1 / w;
  for (let i = 0; i < n; i++) values[i] = (prefix[i + w]! - prefix[i]!) * inv;
}

/**
 * One box pass along columns, `src` → `dst` (distinct): a running sum per column, kept for a whole row of
 * columns at once so both the rows added and the rows dropped are read sequentially.
 */
function boxColumns(src: Float32Array, dst: Float32Array, width: number, height: number, w: number, acc: Float64Array): void {
  const r = (w - 1) >> 1;
  const inv = 1 / w;
  acc.fill(0);
  for (let k = -r; k <= r; k++) {
    const row = reflect(k, height) * width;
    for (let x = 0; x < width; x++) acc[x]! += src[row + x]!;
  }
  for (let y = 0; y < height; y++) {
    const out = y * width;
    for (let x = 0; x < width; x++) dst[out + x] = acc[x]! * inv;
    if (y + 1 === height) break;
    const add = reflect(y + 1 + r, height) * width;
    const drop = reflect(y - r, height) * width;
    for (let x = 0; x < width; x++) acc[x]! += src[add + x]! - src[drop + x]!;
  }
}

/**
 * The image blurred by three boxes per axis approximating a Gaussian of σ pixels (new array). The axes are
 * done one after the other (all row boxes, then all column boxes): separable filters on different axes commute.
 */
export function boxGaussianBlur(image: Float32Array, width: number, height: number, sigma: number): Float32Array {
  if (image.length !== width * height) throw new RangeError(`image has ${image.length} values, expected ${width}x${height}`);
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new RangeError(`invalid blur sigma: ${sigma}`);
  return boxBlurInto(image, width, height, sigma, new Float32Array(image.length), new Float32Array(image.length));
}

/** The blur with two work arrays of the image's size (neither `image`); returns the one holding the result. */
function boxBlurInto(image: Float32Array, width: number, height: number, sigma: number, a: Float32Array, b: Float32Array): Float32Array {
  const widths = boxWidths(sigma).filter((w) => w > 1);
  boxRows(image, a, width, height, widths);
  const acc = new Float64Array(width);
  for (const w of widths) {
    boxColumns(a, b, width, height, w, acc);
    [a, b] = [b, a];
  }
  return a;
}

/**
 * The same blur computed at half resolution, for wide σ: the image averaged over 2×2 blocks, blurred by three
 * boxes of σ' = √(σ² − 1) / 2 half-resolution pixels, and interpolated back bilinearly. Per axis the averaging
 * and the interpolation together give each output pixel the input at offsets −2..1 (even pixels; −1..2 odd)
 * with weights 1/8, 1/8, 3/8, 3/8 (3/8, 3/8, 1/8, 1/8): centred on the pixel, variance 1 px², which σ' leaves
 * out, so the total variance is σ² as before. The boxes then run over a quarter of the pixels. Borders: half-sample symmetric at both resolutions; the sum is kept for even sizes.
 * Returns a new array, or `out` if given (which must not be `image`).
 */
export function halfResolutionBoxBlur(image: Float32Array, width: number, height: number, sigma: number, out?: Float32Array): Float32Array {
  if (image.length !== width * height) throw new RangeError(`image has ${image.length} values, expected ${width}x${height}`);
  if (!(sigma > 1) || !Number.isFinite(sigma)) throw new RangeError(`invalid half-resolution blur sigma: ${sigma}`);
  const hw = (width + 1) >> 1;
  const hh = (height + 1) >> 1;
  const half = scratchFloat32("half-blur:image", hw * hh);
  downsample(image, width, height, half, hw, hh);
  const blurred = boxBlurInto(half, hw, hh, Math.sqrt(sigma * sigma - 1) / 2, scratchFloat32("half-blur:a", hw * hh), scratchFloat32("half-blur:b", hw * hh));
  const result = out ?? new Float32Array(image.length);
  upsample(blurred, hw, hh, result, width, height);
  return result;
}

/** 2×2 block means (an odd last row or column averages with itself). */
function downsample(image: Float32Array, width: number, height: number, half: Float32Array, hw: number, hh: number): void {
  for (let J = 0; J < hh; J++) {
    const a = 2 * J * width;
    const b = Math.min(2 * J + 1, height - 1) * width;
    for (let I = 0; I < hw; I++) {
      const x0 = 2 * I;
      const x1 = Math.min(x0 + 1, width - 1);
      half[J * hw + I] = 0.25 * (image[a + x0]! + image[a + x1]! + image[b + x0]! + image[b + x1]!);
    }
  }
}

/**
 * Bilinear interpolation back to full resolution: pixel centre i + ½ lies at half-resolution coordinate
 * i/2 − ¼, so an even pixel takes ¾ of its block and ¼ of the one before, an odd pixel ¾ of its block and ¼ of
 * the one after (reflected at the borders).
 */
function upsample(half: Float32Array, hw: number, hh: number, out: Float32Array, width: number, height: number): void {
  const line = new Float64Array(hw);
  for (let j = 0; j < height; j++) {
    const J = j >> 1;
    const K = j & 1 ? Math.min(J + 1, hh - 1) : Math.max(J - 1, 0);
    const a = J * hw;
    const b = K * hw;
    for (let I = 0; I < hw; I++) line[I] = 0.75 * half[a + I]! + 0.25 * half[b + I]!;
    const base = j * width;
    for (let i = 0; i < width; i++) {
      const I = i >> 1;
      const k = i & 1 ? Math.min(I + 1, hw - 1) : Math.max(I - 1, 0);
      out[base + i] = 0.75 * line[I]! + 0.25 * line[k]!;
    }
  }
}
