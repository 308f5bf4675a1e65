import { encode } from "fast-png";
import { DataError } from "../../errors.js";
import { checkBits, checkRaster, type GrayImage16 } from "./gray-image.js";
import { insertAfterIhdr, physChunk, sbitChunk } from "./png-chunks.js";
import { pngText, type PngMetadata } from "./png-metadata.js";

export interface Gray16PngOptions extends PngMetadata {
  /** Significant bits of the samples (12 for the radiograph generator). Values above 2^bits - 1 are rejected. */
  bitsStored?: number;
  /**
   * How the samples are stored in the 16-bit PNG:
   * - "raw" (default): unchanged, so a reader gets the detector values, as in the DICOM pixel data. Viewers show
   *   a 12-bit image nearly black (4095 of 65535). No sBIT chunk: sBIT promises samples scaled to full range.
   * - "full-range": scaled to 0..65535 by left bit replication, v << (16 - bits) | v >> (2 * bits - 16) (the
   *   scaling PNG spec 12.4 recommends), plus sBIT = bits, so viewers show the full contrast and readers that
   *   honour sBIT recover the original values with a right shift.
   */
  scale?: "raw" | "full-range";
}

/**
 * A 16-bit greyscale PNG of a 12-bit (or other `bitsStored`) image, via fast-png (depth 16, one channel), with
 * pHYs when the pixel size is known and tEXt saying the data is synthetic. Pure and deterministic (no time
 * chunk, fixed zlib settings). Cost O(pixels).
 *
 * @example encodeGray16Png({ width, height, data }, { pixelSizeMm: 0.02 })
 */
export function encodeGray16Png(image: GrayImage16, options: Gray16PngOptions = {}): Uint8Array {
  const { bitsStored = 12, scale = "raw", pixelSizeMm, text } = options;
  checkRaster("gray16 PNG", image);
  if (!Number.isInteger(bitsStored) || bitsStored < 9 || bitsStored > 16) throw new DataError(`gray16 PNG: invalid bitsStored ${bitsStored}`);
  checkPixelSize("gray16 PNG", pixelSizeMm);
  checkBits("gray16 PNG", image, bitsStored);
  let data = image.data;
  if (scale === "full-range" && bitsStored < 16) {
    data = new Uint16Array(image.data.length);
    const up = 16 - bitsStored;
    const down = 2 * bitsStored - 16;
    for (let i = 0; i < data.length; i++) {
      const v = image.data[i] as number;
      data[i] = (v << up) | (v >> down);
    }
  }
  const png = encode({ width: image.width, height: image.height, data, depth: 16, channels: 1, text: pngText(text) });
  const chunks: Uint8Array[] = [];
  if (pixelSizeMm !== undefined) chunks.push(physChunk(pixelSizeMm));
  if (scale === "full-range") chunks.push(sbitChunk(bitsStored));
  return insertAfterIhdr(png, chunks);
}

/** A pixel size must be a positive finite number of mm when given. */
export function checkPixelSize(what: string, pixelSizeMm: number | undefined): void {
  if (pixelSizeMm !== undefined && !(Number.isFinite(pixelSizeMm) && pixelSizeMm > 0)) {
    throw new DataError(`${what}: invalid pixelSizeMm ${pixelSizeMm}`);
  }
}
