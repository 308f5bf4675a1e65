import { describe, expect, it } from "vitest";
import { checkTile, maskArea, maskBbox, maskFromPredicate } from "../../../../core/sinks/annotations/mask-tile.js";
import { tileFromRows } from "./fixtures.js";

describe("mask tiles", () => {
  it("count inside pixels and give the tight pixel bbox in image coordinates", () => {
    const tile = tileFromRows(10, 20, ["....", ".##.", "..#.", "...."]);
    expect(maskArea(tile)).toBe(3);
    expect(maskBbox(tile)).toEqual([11, 21, 2, 2]);
    expect(maskBbox(tileFromRows(0, 0, ["..", ".."]))).toBeNull();
  });

  it("build from a predicate over image pixels", () => {
    const tile = maskFromPredicate(5, 5, 3, 2, (x, y) => x === 6 || y === 6);
    expect(Array.from(tile.data)).toEqual([0, 1, 0, 1, 1, 1]);
  });

  it("reject a malformed tile or one that leaves the image", () => {
    expect(() => checkTile("t", { x0: 0, y0: 0, w: 2, h: 2, data: new Uint8Array(3) })).toThrow("t: mask tile has 3 bytes for 2x2");
    expect(() => checkTile("t", { x0: -1, y0: 0, w: 0, h: 0, data: new Uint8Array(0) })).toThrow("invalid mask tile");
    expect(() => checkTile("t", tileFromRows(9, 0, ["##"]), 10, 10)).toThrow("t: mask tile 9,0 2x1 leaves the 10x10 image");
  });
});
