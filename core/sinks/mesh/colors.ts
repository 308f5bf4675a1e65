/** An sRGB colour, each channel in [0, 1]. */
export type Rgb = readonly [r: number, g: number, b: number];

/** Default surface colour: a light ivory, close to enamel under studio light. */
export const DEFAULT_MESH_COLOR: Rgb = [0.93, 0.91, 0.84];

/** Gingiva colour (label 0) when colouring by label. */
export const GINGIVA_COLOR: Rgb = [0.85, 0.52, 0.52];

/**
 * A stable colour per FDI label for segmentation previews: 0 (gingiva) is pink, teeth get well-separated hues by
 * quadrant and position (golden-angle hue steps), so neighbouring teeth differ. Deterministic, no randomness.
 */
export function labelColor(label: number): Rgb {
  if (label === 0) return GINGIVA_COLOR;
  const quadrant = Math.floor(label / 10);
  const tooth = label % 10;
  const hue = (((quadrant * 8 + tooth) * 137.508) % 360) / 360;
  return hslToRgb(hue, 0.55, 0.62);
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h * 12) % 12;
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [f(0), f(8), f(4)];
}
