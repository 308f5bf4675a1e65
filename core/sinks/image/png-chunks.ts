/**
 * Ancillary PNG chunks that fast-png does not write (pHYs, sBIT), spliced in after IHDR. fast-png writes the
 * signature, then IHDR, so IHDR always ends at byte 8 + 25 = 33 (PNG spec 5.2 and 11.2.2: 4 length + 4 type +
 * 13 data + 4 CRC). Ancillary chunks placed between IHDR and IDAT are valid for both pHYs and sBIT (spec 5.6).
 */

const SIGNATURE_AND_IHDR = 8 + 4 + 4 + 13 + 4;

/** CRC-32 as PNG computes it (ISO 3309 polynomial, spec annex D); a table so the cost is O(bytes). */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One chunk: length, 4-letter type, data, CRC over type + data. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * pHYs: pixels per metre on both axes (unit 1 = metre), so viewers and DICOM converters know the physical pixel
 * size. PNG stores whole pixels per metre: 0.02 mm becomes 50,000 exactly; other sizes are rounded.
 */
export function physChunk(pixelSizeMm: number): Uint8Array {
  const perMetre = Math.round(1000 / pixelSizeMm);
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  view.setUint32(0, perMetre);
  view.setUint32(4, perMetre);
  data[8] = 1;
  return pngChunk("pHYs", data);
}

/** sBIT for a greyscale image: the number of significant bits of the original samples (spec 11.3.3.4). */
export function sbitChunk(bits: number): Uint8Array {
  return pngChunk("sBIT", Uint8Array.of(bits));
}

/** The PNG with `chunks` inserted right after IHDR. */
export function insertAfterIhdr(png: Uint8Array, chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 0) return png;
  const extra = chunks.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(png.length + extra);
  out.set(png.subarray(0, SIGNATURE_AND_IHDR), 0);
  let o = SIGNATURE_AND_IHDR;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  out.set(png.subarray(SIGNATURE_AND_IHDR), o);
  return out;
}
