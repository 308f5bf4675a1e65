import type { MaskTile } from "./mask-tile.js";

/** COCO uncompressed run-length encoding: `size` [height, width], `counts` alternating outside/inside run lengths. */
export interface CocoRle {
  size: [number, number];
  counts: number[];
}

/**
 * A tile as COCO uncompressed RLE over the whole image, the exact form of a mask with holes. COCO runs go down the
 * columns (column-major, Fortran order) and start with an outside run, possibly 0 (pycocotools maskApi.c
 * rleEncode; read it with pycocotools.mask.frPyObjects). Only the tile's columns are scanned; runs outside them
 * are merged arithmetically. Cost O(w h) of the tile, O(runs) memory.
 */
export function maskToRle(tile: MaskTile, imageWidth: number, imageHeight: number): CocoRle {
  const counts: number[] = [];
  let position = 0; // column-major index where the current run started
  let inside = false;
  let next = 0; // column-major index just after the last scanned pixel
  const flip = (at: number): void => {
    counts.push(at - position);
    position = at;
    inside = !inside;
  };
  for (let i = 0; i < tile.w; i++) {
    const column = (tile.x0 + i) * imageHeight;
    for (let j = 0; j < tile.h; j++) {
      const at = column + tile.y0 + j;
      // Pixels skipped between tile columns are outside: an inside run ends where the gap starts.
      if (inside && at !== next) flip(next);
      if ((tile.data[j * tile.w + i] !== 0) !== inside) flip(at);
      next = at + 1;
    }
  }
  if (inside) flip(next);
  counts.push(imageWidth * imageHeight - position);
  return { size: [imageHeight, imageWidth], counts };
}
