import { encode } from "fast-png";
import { checkRaster, type GrayImage16 } from "./gray-image.js";
import { insertAfterIhdr, physChunk } from "./png-chunks.js";
import { pngText, type PngMetadata } from "./png-metadata.js";

/**
 * A per-pixel instance mask as a 16-bit greyscale PNG: each value is an instance id (0 = background), so up to
 * 65,535 objects per image, enough for every tooth, restoration and lesion of a radiograph. Ids are written as
 * they are (no scaling, no sBIT). Lossless and deterministic. Cost O(pixels).
 */
export function encodeInstanceMaskPng(mask: GrayImage16, options: PngMetadata = {}): Uint8Array {
  checkRaster("instance mask PNG", mask);
  const png = encode({ width: mask.width, height: mask.height, data: mask.data, depth: 16, channels: 1, text: pngText({ Description: "instance mask, 0 = background", ...options.text }) });
  return insertAfterIhdr(png, options.pixelSizeMm === undefined ? [] : [physChunk(options.pixelSizeMm)]);
}
