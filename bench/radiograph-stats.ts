/**
 * Pure image statistics for bench/radiograph-realism.ts: connected components of a mask, area resampling to a
 * common pixel size, square dilation, lesion-versus-ring contrast, RMS contrast, edge strength and quantiles.
 * They live apart from the script so test/bench/radiograph-stats.test.ts can check them on tiny arrays with
 * known answers; none of them reads files. Images are row-major, one value per pixel, x right and y down.
 */

/** A row-major single-channel raster. */
export interface Raster {
  width: number;
  height: number;
  data: ArrayLike<number>;
}

/** One 8-connected component of a mask: its pixel count, inclusive bounding box and the mask value it has. */
export interface Component {
  /** 1-based label, as in `labels`. */
  label: number;
  area: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The mask value of the component's first pixel (raster order): the grade of a 3-level mask. */
  value: number;
}

/**
 * The 8-connected components of the non-zero pixels (diagonal neighbours join, as a lesion outline drawn with a
 * brush does). Labels are numbered in raster order of each component's first pixel. Iterative flood fill, so a
 * component of a whole image cannot overflow the call stack. Cost O(width · height).
 *
 * @example connectedComponents({ width: 3, height: 1, data: [1, 0, 1] }).components.length // 2
 */
export function connectedComponents(mask: Raster): { labels: Int32Array; components: Component[] } {
  const { width, height, data } = mask;
  const labels = new Int32Array(width * height);
  const components: Component[] = [];
  const stack: number[] = [];
  for (let start = 0; start < labels.length; start++) {
    if (data[start] === 0 || labels[start] !== 0) continue;
    const c: Component = { label: components.length + 1, area: 0, x0: width, y0: height, x1: -1, y1: -1, value: data[start] as number };
    labels[start] = c.label;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop() as number;
      const x = p % width;
      const y = (p - x) / width;
      c.area++;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (data[q] !== 0 && labels[q] === 0) {
            labels[q] = c.label;
            stack.push(q);
          }
        }
      }
    }
    components.push(c);
  }
  return { labels, components };
}

/** Diameter of the disc with the same area: 2·√(area/π). The size of an irregular lesion as one length. */
export function equivalentDiameter(area: number): number {
  return 2 * Math.sqrt(area / Math.PI);
}

/**
 * Copies the rectangle [x0, x0 + w) × [y0, y0 + h) of a raster after clamping it to the image, as a Float32Array.
 * Returns the clamped box too, so a mask can be cut to the same pixels. Cost O(w · h).
 */
export function crop(image: Raster, x0: number, y0: number, w: number, h: number): { x0: number; y0: number; width: number; height: number; data: Float32Array } {
  const cx0 = Math.max(0, Math.floor(x0));
  const cy0 = Math.max(0, Math.floor(y0));
  const cx1 = Math.min(image.width, Math.floor(x0 + w));
  const cy1 = Math.min(image.height, Math.floor(y0 + h));
  const width = Math.max(0, cx1 - cx0);
  const height = Math.max(0, cy1 - cy0);
  const data = new Float32Array(width * height);
  for (let j = 0; j < height; j++) for (let i = 0; i < width; i++) data[j * width + i] = image.data[(cy0 + j) * image.width + cx0 + i] as number;
  return { x0: cx0, y0: cy0, width, height, data };
}

/**
 * Resamples a raster from `fromMm` to `toMm` per pixel by area averaging: each output pixel is the mean of the
 * input over the square it covers, with partial input pixels weighted by their overlap. This is what a detector
 * with larger pixels would integrate, so downsampling does not alias noise the way point sampling would; for a
 * factor of exactly 2 it is the 2 × 2 mean. Upsampling (toMm < fromMm) repeats values. The output covers
 * floor(side · fromMm / toMm) pixels per side, dropping the partial last one. A mask resampled this way gives
 * each output pixel its covered fraction. Cost O(output pixels · (toMm / fromMm + 1)²).
 *
 * @example resampleArea({ width: 2, height: 2, data: [0, 2, 4, 6] }, 1, 2).data // Float32Array [3]
 */
export function resampleArea(image: Raster, fromMm: number, toMm: number): { width: number; height: number; data: Float32Array } {
  if (!(fromMm > 0 && toMm > 0)) throw new RangeError(`resampleArea: invalid pixel sizes ${fromMm} → ${toMm}`);
  const scale = toMm / fromMm; // input pixels per output pixel, per side
  const width = Math.floor((image.width / scale) + 1e-9);
  const height = Math.floor((image.height / scale) + 1e-9);
  const data = new Float32Array(width * height);
  // Overlap of output cell [k·scale, (k+1)·scale) with input pixels, per axis: same for every row or column.
  const spans = (nOut: number, nIn: number) =>
    Array.from({ length: nOut }, (_, k) => {
      const a = k * scale;
      const b = a + scale;
      const parts: [number, number][] = [];
      for (let p = Math.floor(a); p < Math.min(Math.ceil(b - 1e-9), nIn); p++) {
        const overlap = Math.min(b, p + 1) - Math.max(a, p);
        if (overlap > 1e-9) parts.push([p, overlap]);
      }
      return parts;
    });
  const xs = spans(width, image.width);
  const ys = spans(height, image.height);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      let sum = 0;
      let weight = 0;
      for (const [y, wy] of ys[j]!) {
        const row = y * image.width;
        for (const [x, wx] of xs[i]!) {
          sum += (image.data[row + x] as number) * wx * wy;
          weight += wx * wy;
        }
      }
      data[j * width + i] = sum / weight;
    }
  }
  return { width, height, data };
}

/**
 * Dilation of a binary mask by a (2r + 1) × (2r + 1) square: a pixel is set when any pixel within Chebyshev
 * distance r is. Separable (a row pass, then a column pass), so the cost is O(width · height · r) instead of r².
 */
export function dilateSquare(mask: Raster, r: number): Uint8Array {
  const { width, height, data } = mask;
  const rows = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let on = 0;
      for (let dx = -r; dx <= r && !on; dx++) {
        const nx = x + dx;
        if (nx >= 0 && nx < width && data[y * width + nx] !== 0) on = 1;
      }
      rows[y * width + x] = on;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let on = 0;
      for (let dy = -r; dy <= r && !on; dy++) {
        const ny = y + dy;
        if (ny >= 0 && ny < height && rows[ny * width + x] !== 0) on = 1;
      }
      out[y * width + x] = on;
    }
  }
  return out;
}

/** Lesion mean, ring mean and their difference over a normalising range (see ringContrast). */
export interface RingContrast {
  lesionMean: number;
  ringMean: number;
  /** (lesionMean − ringMean) / range: negative when the lesion is darker (radiolucent) than what surrounds it. */
  contrast: number;
  lesionPixels: number;
  ringPixels: number;
}

/**
 * How much darker a lesion is than the tissue right around it: the mean inside the mask minus the mean of the
 * ring of pixels within `ringPx` (Chebyshev) outside it, divided by `range` (e.g. the crop's p95 − p5, so images
 * with different windowing compare). This is the contrast a reader sees at the lesion's border. With `within`,
 * only ring pixels inside that mask count: a proximal lesion sits on the tooth's outline, and half of a plain ring
 * would be the dark gap beside the tooth rather than sound tooth. Null when the lesion or the ring has no pixels.
 * Cost O(pixels · ringPx).
 *
 * @example ringContrast(image, lesion, 1, 100) // { contrast: -0.3, ... } for a lesion 30 levels below its ring
 */
export function ringContrast(image: Raster, lesion: Raster, ringPx: number, range: number, within?: Raster): RingContrast | null {
  if (image.width !== lesion.width || image.height !== lesion.height) throw new RangeError("ringContrast: image and lesion sizes differ");
  if (within && (within.width !== image.width || within.height !== image.height)) throw new RangeError("ringContrast: image and within sizes differ");
  const grown = dilateSquare(lesion, ringPx);
  let lesionSum = 0;
  let lesionPixels = 0;
  let ringSum = 0;
  let ringPixels = 0;
  for (let p = 0; p < grown.length; p++) {
    const v = image.data[p] as number;
    if (lesion.data[p] !== 0) {
      lesionSum += v;
      lesionPixels++;
    } else if (grown[p] !== 0 && (!within || within.data[p] !== 0)) {
      ringSum += v;
      ringPixels++;
    }
  }
  if (lesionPixels === 0 || ringPixels === 0) return null;
  const lesionMean = lesionSum / lesionPixels;
  const ringMean = ringSum / ringPixels;
  return { lesionMean, ringMean, contrast: (lesionMean - ringMean) / range, lesionPixels, ringPixels };
}

/**
 * RMS contrast: the standard deviation of the values over their mean (population form, divisor n). A
 * dimensionless spread that does not depend on the grey scale's unit. 0 for a flat crop; NaN for a mean of 0.
 */
export function rmsContrast(values: ArrayLike<number>): number {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((values[i] as number) - mean) ** 2;
  return Math.sqrt(ss / n) / mean;
}

/**
 * Gradient magnitude per interior pixel, by central differences: |∇| = √(((x+1) − (x−1))² + ((y+1) − (y−1))²) / 2,
 * in grey levels per pixel. At a common pixel size its upper quantiles measure how sharp the edges are (blur
 * lowers them). Border pixels are left out. Cost O(pixels).
 */
export function gradientMagnitudes(image: Raster): Float64Array {
  const { width, height, data } = image;
  if (width < 3 || height < 3) return new Float64Array(0);
  const out = new Float64Array((width - 2) * (height - 2));
  let k = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const gx = (data[y * width + x + 1] as number) - (data[y * width + x - 1] as number);
      const gy = (data[(y + 1) * width + x] as number) - (data[(y - 1) * width + x] as number);
      out[k++] = Math.hypot(gx, gy) / 2;
    }
  }
  return out;
}

/**
 * The q-quantiles (0..1) of the values, by linear interpolation between order statistics (R's default type 7,
 * numpy's "linear"): position q·(n − 1) in the sorted values. Sorts one copy. NaN for no values.
 *
 * @example quantiles([1, 2, 3, 4], [0.5]) // [2.5]
 */
export function quantiles(values: ArrayLike<number>, qs: readonly number[]): number[] {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return qs.map((q) => {
    if (sorted.length === 0) return NaN;
    const pos = q * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
  });
}

/** Median and interquartile range of a sample, with its size: the summary every table cell shows. */
export interface Summary {
  n: number;
  median: number;
  q1: number;
  q3: number;
}

export function summarize(values: ArrayLike<number>): Summary {
  const [q1, median, q3] = quantiles(values, [0.25, 0.5, 0.75]) as [number, number, number];
  return { n: values.length, median, q1, q3 };
}
