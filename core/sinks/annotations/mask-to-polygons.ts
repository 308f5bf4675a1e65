import { maskArea, maskBbox, type Bbox, type MaskTile } from "./mask-tile.js";
import { simplifyClosedPolygon } from "./simplify-polygon.js";
import { traceMask } from "./trace-mask.js";

/** Default simplification tolerance in pixels: the largest that keeps every single pixel as a 4-corner polygon. */
export const DEFAULT_POLYGON_TOLERANCE = 0.5;

export interface MaskPolygons {
  /** One COCO polygon [x1, y1, x2, y2, ...] per connected component (8-connected), pixel-corner coordinates. */
  polygons: number[][];
  /** Holes found (and filled, see maskToPolygons). */
  holes: number;
  /** Inside pixel count, the COCO `area`. */
  area: number;
  /** Tight pixel bbox [x, y, w, h]; null for an empty mask (then `polygons` is empty). */
  bbox: Bbox | null;
}

/**
 * A mask as COCO polygons: each connected component's outer boundary traced along pixel edges (traceMask), then
 * simplified with Ramer-Douglas-Peucker at `tolerance` px (default 0.5; 0 keeps every corner, whose polygon area
 * equals the pixel count exactly). Vertices stay on pixel corners, so every polygon lies inside `bbox`, COCO's
 * [x, y, width, height] of the inside pixels, with the image spanning [0, W] x [0, H].
 *
 * Holes: a COCO polygon list is a union of filled rings, with no way to subtract one, so holes are filled and only
 * counted (`holes`). `area` remains the pixel count, not the filled polygon area. Use maskToRle for an exact mask
 * when `holes > 0` (buildCocoDataset does with `holes: "rle"`).
 *
 * Deterministic: components in raster order of their top-left corner, each starting there and running clockwise
 * on screen. Cost O(w h).
 *
 * @example maskToPolygons(maskFromPredicate(0, 0, 3, 3, () => true)).polygons // [[0, 0, 3, 0, 3, 3, 0, 3]]
 */
export function maskToPolygons(tile: MaskTile, tolerance: number = DEFAULT_POLYGON_TOLERANCE): MaskPolygons {
  const polygons: number[][] = [];
  let holes = 0;
  for (const loop of traceMask(tile)) {
    if (loop.area < 0) holes++;
    else polygons.push(simplifyClosedPolygon(loop.points, tolerance));
  }
  return { polygons, holes, area: maskArea(tile), bbox: maskBbox(tile) };
}
