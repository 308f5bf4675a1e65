import { DataError } from "../../errors.js";

/**
 * A binary mask stored as a tile: only the rectangle that can hold the object, so a lesion of 20x30 pixels on a
 * 1800x2400 radiograph costs 600 bytes, not 4 MB. Pixel (x0 + i, y0 + j) is inside when data[j * w + i] is
 * non-zero. Coordinates are image pixels, x right and y down; pixel (x, y) covers [x, x+1) x [y, y+1).
 */
export interface MaskTile {
  x0: number;
  y0: number;
  w: number;
  h: number;
  data: Uint8Array;
}

/** Tight box of the inside pixels in COCO form [x, y, width, height], pixel edges; null for an empty mask. */
export type Bbox = [number, number, number, number];

/** Throws a DataError naming `what` when the tile is malformed or leaves a width x height image. Cost O(1). */
export function checkTile(what: string, tile: MaskTile, imageWidth?: number, imageHeight?: number): void {
  const { x0, y0, w, h } = tile;
  if (![x0, y0, w, h].every(Number.isInteger) || x0 < 0 || y0 < 0 || w < 0 || h < 0) {
    throw new DataError(`${what}: invalid mask tile x0=${x0} y0=${y0} w=${w} h=${h}`);
  }
  if (tile.data.length !== w * h) throw new DataError(`${what}: mask tile has ${tile.data.length} bytes for ${w}x${h}`);
  if (imageWidth !== undefined && imageHeight !== undefined && (x0 + w > imageWidth || y0 + h > imageHeight)) {
    throw new DataError(`${what}: mask tile ${x0},${y0} ${w}x${h} leaves the ${imageWidth}x${imageHeight} image`);
  }
}

/** Number of inside pixels: the COCO `area` of a mask annotation. Cost O(w h). */
export function maskArea(tile: MaskTile): number {
  let n = 0;
  for (let i = 0; i < tile.data.length; i++) if (tile.data[i] !== 0) n++;
  return n;
}

/** Tight pixel bbox [x, y, width, height] of the inside pixels, or null when there are none. Cost O(w h). */
export function maskBbox(tile: MaskTile): Bbox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -1;
  let maxY = -1;
  for (let j = 0; j < tile.h; j++) {
    for (let i = 0; i < tile.w; i++) {
      if (tile.data[j * tile.w + i] === 0) continue;
      if (i < minX) minX = i;
      if (i > maxX) maxX = i;
      if (j < minY) minY = j;
      if (j > maxY) maxY = j;
    }
  }
  return maxX < 0 ? null : [tile.x0 + minX, tile.y0 + minY, maxX - minX + 1, maxY - minY + 1];
}

/**
 * A tile from a predicate over image pixels inside a box, e.g. a disc:
 * `maskFromPredicate(10, 10, 21, 21, (x, y) => (x - 20) ** 2 + (y - 20) ** 2 <= 100)`. x and y are the pixel's
 * integer coordinates. Cost O(w h).
 */
export function maskFromPredicate(x0: number, y0: number, w: number, h: number, inside: (x: number, y: number) => boolean): MaskTile {
  const data = new Uint8Array(w * h);
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) data[j * w + i] = inside(x0 + i, y0 + j) ? 1 : 0;
  return { x0, y0, w, h, data };
}
