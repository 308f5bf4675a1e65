import { describe, expect, it } from "vitest";
import { decode } from "fast-png";
import { encodeInstanceMaskPng } from "../../../../core/sinks/image/instance-mask-png.js";

describe("encodeInstanceMaskPng", () => {
  it("stores instance ids above 255 unchanged in a 16-bit greyscale PNG", () => {
    const data = Uint16Array.of(0, 1, 2, 300, 65535, 0);
    const back = decode(encodeInstanceMaskPng({ width: 3, height: 2, data }, { pixelSizeMm: 0.02 }));
    expect([back.depth, back.channels]).toEqual([16, 1]);
    expect(Array.from(back.data)).toEqual(Array.from(data));
    expect(back.text.Description).toBe("instance mask, 0 = background");
  });
});
