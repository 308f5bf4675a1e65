/**
 * A sparse piece of a chord image: the chord lengths (mm) of one closed volume over the pixels of its screen
 * bounds. Volumes cover a few percent of an image each, so a tile per volume keeps memory and accumulation
 * proportional to the volume's footprint.
 */
export interface ChordTile {
  /** Image column of the tile's first column. */
  x0: number;
  /** Image row of the tile's first row. */
  y0: number;
  width: number;
  height: number;
  /** Row-major chord lengths, mm; width × height values (empty when the volume misses the image). */
  data: Float32Array;
}

/** The tile of a volume that misses the image. */
export function emptyTile(): ChordTile {
  return { x0: 0, y0: 0, width: 0, height: 0, data: new Float32Array(0) };
}

/**
 * Adds weight × chord into a full image (row-major, `imageWidth` columns): with weight = Δμ of the volume
 * (attenuation.ts), summing every volume's tile gives the line-integral image L = Σ Δμ·chord. Cost O(tile area).
 */
export function accumulateChords(image: Float32Array, imageWidth: number, tile: ChordTile, weight: number): void {
  if (tile.width === 0 || tile.height === 0 || weight === 0) return;
  const imageHeight = image.length / imageWidth;
  if (tile.x0 < 0 || tile.y0 < 0 || tile.x0 + tile.width > imageWidth || tile.y0 + tile.height > imageHeight) {
    throw new RangeError(`tile ${tile.width}x${tile.height} at (${tile.x0}, ${tile.y0}) lies outside the ${imageWidth}x${imageHeight} image`);
  }
  const data = tile.data;
  for (let row = 0; row < tile.height; row++) {
    const from = row * tile.width;
    const to = (tile.y0 + row) * imageWidth + tile.x0;
    for (let col = 0; col < tile.width; col++) image[to + col]! += weight * data[from + col]!;
  }
}
