import { describe, expect, it } from "vitest";
import { decode } from "fast-png";
import { encodeClassMaskPng } from "../../../../core/sinks/image/class-mask-png.js";

describe("encodeClassMaskPng", () => {
  it("stores class ids as they are in an 8-bit greyscale PNG, deterministically", () => {
    const data = Uint8Array.of(0, 0, 1, 1, 33, 38, 0, 41, 255);
    const png = encodeClassMaskPng({ width: 3, height: 3, data });
    const back = decode(png);
    expect([back.depth, back.channels]).toEqual([8, 1]);
    expect(Array.from(back.data)).toEqual(Array.from(data));
    expect(Buffer.from(png).equals(Buffer.from(encodeClassMaskPng({ width: 3, height: 3, data: data.slice() })))).toBe(true);
  });
});
