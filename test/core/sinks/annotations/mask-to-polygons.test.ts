import { describe, expect, it } from "vitest";
import { maskToPolygons } from "../../../../core/sinks/annotations/mask-to-polygons.js";
import { shoelace } from "../../../../core/sinks/annotations/trace-mask.js";
import { disc, paint, rasterizePolygons, tileFromRows } from "./fixtures.js";

/** Every polygon vertex lies within the bbox [x, y, w, h]. */
function insideBbox(polygons: number[][], [x, y, w, h]: readonly number[]): boolean {
  return polygons.every((p) => p.every((v, k) => (k % 2 === 0 ? v >= x! && v <= x! + w! : v >= y! && v <= y! + h!)));
}

describe("maskToPolygons", () => {
  it("turns a disc into one polygon whose area matches the pixel count (exact at tolerance 0, within 1 % at 0.5 px)", () => {
    const tile = disc(40, 30, 12.5);
    const exact = maskToPolygons(tile, 0);
    expect(exact.polygons).toHaveLength(1);
    expect(shoelace(exact.polygons[0]!)).toBe(exact.area);
    expect(exact.area).toBe(489); // pixel centres within 12.5 px of (40, 30), counted independently below
    let count = 0;
    for (let y = 0; y < 60; y++) for (let x = 0; x < 80; x++) if ((x - 40) ** 2 + (y - 30) ** 2 <= 12.5 ** 2) count++;
    expect(count).toBe(489);
    const simplified = maskToPolygons(tile);
    expect(simplified.polygons[0]!.length).toBeLessThan(exact.polygons[0]!.length);
    expect(Math.abs(shoelace(simplified.polygons[0]!) - simplified.area) / simplified.area).toBeLessThan(0.01);
    expect(simplified.bbox).toEqual([28, 18, 25, 25]);
    expect(insideBbox(simplified.polygons, simplified.bbox!)).toBe(true);
  });

  it("rasterises back (even-odd at pixel centres) to exactly the mask at tolerance 0", () => {
    const tile = disc(20, 20, 9.3);
    expect(Array.from(rasterizePolygons(maskToPolygons(tile, 0).polygons, 40, 40))).toEqual(Array.from(paint(tile, 40, 40)));
  });

  it("writes an L shape as one 6-vertex polygon with its tight bbox", () => {
    const result = maskToPolygons(tileFromRows(5, 7, ["#...", "#...", "#...", "####"]));
    expect(result).toEqual({ polygons: [[5, 7, 6, 7, 6, 10, 9, 10, 9, 11, 5, 11]], holes: 0, area: 7, bbox: [5, 7, 4, 4] });
  });

  it("writes one polygon per connected component, with one bbox over all of them", () => {
    const tile = tileFromRows(0, 0, ["##....", "##....", "......", "....#.", "...###"]);
    const result = maskToPolygons(tile, 0);
    expect(result.polygons).toEqual([
      [0, 0, 2, 0, 2, 2, 0, 2],
      [4, 3, 5, 3, 5, 4, 6, 4, 6, 5, 3, 5, 3, 4, 4, 4],
    ]);
    expect(result.bbox).toEqual([0, 0, 6, 5]);
    expect(result.area).toBe(8);
    const simplified = maskToPolygons(tile);
    expect(simplified.polygons).toHaveLength(2);
    expect(insideBbox(simplified.polygons, simplified.bbox!)).toBe(true);
  });

  it("keeps a 1-pixel mask as a unit square (6+ coordinates, as pycocotools requires)", () => {
    expect(maskToPolygons(tileFromRows(3, 3, ["#"]))).toEqual({ polygons: [[3, 3, 4, 3, 4, 4, 3, 4]], holes: 0, area: 1, bbox: [3, 3, 1, 1] });
  });

  it("fills holes and counts them, keeping the pixel count as the area", () => {
    const ring = maskToPolygons(tileFromRows(0, 0, ["#####", "#...#", "#...#", "#####"]));
    expect(ring.polygons).toEqual([[0, 0, 5, 0, 5, 4, 0, 4]]);
    expect([ring.holes, ring.area]).toEqual([1, 14]);
  });

  it("returns nothing for an empty mask", () => {
    expect(maskToPolygons(tileFromRows(0, 0, ["..", ".."]))).toEqual({ polygons: [], holes: 0, area: 0, bbox: null });
  });
});
