import { describe, expect, it } from "vitest";
import { shoelace, traceMask } from "../../../../core/sinks/annotations/trace-mask.js";
import { tileFromRows } from "./fixtures.js";

describe("traceMask", () => {
  it("traces a single pixel as its four corners, clockwise on screen, area 1", () => {
    expect(traceMask(tileFromRows(3, 4, ["#"]))).toEqual([{ points: [3, 4, 4, 4, 4, 5, 3, 5], area: 1 }]);
  });

  it("keeps only corners: an L shape has six vertices and area = pixel count", () => {
    const [loop, ...rest] = traceMask(tileFromRows(0, 0, ["#..", "#..", "###"]));
    expect(rest).toEqual([]);
    expect(loop).toEqual({ points: [0, 0, 1, 0, 1, 2, 3, 2, 3, 3, 0, 3], area: 5 });
  });

  it("joins pixels that touch at a corner (8-connectivity), passing the shared corner twice", () => {
    const loops = traceMask(tileFromRows(0, 0, ["#.", ".#"]));
    expect(loops).toHaveLength(1);
    expect(loops[0]!.area).toBe(2);
    expect(loops[0]!.points).toEqual([0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 1, 2, 1, 1, 0, 1]);
    // The other diagonal too.
    expect(traceMask(tileFromRows(0, 0, [".#", "#."])).map((l) => l.area)).toEqual([2]);
  });

  it("gives holes negative area and separate components their own loops, in raster order", () => {
    const ring = traceMask(tileFromRows(0, 0, ["###", "#.#", "###"]));
    expect(ring.map((l) => l.area)).toEqual([9, -1]);
    const two = traceMask(tileFromRows(0, 0, ["##..", "....", "..##"]));
    expect(two.map((l) => [l.points[0], l.points[1], l.area])).toEqual([
      [0, 0, 2],
      [2, 2, 2],
    ]);
  });

  it("computes the shoelace area of flat points", () => {
    expect(shoelace([0, 0, 2, 0, 2, 3, 0, 3])).toBe(6);
    expect(shoelace([0, 0, 0, 3, 2, 3, 2, 0])).toBe(-6);
  });
});
