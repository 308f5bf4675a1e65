import { DataError } from "../../errors.js";

/**
 * A single-channel raster, row-major from the top-left pixel, as the image sinks take it. `data` is a plain typed
 * array so images cross worker threads by transfer.
 *
 * - GrayImage16: detector values, 12 bits stored in 16 (0..4095), as intra-oral sensors digitise them
 *   (12-16 bit; dental-domain.md 2.1) and as DICOM keeps them (BitsStored 12).
 * - GrayImage8: display values 0..255, what the public sets ship (8-bit greyscale PNG, e.g. DC1000).
 */
export interface GrayImage16 {
  width: number;
  height: number;
  data: Uint16Array;
}

export interface GrayImage8 {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Largest width or height a PNG can hold (the IHDR fields are 31-bit; PNG spec 11.2.2). */
const PNG_MAX_SIDE = 2 ** 31 - 1;

/**
 * Checks what every encoder relies on: positive whole sides and one sample per pixel. Throws a DataError naming
 * `what` and the first problem. Cost O(1).
 */
export function checkRaster(what: string, image: { width: number; height: number; data: ArrayLike<number> }): void {
  const { width, height } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > PNG_MAX_SIDE || height > PNG_MAX_SIDE) {
    throw new DataError(`${what}: invalid size ${width}x${height}`);
  }
  if (image.data.length !== width * height) {
    throw new DataError(`${what}: ${image.data.length} samples for ${width}x${height} pixels`);
  }
}

/** Throws a DataError when a sample exceeds `bits` bits, naming the first offending pixel. Cost O(pixels). */
export function checkBits(what: string, image: GrayImage16, bits: number): void {
  const max = 2 ** bits - 1;
  const data = image.data;
  for (let i = 0; i < data.length; i++) {
    const value = data[i] as number;
    if (value > max) {
      throw new DataError(`${what}: value ${value} at pixel (${i % image.width}, ${Math.floor(i / image.width)}) exceeds ${bits} bits`);
    }
  }
}
