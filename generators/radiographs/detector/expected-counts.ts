/**
 * Beer-Lambert: the mean photon count behind each pixel, N0 · h · exp(−L), from the line-integral image L
 * (dimensionless Σ μ·length). h is the heel effect: the anode absorbs more of the beam emitted toward its side,
 * so intensity falls off along the anode-cathode axis. Over an intraoral field (about 3-4 cm at 20-40 cm) the
 * fall-off is a few percent [U], modelled as a linear ramp.
 */

/** Heel effect: intensity changes by `gradient` (a fraction, signed) from the first to the last column or row. */
export interface HeelEffect {
  gradient: number;
  axis: "x" | "y";
}

/** Expected counts, row-major like L. The ramp is centred, so the image's mean intensity stays N0. */
export function expectedCounts(L: Float32Array, width: number, height: number, photonsPerPixel: number, heel?: HeelEffect | null): Float32Array {
  if (L.length !== width * height) throw new RangeError(`line-integral image has ${L.length} values, expected ${width}x${height}`);
  if (!(photonsPerPixel > 0)) throw new RangeError(`invalid photons per pixel: ${photonsPerPixel}`);
  const out = new Float32Array(L.length);
  const g = heel ? heel.gradient : 0;
  const alongX = heel?.axis !== "y";
  const span = Math.max(1, (alongX ? width : height) - 1);
  for (let y = 0; y < height; y++) {
    const rowFactor = !alongX && g !== 0 ? 1 + g * (y / span - 0.5) : 1;
    for (let x = 0; x < width; x++) {
      const factor = alongX && g !== 0 ? 1 + g * (x / span - 0.5) : rowFactor;
      const i = y * width + x;
      out[i] = photonsPerPixel * factor * Math.exp(-L[i]!);
    }
  }
  return out;
}
