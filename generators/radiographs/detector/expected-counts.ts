/**
 * Beer-Lambert: the mean photon count behind each pixel, N0 · h · exp(−L), from the line-integral image L
 * (dimensionless Σ μ·length). h is the heel effect: the anode absorbs more of the beam emitted toward its side,
 * so intensity falls off along the anode-cathode axis. Over an intraoral field (about 3-4 cm at 20-40 cm) the
 * fall-off is a few percent [U], modelled as a linear ramp.
 */
import { expNeg } from "./exp-log-tables.js";

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
  const { column, row } = heelScale(width, height, photonsPerPixel, heel);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    const ry = row[y]!;
    for (let x = 0; x < width; x++) out[base + x] = column[x]! * ry * expNeg(L[base + x]!);
  }
  return out;
}

/**
 * N0 · h(x, y) = column[x] · row[y]: the ramp N0 · factor along its axis, 1 along the other (so the product is
 * exactly N0 · factor, the same float on every path).
 */
export function heelScale(width: number, height: number, photonsPerPixel: number, heel?: HeelEffect | null): { column: Float64Array; row: Float64Array } {
  const g = heel ? heel.gradient : 0;
  const alongX = heel?.axis !== "y";
  const span = Math.max(1, (alongX ? width : height) - 1);
  const column = new Float64Array(width).fill(photonsPerPixel);
  const row = new Float64Array(height).fill(1);
  if (g !== 0 && alongX) for (let x = 0; x < width; x++) column[x] = photonsPerPixel * (1 + g * (x / span - 0.5));
  if (g !== 0 && !alongX) for (let y = 0; y < height; y++) row[y] = photonsPerPixel * (1 + g * (y / span - 0.5));
  if (g !== 0 && !alongX) column.fill(1);
  return { column, row };
}
