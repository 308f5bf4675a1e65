import { describe, expect, it } from "vitest";
import { decode } from "fast-png";
import { encodeGray8Png } from "../../../../core/sinks/image/gray8-png.js";

describe("encodeGray8Png", () => {
  it("round-trips 8-bit values, with pHYs and the synthetic-data note", () => {
    const data = Uint8Array.from({ length: 12 }, (_, i) => i * 23);
    const png = encodeGray8Png({ width: 4, height: 3, data }, { pixelSizeMm: 0.025, text: { Source: "test" } });
    const back = decode(png, { checkCrc: true });
    expect([back.width, back.height, back.depth, back.channels]).toEqual([4, 3, 8, 1]);
    expect(Array.from(back.data)).toEqual(Array.from(data));
    expect(back.resolution).toEqual({ x: 40_000, y: 40_000, unit: 1 });
    expect(back.text.Source).toBe("test");
    expect(back.text.Comment).toMatch(/synthetic/);
  });
});
