import { encode } from "fast-png";
import { checkRaster, type GrayImage8 } from "./gray-image.js";
import { insertAfterIhdr, physChunk } from "./png-chunks.js";
import { pngText, type PngMetadata } from "./png-metadata.js";

/**
 * A per-pixel class mask as an 8-bit greyscale PNG: each value is a class id (0 = background), the label-PNG layout
 * of DC1000-style segmentation sets (image and mask share the file name; dental-domain.md 4.3). The values are the
 * ids themselves, not spread to 0..255, so a loader reads the classes directly; the class list travels with the
 * dataset (the COCO categories). Lossless and deterministic. Cost O(pixels).
 */
export function encodeClassMaskPng(mask: GrayImage8, options: PngMetadata = {}): Uint8Array {
  checkRaster("class mask PNG", mask);
  const png = encode({ width: mask.width, height: mask.height, data: mask.data, depth: 8, channels: 1, text: pngText({ Description: "class mask, 0 = background", ...options.text }) });
  return insertAfterIhdr(png, options.pixelSizeMm === undefined ? [] : [physChunk(options.pixelSizeMm)]);
}
