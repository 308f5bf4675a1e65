/** What every dentsynth PNG says about itself in tEXt chunks (PNG spec 11.3.4.3 keywords), and its pixel size. */
export interface PngMetadata {
  /** Physical size of one pixel in mm (square pixels); written as pHYs. Omit when unknown. */
  pixelSizeMm?: number;
  /** Extra tEXt entries, e.g. { Source: "dentsynth radiograph P000001 BW-R" }. Latin-1 text. */
  text?: Record<string, string>;
}

/**
 * Default tEXt entries: the data is synthetic, and which tool wrote it. Fixed strings (no time stamp) so the same
 * input gives the same bytes.
 */
export function pngText(extra: Record<string, string> | undefined): Record<string, string> {
  return { Software: "dentsynth", Comment: "synthetic image, no patient data", ...extra };
}
