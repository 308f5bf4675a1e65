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
function reflect(i: number, n: number): number {
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
  const radius = (kernel.length - 1) / 2;
  if (radius === 0) {
    result.set(image);
    return result;
  }
  const line = new Float64Array(Math.max(width, height) + 2 * radius);
  const rows = new Float32Array(image.length);
  // Rows: copy each padded row once, then convolve the contiguous buffer.
  for (let y = 0; y < height; y++) {
    const base = y * width;
    for (let i = -radius; i < width + radius; i++) line[i + radius] = image[base + reflect(i, width)]!;
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = 0; k < kernel.length; k++) s += kernel[k]! * line[x + k]!;
      rows[base + x] = s;
    }
  }
  // Columns, the same way.
  for (let x = 0; x < width; x++) {
    for (let i = -radius; i < height + radius; i++) line[i + radius] = rows[reflect(i, height) * width + x]!;
    for (let y = 0; y < height; y++) {
      let s = 0;
      for (let k = 0; k < kernel.length; k++) s += kernel[k]! * line[y + k]!;
      result[y * width + x] = s;
    }
  }
  return result;
}
