import type { MaskTile } from "./mask-tile.js";

/** One closed boundary of a mask, on pixel corners, without repeated or collinear vertices. */
export interface BoundaryLoop {
  /** Vertices as image coordinates [x1, y1, x2, y2, ...]; integers (pixel corners). The loop closes implicitly. */
  points: number[];
  /** Signed shoelace area in pixels: positive for an outer boundary, negative for a hole. */
  area: number;
}

// Directions of the corner grid, as bits so a vertex stores its outgoing edges in one byte.
const RIGHT = 1;
const DOWN = 2;
const LEFT = 4;
const UP = 8;
const DX: Record<number, number> = { [RIGHT]: 1, [DOWN]: 0, [LEFT]: -1, [UP]: 0 };
const DY: Record<number, number> = { [RIGHT]: 0, [DOWN]: 1, [LEFT]: 0, [UP]: -1 };

/**
 * Traces every boundary of a binary mask along pixel edges ("crack following"): each edge between an inside and
 * an outside pixel becomes a unit segment between two pixel corners, oriented clockwise on screen (x right,
 * y down) around the inside, and the segments are chained into closed loops. Why pixel edges rather than marching
 * squares at 0.5 through pixel centres: the traced polygon covers exactly the inside pixels, so its area equals
 * the pixel count and it stays inside the tight pixel bbox.
 *
 * Connectivity: inside pixels touching only at a corner belong to one object (8-connectivity, as OpenCV's
 * findContours and skimage's label default); where two such pixels meet, the loop passes through the shared
 * corner twice. Holes are therefore 4-connected outside regions. Outer loops have positive area, holes negative
 * (`area`), so a caller can drop or keep holes without a separate labelling pass.
 *
 * Loops come in raster order of their first (top-left) vertex, which starts the loop: deterministic.
 * Cost O(w h) time and memory.
 */
export function traceMask(tile: MaskTile): BoundaryLoop[] {
  const { w, h, data } = tile;
  const stride = w + 1;
  const inside = (i: number, j: number): boolean => i >= 0 && j >= 0 && i < w && j < h && data[j * w + i] !== 0;
  // Outgoing boundary edges per corner vertex (i, j), 0 <= i <= w, 0 <= j <= h.
  const edges = new Uint8Array(stride * (h + 1));
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      if (data[j * w + i] === 0) continue;
      if (!inside(i, j - 1)) edges[j * stride + i]! |= RIGHT; // top side, left to right
      if (!inside(i + 1, j)) edges[j * stride + i + 1]! |= DOWN; // right side, top to bottom
      if (!inside(i, j + 1)) edges[(j + 1) * stride + i + 1]! |= LEFT; // bottom side, right to left
      if (!inside(i - 1, j)) edges[(j + 1) * stride + i]! |= UP; // left side, bottom to top
    }
  }
  const remaining = edges.slice();
  const loops: BoundaryLoop[] = [];
  for (let start = 0; start < remaining.length; start++) {
    while (remaining[start] !== 0) {
      const startDir = lowestBit(remaining[start] as number);
      const vertices: number[] = [];
      const directions: number[] = [];
      let vertex = start;
      let dir = startDir;
      do {
        remaining[vertex]! &= ~dir;
        vertices.push(vertex);
        directions.push(dir);
        vertex += DX[dir]! + DY[dir]! * stride;
        dir = nextDirection(edges[vertex] as number, dir);
      } while (vertex !== start || dir !== startDir);
      loops.push(toLoop(vertices, directions, stride, tile.x0, tile.y0));
    }
  }
  return loops;
}

function lowestBit(bits: number): number {
  return bits & -bits;
}

/**
 * The edge to leave a vertex by, arriving along `dir`. Most vertices have one outgoing edge. A saddle (two inside
 * pixels touching at a corner) has two; taking the one that turns so that cross(in, out) = -1 keeps the diagonal
 * pixels in one loop (8-connectivity), the other choice would split them (4-connectivity).
 */
function nextDirection(bits: number, dir: number): number {
  if ((bits & (bits - 1)) === 0) return bits;
  for (const out of [RIGHT, DOWN, LEFT, UP]) {
    if ((bits & out) !== 0 && DX[dir]! * DY[out]! - DY[dir]! * DX[out]! === -1) return out;
  }
  /* c8 ignore next */
  throw new Error("traceMask: inconsistent saddle"); // unreachable: a saddle has one edge on each side of the turn
}

/** Keeps the vertices where the direction changes, in image coordinates, and the signed area. */
function toLoop(vertices: number[], directions: number[], stride: number, x0: number, y0: number): BoundaryLoop {
  const points: number[] = [];
  const n = vertices.length;
  for (let k = 0; k < n; k++) {
    if (directions[k] === directions[(k + n - 1) % n]) continue;
    const v = vertices[k] as number;
    points.push(x0 + (v % stride), y0 + Math.floor(v / stride));
  }
  return { points, area: shoelace(points) };
}

/** Signed polygon area (shoelace formula) of flat [x1, y1, ...] points; positive when clockwise on screen. */
export function shoelace(points: readonly number[]): number {
  let twice = 0;
  const n = points.length / 2;
  for (let k = 0; k < n; k++) {
    const m = (k + 1) % n;
    twice += (points[2 * k] as number) * (points[2 * m + 1] as number) - (points[2 * m] as number) * (points[2 * k + 1] as number);
  }
  return twice / 2;
}
