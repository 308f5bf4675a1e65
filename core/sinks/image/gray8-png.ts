import { encode } from "fast-png";
import { checkRaster, type GrayImage8 } from "./gray-image.js";
import { checkPixelSize } from "./gray16-png.js";
import { insertAfterIhdr, physChunk } from "./png-chunks.js";
import { pngText, type PngMetadata } from "./png-metadata.js";

/**
 * An 8-bit greyscale PNG, the format the public radiograph sets ship (DC1000; dental-domain.md 2.1), with pHYs
 * when the pixel size is known and tEXt saying the data is synthetic. Use windowTo8Bit to get one from a 12-bit
 * image. Pure and deterministic. Cost O(pixels).
 */
export function encodeGray8Png(image: GrayImage8, options: PngMetadata = {}): Uint8Array {
  checkRaster("gray8 PNG", image);
  checkPixelSize("gray8 PNG", options.pixelSizeMm);
  const png = encode({ width: image.width, height: image.height, data: image.data, depth: 8, channels: 1, text: pngText(options.text) });
  return insertAfterIhdr(png, options.pixelSizeMm === undefined ? [] : [physChunk(options.pixelSizeMm)]);
}
