import { describe, expect, it } from "vitest";
import { maskToRle } from "../../../../core/sinks/annotations/mask-to-rle.js";
import { paint, tileFromRows } from "./fixtures.js";

/** Decodes COCO uncompressed RLE (column-major, outside run first) to a row-major 0/1 image. */
function decodeRle({ size: [h, w], counts }: { size: [number, number]; counts: number[] }): Uint8Array {
  const columnMajor = new Uint8Array(w * h);
  let p = 0;
  counts.forEach((n, k) => {
    if (k % 2 === 1) columnMajor.fill(1, p, p + n);
    p += n;
  });
  expect(p).toBe(w * h);
  const out = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) for (let y = 0; y < h; y++) out[y * w + x] = columnMajor[x * h + y]!;
  return out;
}

describe("maskToRle", () => {
  it("encodes a ring column by column, starting with the outside run", () => {
    const tile = tileFromRows(1, 1, ["###", "#.#", "###"]);
    const rle = maskToRle(tile, 5, 4);
    expect(rle.size).toEqual([4, 5]);
    expect(rle.counts).toEqual([5, 3, 1, 1, 1, 1, 1, 3, 4]);
    expect(Array.from(decodeRle(rle))).toEqual(Array.from(paint(tile, 5, 4)));
  });

  it("continues a run across columns when the tile spans the full height, and handles an empty mask", () => {
    const tile = tileFromRows(1, 0, ["##", "##"]);
    expect(maskToRle(tile, 4, 2).counts).toEqual([2, 4, 2]);
    expect(maskToRle(tileFromRows(0, 0, [".."]), 3, 2).counts).toEqual([6]);
    const odd = tileFromRows(2, 1, ["#.#", ".#.", "#.#"]);
    expect(Array.from(decodeRle(maskToRle(odd, 6, 5)))).toEqual(Array.from(paint(odd, 6, 5)));
  });
});
