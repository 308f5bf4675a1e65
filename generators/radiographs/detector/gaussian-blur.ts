/**
 * Separable Gaussian blur with half-sample symmetric borders (the image mirrored about its edge, edge pixel
 * repeated). That border rule makes the blur conserve the image's sum exactly for a symmetric kernel, so blur
 * never changes the mean dose; clamping or zero padding would.
 */

/** Normalised kernel of radius ⌈3σ⌉ (weights sum to 1); σ = 0 gives the identity [1]. */
export function gaussianKernel(sigmaPx: number): Float64Array {
  if (!(sigmaPx >= 0) || !Number.isFinite(sigmaPx)) throw new RangeError(`invalid blur sigma: ${sigmaPx}`);
  if (sigmaPx === 0) return Float64Array.of(1);
  const radius = Math.max(1, Math.ceil(3 * sigmaPx));
  const kernel = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let k = -radius; k <= radius; k++) {
    const w = Math.exp(-(k * k) / (2 * sigmaPx * sigmaPx));
    kernel[k + radius] = w;
    sum += w;
  }
  for (let k = 0; k < kernel.length; k++) kernel[k]! /= sum;
  return kernel;
}

/** Index of sample i on a line of n after half-sample symmetric reflection, repeated (period 2n) for wide kernels. */
export function reflect(i: number, n: number): number {
  if (i >= 0 && i < n) return i;
  const m = ((i % (2 * n)) + 2 * n) % (2 * n);
  return m < n ? m : 2 * n - 1 - m;
}

/**
 * The image blurred by a Gaussian of σ pixels: rows then columns, O(w·h·σ). Returns a new array (`out` if
 * given, which must not be `image`).
 */
export function gaussianBlur(image: Float32Array, width: number, height: number, sigmaPx: number, out?: Float32Array): Float32Array {
  if (image.length !== width * height) throw new RangeError(`image has ${image.length} values, expected ${width}x${height}`);
  const result = out ?? new Float32Array(image.length);
  const kernel = gaussianKernel(sigmaPx);
  if (kernel.length === 1) {
    result.set(image);
    return result;
  }
  const rows = new Float32Array(image.length);
  blurRows(image, rows, width, height, kernel);
  const acc = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    blurColumnsAtRow(rows, width, height, kernel, y, acc);
    result.set(acc, y * width);
  }
  return result;
}

/**
 * Row pass of the separable blur, `image` → `rows` (may not alias). Each row is copied once into a buffer padded
 * by its mirror image, so the convolution's inner loop reads contiguous memory without index reflection; the
 * kernel's symmetry halves the multiplies.
 */
export function blurRows(image: Float32Array, rows: Float32Array, width: number, height: number, kernel: Float64Array): void {
  const radius = (kernel.length - 1) / 2;
  // Kernels of radius ≤ 4 (every PSF: σ ≤ 1.33 px) run unrolled, the missing taps weighted 0.
  const pad = Math.max(radius, SMALL);
  const line = new Float64Array(width + 2 * pad);
  const [c0, c1, c2, c3, c4] = smallWeights(kernel);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    for (let i = 0; i < width; i++) line[i + pad] = image[base + i]!;
    for (let i = 1; i <= pad; i++) {
      line[pad - i] = image[base + reflect(-i, width)]!;
      line[pad + width - 1 + i] = image[base + reflect(width - 1 + i, width)]!;
    }
    if (radius <= SMALL) {
      for (let x = 0, c = pad; x < width; x++, c++) {
        rows[base + x] =
          c0 * line[c]! + c1 * (line[c - 1]! + line[c + 1]!) + c2 * (line[c - 2]! + line[c + 2]!) + c3 * (line[c - 3]! + line[c + 3]!) + c4 * (line[c - 4]! + line[c + 4]!);
      }
    } else {
      const centre = kernel[radius]!;
      for (let x = 0; x < width; x++) {
        const c = x + pad;
        let s = centre * line[c]!;
        for (let k = 1; k <= radius; k++) s += kernel[radius + k]! * (line[c - k]! + line[c + k]!);
        rows[base + x] = s;
      }
    }
  }
}

/**
 * Column pass for one output row: acc[x] = Σ_k kernel[k] · rows[reflect(y + k − r)][x]. Whole rows are combined
 * at a time, so memory is read sequentially (a column walk would stride by the width and miss the cache).
 */
export function blurColumnsAtRow(rows: Float32Array, width: number, height: number, kernel: Float64Array, y: number, acc: Float64Array): void {
  const radius = (kernel.length - 1) / 2;
  const c = y * width;
  if (radius <= SMALL) {
    const [c0, c1, c2, c3, c4] = smallWeights(kernel);
    // Row offsets of the taps above (a) and below (b); taps past the radius point at row y with weight 0.
    const a1 = radius >= 1 ? reflect(y - 1, height) * width : c;
    const b1 = radius >= 1 ? reflect(y + 1, height) * width : c;
    const a2 = radius >= 2 ? reflect(y - 2, height) * width : c;
    const b2 = radius >= 2 ? reflect(y + 2, height) * width : c;
    const a3 = radius >= 3 ? reflect(y - 3, height) * width : c;
    const b3 = radius >= 3 ? reflect(y + 3, height) * width : c;
    const a4 = radius >= 4 ? reflect(y - 4, height) * width : c;
    const b4 = radius >= 4 ? reflect(y + 4, height) * width : c;
    for (let x = 0; x < width; x++) {
      acc[x] =
        c0 * rows[c + x]! +
        c1 * (rows[a1 + x]! + rows[b1 + x]!) +
        c2 * (rows[a2 + x]! + rows[b2 + x]!) +
        c3 * (rows[a3 + x]! + rows[b3 + x]!) +
        c4 * (rows[a4 + x]! + rows[b4 + x]!);
    }
    return;
  }
  const centre = kernel[radius]!;
  for (let x = 0; x < width; x++) acc[x] = centre * rows[c + x]!;
  for (let k = 1; k <= radius; k++) {
    const w = kernel[radius + k]!;
    const a = reflect(y - k, height) * width;
    const b = reflect(y + k, height) * width;
    for (let x = 0; x < width; x++) acc[x]! += w * (rows[a + x]! + rows[b + x]!);
  }
}

/** Largest radius of the unrolled paths. */
const SMALL = 4;

/** Centre and one-sided weights of a kernel of radius ≤ SMALL, zero past its radius. */
function smallWeights(kernel: Float64Array): [number, number, number, number, number] {
  const r = (kernel.length - 1) / 2;
  const at = (k: number) => (k <= r ? kernel[r + k]! : 0);
  return [at(0), at(1), at(2), at(3), at(4)];
}
