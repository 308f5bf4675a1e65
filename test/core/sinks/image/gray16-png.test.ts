import { describe, expect, it } from "vitest";
import { decode } from "fast-png";
import { encodeGray16Png } from "../../../../core/sinks/image/gray16-png.js";

/** A 7x5 ramp over the whole 12-bit range, corners 0 and 4095. */
function ramp(): { width: number; height: number; data: Uint16Array } {
  const width = 7;
  const height = 5;
  const data = new Uint16Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = Math.round((i / (data.length - 1)) * 4095);
  return { width, height, data };
}

/** Chunk types in file order. */
function chunkTypes(png: Uint8Array): string[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  for (let o = 8; o < png.length; o += 12 + view.getUint32(o)) types.push(new TextDecoder().decode(png.subarray(o + 4, o + 8)));
  return types;
}

describe("encodeGray16Png", () => {
  it("round-trips the 12-bit values unchanged through fast-png's decoder (depth 16, one channel)", () => {
    const image = ramp();
    const png = encodeGray16Png(image);
    const back = decode(png);
    expect([back.width, back.height, back.depth, back.channels]).toEqual([7, 5, 16, 1]);
    expect(Array.from(back.data)).toEqual(Array.from(image.data));
    expect(back.text).toEqual({ Software: "dentsynth", Comment: "synthetic image, no patient data" });
  });

  it("writes pHYs after IHDR when the pixel size is known (0.02 mm = 50,000 px/m), with valid CRCs", () => {
    const png = encodeGray16Png(ramp(), { pixelSizeMm: 0.02 });
    expect(chunkTypes(png).slice(0, 2)).toEqual(["IHDR", "pHYs"]);
    expect(decode(png, { checkCrc: true }).resolution).toEqual({ x: 50_000, y: 50_000, unit: 1 });
  });

  it("scales to full range by bit replication and writes sBIT = 12 when asked", () => {
    const png = encodeGray16Png(ramp(), { scale: "full-range" });
    expect(chunkTypes(png)).toContain("sBIT");
    const back = decode(png, { checkCrc: true }).data;
    expect([back[0], back[back.length - 1]]).toEqual([0, 65535]);
    // A reader honouring sBIT recovers the stored values with a right shift by 16 - 12.
    expect(Array.from(back, (v) => v >> 4)).toEqual(Array.from(ramp().data));
  });

  it("is deterministic and rejects values beyond 12 bits or a bad size", () => {
    expect(Buffer.from(encodeGray16Png(ramp())).equals(Buffer.from(encodeGray16Png(ramp())))).toBe(true);
    const bad = ramp();
    bad.data[8] = 4096;
    expect(() => encodeGray16Png(bad)).toThrow("gray16 PNG: value 4096 at pixel (1, 1) exceeds 12 bits");
    expect(() => encodeGray16Png({ width: 2, height: 2, data: new Uint16Array(3) })).toThrow("gray16 PNG: 3 samples for 2x2 pixels");
    expect(() => encodeGray16Png(ramp(), { pixelSizeMm: 0 })).toThrow("invalid pixelSizeMm 0");
  });
});
