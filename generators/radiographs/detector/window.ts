/**
 * Windowing: a linear map of a value range [low, high] onto the integers 0..2^bits − 1, clipped. The detector
 * stores 12 bits (4,096 levels, as intraoral sensors digitise at 12-16 bits) and exports 8-bit images because
 * public datasets ship 8-bit greyscale PNG (dental-domain.md 2.1 [M]).
 */

/** values in [low, high] → 0..4095 (Uint16Array), rounded, clipped. */
export function windowTo12Bit(values: Float32Array, low: number, high: number): Uint16Array {
  if (!(high > low)) throw new RangeError(`invalid window: [${low}, ${high}]`);
  const out = new Uint16Array(values.length);
  const scale = 4095 / (high - low);
  for (let i = 0; i < values.length; i++) {
    // Round half up and clip: t = v + ½ is stored truncated, which is ⌊v + ½⌋ on [0, 4095] (cheaper than
    // Math.round followed by two comparisons; NaN stores as 0 either way).
    const t = (values[i]! - low) * scale + 0.5;
    out[i] = t < 0 ? 0 : t > 4095 ? 4095 : t;
  }
  return out;
}

/**
 * A 12-bit image as 8 bits: [low, high] (12-bit levels, whole range by default) → 0..255, rounded, clipped.
 * A narrower window is how viewers raise contrast, e.g. the 1st-99th percentile of the image.
 */
export function toEightBit(image12: Uint16Array, low = 0, high = 4095): Uint8Array {
  if (!(high > low)) throw new RangeError(`invalid window: [${low}, ${high}]`);
  const out = new Uint8Array(image12.length);
  const scale = 255 / (high - low);
  for (let i = 0; i < image12.length; i++) {
    const v = Math.round((image12[i]! - low) * scale);
    out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return out;
}

/** The q-quantile (0..1) of a 12-bit image, by histogram: for percentile windows in toEightBit. */
export function quantile12(image12: Uint16Array, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`invalid quantile: ${q}`);
  const histogram = new Uint32Array(4096);
  for (let i = 0; i < image12.length; i++) histogram[image12[i]! & 4095]!++;
  const target = q * (image12.length - 1);
  let seen = 0;
  for (let level = 0; level < 4096; level++) {
    seen += histogram[level]!;
    if (seen > target) return level;
  }
  return 4095;
}
