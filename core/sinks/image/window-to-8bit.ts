import { DataError } from "../../errors.js";
import { checkRaster, type GrayImage16, type GrayImage8 } from "./gray-image.js";

export interface WindowOptions {
  /** Window centre in stored values; default 2^(bitsStored - 1) (2048 for 12 bits). */
  center?: number;
  /** Window width in stored values, at least 1; default 2^bitsStored (4096), the whole range. */
  width?: number;
  /** Significant bits of the input (default 12), for the default window. */
  bitsStored?: number;
}

/**
 * Maps a 12-bit image to 8 bits with the DICOM linear VOI LUT function (PS3.3 C.11.2.1.2.1): with c the centre and
 * w the width, x <= c - 0.5 - (w-1)/2 gives 0, x > c - 0.5 + (w-1)/2 gives 255, otherwise
 * ((x - (c - 0.5)) / (w - 1) + 0.5) * 255, rounded half up. So the 8-bit PNG shows what a DICOM viewer shows with
 * the same WindowCenter/WindowWidth. The default window is the whole range, i.e. round(x * 255 / 4095).
 * Pure. Cost O(pixels).
 *
 * @example windowTo8Bit(image, { center: 2048, width: 2048 })
 */
export function windowTo8Bit(image: GrayImage16, options: WindowOptions = {}): GrayImage8 {
  checkRaster("window", image);
  const bitsStored = options.bitsStored ?? 12;
  if (!Number.isInteger(bitsStored) || bitsStored < 1 || bitsStored > 16) throw new DataError(`window: invalid bitsStored ${bitsStored}`);
  const center = options.center ?? 2 ** (bitsStored - 1);
  const width = options.width ?? 2 ** bitsStored;
  if (!Number.isFinite(center) || !Number.isFinite(width) || width < 1) throw new DataError(`window: invalid center ${center} or width ${width}`);
  const low = center - 0.5 - (width - 1) / 2;
  const high = center - 0.5 + (width - 1) / 2;
  // One entry per possible stored value: one evaluation per value instead of per pixel, identical rounding everywhere.
  const lut = new Uint8Array(2 ** bitsStored);
  for (let x = 0; x < lut.length; x++) {
    if (x <= low) lut[x] = 0;
    else if (x > high) lut[x] = 255;
    else lut[x] = Math.min(255, Math.max(0, Math.floor(((x - (center - 0.5)) / (width - 1) + 0.5) * 255 + 0.5)));
  }
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = lut[image.data[i] as number] ?? 255; // values beyond bitsStored clip to white
  return { width: image.width, height: image.height, data };
}
