/**
 * An almost-Gaussian blur in O(1) per pixel: three successive box filters along each axis, whose widths are
 * chosen so the total variance matches σ² as closely as integer widths allow (Kovesi, "Fast almost-Gaussian
 * filtering", DICTA 2010; Wells, IEEE PAMI 1986). For the unsharp mask's wide kernels (σ of 3-8 px) the exact
 * separable Gaussian costs 20-50 multiplies per pixel per axis; three running sums cost three.
 *
 * Borders: half-sample symmetric, as gaussian-blur.ts, so the blur keeps the image's sum.
 */
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
  const widths = boxWidths(sigma).filter((w) => w > 1);
  let a = new Float32Array(image.length);
  boxRows(image, a, width, height, widths);
  let b = new Float32Array(image.length);
  const acc = new Float64Array(width);
  for (const w of widths) {
    boxColumns(a, b, width, height, w, acc);
    [a, b] = [b, a];
  }
  return a;
}
