/**
 * Chord rasteriser: for a closed, outward-oriented triangle mesh and a parallel-beam view, the length of the ray
 * through each pixel centre that lies inside the solid.
 *
 * Why it works for any closed mesh, convex or not: along a ray the solid is entered through faces that face the
 * source and left through faces that face away, alternately, so the inside length is
 *   Σ over back-facing crossings of depth − Σ over front-facing crossings of depth.
 * Each triangle is therefore rasterised once, adding +depth (back-facing) or −depth (front-facing) at the pixel
 * centres it covers; no sorting and no per-ray intersection tests.
 *
 * Why it is watertight: that sum is exact only if every ray crosses the surface the same number of times in and
 * out. A pixel centre lying on an edge shared by two triangles must be counted by exactly one of them, or the
 * image gets cracks (a lone −depth) and spikes (a double count). So, as in GPU rasterisers:
 * - projected vertices are snapped once per vertex to a fixed-point grid of 1/256 pixel, and all edge tests use
 *   exact integer arithmetic on the snapped coordinates (held in doubles, exact below 2^53);
 * - a point on an edge is inside by a fixed tie rule (include the edge if it runs upward, or rightward when
 *   horizontal). This equals moving every sample point by the same infinitesimal offset (ε, ε²), so each pixel
 *   centre is counted as a generic point, never on a boundary: inside as many front- as back-facing triangles.
 * Depth is interpolated on each triangle's plane through its snapped vertices, so two triangles agree along their
 * shared edge.
 *
 * Cost: O(V) to project + O(F) setup + O(pixels covered by the surface, counted with multiplicity). Measured
 * (Node 20, one core of a 2-core machine shared with other jobs, so an upper bound): 394k triangles as 32
 * tooth-sized meshes into 1024×768 in 70-105 ms; 399k triangles as one large mesh in 43-70 ms.
 */
import type { TriMesh } from "../../meshes/geometry/tri-mesh.js";
import type { Mat4 } from "../../meshes/arch/mat4.js";
import { scratchFloat32 } from "../scratch.js";
import { emptyTile, type ChordTile } from "./chord-tile.js";
import { projectionMaps, type ParallelView, type ProjectionMaps } from "./parallel-view.js";

/** A rectangle of pixels, bounds inclusive: columns x0..x1, rows y0..y1. */
export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Sub-pixel bits: 8, i.e. 1/256 pixel (as in Direct3D 11 / Vulkan rasterisers). */
const SUBPIXEL_BITS = 8;
const SUBPIXEL = 1 << SUBPIXEL_BITS;
const HALF = SUBPIXEL / 2;
/**
 * Largest |snapped coordinate| allowed: coordinates live in an Int32Array (so the bounding-box arithmetic is
 * integer shifts), and edge functions multiply two coordinate differences, which must stay below 2^53 to be
 * exact in doubles; 2^25 sub-pixel units (±131072 px) satisfies both with a wide margin.
 */
const MAX_FIXED = 2 ** 25;

/** Scratch buffers reused across calls (per vertex: snapped x, y and depth), grown on demand. */
let scratchX = new Int32Array(0);
let scratchY = new Int32Array(0);
let scratchZ = new Float64Array(0);
/** Float64 accumulator of the tile being drawn, grown on demand. */
let scratchTile = new Float64Array(0);
/** Snapped screen bounds of the last projected mesh: min x, min y, max x, max y. */
const bounds = new Float64Array(4);

function ensureScratch(vertices: number): void {
  if (scratchX.length >= vertices) return;
  const size = Math.max(vertices, 2 * scratchX.length);
  scratchX = new Int32Array(size);
  scratchY = new Int32Array(size);
  scratchZ = new Float64Array(size);
}

/**
 * Chord lengths (mm) of `mesh` for every pixel of `view` its projection covers, as a tile over its screen bounds
 * clipped to the image. `transform` (column-major, see mat4.ts) maps the mesh's coordinates to world; a
 * mirroring transform is handled (it flips every face's facing, which is corrected here).
 *
 * The mesh must be closed and outward-oriented (counter-clockwise seen from outside); on an open mesh the result
 * is meaningless.
 *
 * Options: see {@link RasteriseOptions}.
 */
export function rasteriseChords(mesh: TriMesh, view: ParallelView | ProjectionMaps, transform?: Mat4, options: RasteriseOptions = {}): ChordTile {
  const { clip, scratch, accumulate } = options;
  const maps = "ax" in view ? view : projectionMaps(view);
  const positions = mesh.positions;
  const indices = mesh.indices;
  const vertexCount = positions.length / 3;
  if (vertexCount === 0 || indices.length === 0) return emptyTile();
  ensureScratch(vertexCount);
  const sx = scratchX;
  const sy = scratchY;
  const sz = scratchZ;

  // Compose the model transform with the projection: x = (M·p − o)·ax, so x = p·(Mᵀax) + (t − o)·ax.
  const [ox, oy, oz] = maps.origin;
  const rows = [maps.ax, maps.ay, maps.az];
  const k = new Float64Array(12); // three rows of (cx, cy, cz, c0) for x·SUBPIXEL, y·SUBPIXEL, depth
  let mirrored = false;
  for (let r = 0; r < 3; r++) {
    const a = rows[r]!;
    const s = r < 2 ? SUBPIXEL : 1;
    if (transform) {
      const m = transform;
      for (let c = 0; c < 3; c++) k[4 * r + c] = s * (a[0] * m[4 * c]! + a[1] * m[4 * c + 1]! + a[2] * m[4 * c + 2]!);
      k[4 * r + 3] = s * (a[0] * (m[12]! - ox) + a[1] * (m[13]! - oy) + a[2] * (m[14]! - oz));
    } else {
      k[4 * r] = s * a[0];
      k[4 * r + 1] = s * a[1];
      k[4 * r + 2] = s * a[2];
      k[4 * r + 3] = -s * (a[0] * ox + a[1] * oy + a[2] * oz);
    }
  }
  if (transform) {
    const e = (row: number, col: number) => transform[4 * col + row]!;
    const det =
      e(0, 0) * (e(1, 1) * e(2, 2) - e(1, 2) * e(2, 1)) -
      e(0, 1) * (e(1, 0) * e(2, 2) - e(1, 2) * e(2, 0)) +
      e(0, 2) * (e(1, 0) * e(2, 1) - e(1, 1) * e(2, 0));
    mirrored = det < 0;
  }

  // Project and snap every vertex once, so triangles sharing a vertex share its snapped position exactly.
  projectVertices(positions, vertexCount, k, sx, sy, sz, bounds);
  const minX = bounds[0]!;
  const minY = bounds[1]!;
  const maxX = bounds[2]!;
  const maxY = bounds[3]!;

  // Tile: pixel centres (256·i + 128) inside the snapped bounds, clipped to the image.
  // For integers, (a + 255) >> 8 = ceil(a / 256) and a >> 8 = floor(a / 256), negative a included.
  const tx0 = Math.max(0, clip ? clip.x0 : 0, (minX - HALF + SUBPIXEL - 1) >> SUBPIXEL_BITS);
  const ty0 = Math.max(0, clip ? clip.y0 : 0, (minY - HALF + SUBPIXEL - 1) >> SUBPIXEL_BITS);
  const tx1 = Math.min(maps.width - 1, clip ? clip.x1 : Infinity, (maxX - HALF) >> SUBPIXEL_BITS);
  const ty1 = Math.min(maps.height - 1, clip ? clip.y1 : Infinity, (maxY - HALF) >> SUBPIXEL_BITS);
  if (tx1 < tx0 || ty1 < ty0) return emptyTile();
  const tileWidth = tx1 - tx0 + 1;
  const tileHeight = ty1 - ty0 + 1;
  // Accumulate in float64, so the many ±depth terms of a pixel do not each round to float32; store float32.
  const area = tileWidth * tileHeight;
  if (scratchTile.length < area) scratchTile = new Float64Array(Math.max(area, 2 * scratchTile.length));
  const sums = scratchTile.subarray(0, area);
  sums.fill(0);

  fillTriangles(indices, sx, sy, sz, mirrored, tx0, ty0, tx1, ty1, tileWidth, sums);
  const data = scratch ? scratchFloat32(scratch, area) : new Float32Array(area);
  if (accumulate) {
    const chords = accumulate.chords;
    storeAndAdd(sums, data, tx0, ty0, tileWidth, tileHeight, maps.width, accumulate.image, accumulate.weight, chords ?? accumulate.image, chords !== undefined);
  } else data.set(sums);
  return { x0: tx0, y0: ty0, width: tileWidth, height: tileHeight, data };
}

export interface RasteriseOptions {
  /**
   * Restricts the tile to a pixel rectangle: pixels outside it are neither drawn nor stored (a caller that needs
   * chords only there pays only for them). Inside it every chord is the same as without.
   */
  clip?: PixelRect;
  /** Names a buffer (scratch.ts) to hold the tile's data instead of a new array: for a tile used and dropped before the next call with that name. */
  scratch?: string;
  /**
   * While storing the tile, also adds weight × chord into `image` (row-major, the view's width; see
   * accumulateChords in chord-tile.ts), and the chord itself into `chords` when given: one pass instead of two.
   */
  accumulate?: { image: Float32Array; weight: number; chords?: Float32Array };
}

/** data = float32(sums); image += weight · data and (with `both`) chords += data, where data ≠ 0. */
function storeAndAdd(
  sums: Float64Array,
  data: Float32Array,
  x0: number,
  y0: number,
  tileWidth: number,
  tileHeight: number,
  imageWidth: number,
  image: Float32Array,
  weight: number,
  chords: Float32Array,
  both: boolean,
): void {
  const fround = Math.fround;
  for (let r = 0; r < tileHeight; r++) {
    const from = r * tileWidth;
    const row = (y0 + r) * imageWidth + x0;
    for (let c = 0; c < tileWidth; c++) {
      const chord = fround(sums[from + c]!);
      data[from + c] = chord;
      if (chord === 0) continue;
      const at = row + c;
      image[at] = image[at]! + weight * chord;
      if (both) chords[at] = chords[at]! + chord;
    }
  }
}

/**
 * Projects and snaps the vertices: x·256 and y·256 rounded into sx, sy; depth (relative to the mesh's mean
 * depth) into sz; the snapped bounds into `out`. Depths are stored relative to the mean because the constant
 * cancels (as many exits as entries on every ray) and the float32 tile then holds small numbers, keeping
 * precision when the mesh lies far from the image plane.
 */
function projectVertices(
  positions: Float32Array,
  vertexCount: number,
  k: Float64Array,
  sx: Int32Array,
  sy: Int32Array,
  sz: Float64Array,
  out: Float64Array,
): void {
  const k0 = k[0]!, k1 = k[1]!, k2 = k[2]!, k3 = k[3]!;
  const k4 = k[4]!, k5 = k[5]!, k6 = k[6]!, k7 = k[7]!;
  const k8 = k[8]!, k9 = k[9]!, k10 = k[10]!, k11 = k[11]!;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let depthSum = 0;
  for (let i = 0, p = 0; i < vertexCount; i++, p += 3) {
    const x = positions[p]!;
    const y = positions[p + 1]!;
    const z = positions[p + 2]!;
    const fx = Math.round(k0 * x + k1 * y + k2 * z + k3);
    const fy = Math.round(k4 * x + k5 * y + k6 * z + k7);
    const depth = k8 * x + k9 * y + k10 * z + k11;
    // Checked before the Int32Array would silently wrap it (NaN fails the test too).
    if (!(Math.abs(fx) < MAX_FIXED && Math.abs(fy) < MAX_FIXED)) {
      throw new RangeError(`mesh projects too far outside the image (beyond ${MAX_FIXED / SUBPIXEL} px) or has non-finite coordinates`);
    }
    sx[i] = fx;
    sy[i] = fy;
    sz[i] = depth;
    depthSum += depth;
    if (fx < minX) minX = fx;
    if (fx > maxX) maxX = fx;
    if (fy < minY) minY = fy;
    if (fy > maxY) maxY = fy;
  }
  const depthRef = depthSum / vertexCount;
  for (let i = 0; i < vertexCount; i++) sz[i]! -= depthRef;
  out[0] = minX;
  out[1] = minY;
  out[2] = maxX;
  out[3] = maxY;
}

/**
 * The per-triangle loop, kept apart from the object handling of rasteriseChords so the optimiser sees one
 * monomorphic, numbers-only function (mixing the two made V8 deoptimise it on every call).
 */
function fillTriangles(
  indices: Uint32Array,
  sx: Int32Array,
  sy: Int32Array,
  sz: Float64Array,
  mirrored: boolean,
  tx0: number,
  ty0: number,
  tx1: number,
  ty1: number,
  tileWidth: number,
  data: Float64Array,
): void {
  for (let t = 0; t < indices.length; t += 3) {
    const i0 = indices[t]!;
    let i1 = indices[t + 1]!;
    let i2 = indices[t + 2]!;
    const x0 = sx[i0]!;
    const y0 = sy[i0]!;
    let x1 = sx[i1]!;
    let y1 = sy[i1]!;
    let x2 = sx[i2]!;
    let y2 = sy[i2]!;

    // Pixel range whose centres fall within the triangle's bounding box, clipped to the tile. Most triangles of a
    // fine mesh cover no pixel centre at all, so this integer-only rejection comes first.
    let lo = x0;
    let hi = x0;
    if (x1 < lo) lo = x1;
    else if (x1 > hi) hi = x1;
    if (x2 < lo) lo = x2;
    else if (x2 > hi) hi = x2;
    const spanX = hi - lo;
    let bx0 = (lo - HALF + SUBPIXEL - 1) >> SUBPIXEL_BITS;
    let bx1 = (hi - HALF) >> SUBPIXEL_BITS;
    if (bx0 < tx0) bx0 = tx0;
    if (bx1 > tx1) bx1 = tx1;
    if (bx1 < bx0) continue;
    lo = y0;
    hi = y0;
    if (y1 < lo) lo = y1;
    else if (y1 > hi) hi = y1;
    if (y2 < lo) lo = y2;
    else if (y2 > hi) hi = y2;
    const spanY = hi - lo;
    let by0 = (lo - HALF + SUBPIXEL - 1) >> SUBPIXEL_BITS;
    let by1 = (hi - HALF) >> SUBPIXEL_BITS;
    if (by0 < ty0) by0 = ty0;
    if (by1 > ty1) by1 = ty1;
    if (by1 < by0) continue;

    let area = (x1 - x0) * (y2 - y0) - (y1 - y0) * (x2 - x0);
    // Degenerate in fixed point: covers no generic point (its neighbours' edges meet consistently without it).
    if (area === 0) continue;
    // In (x right, y down, d) — right-handed — a face whose outward normal points along the beam (an exit) has
    // positive screen area. A mirroring transform turns every face inside out, so its sign flips.
    let sign = area > 0 ? 1 : -1;
    if (area < 0) {
      // Reorder to positive area so one set of edge tests and tie rules serves both facings.
      const ti = i1;
      i1 = i2;
      i2 = ti;
      x1 = sx[i1]!;
      y1 = sy[i1]!;
      x2 = sx[i2]!;
      y2 = sy[i2]!;
      area = -area;
    }
    if (mirrored) sign = -sign;

    // Edge functions E_ab(p) = (bx − ax)(py − ay) − (by − ay)(px − ax), ≥ 0 inside a positive triangle. The tie
    // rule's −1 bias (on edges that do not run upward, or rightward when horizontal) turns ≥ 0 into > 0.
    const px = bx0 * SUBPIXEL + HALF;
    const py = by0 * SUBPIXEL + HALF;
    const a12x = x2 - x1;
    const a12y = y2 - y1;
    const a20x = x0 - x2;
    const a20y = y0 - y2;
    const a01x = x1 - x0;
    const a01y = y1 - y0;
    let w0Row = a12x * (py - y1) - a12y * (px - x1) + (a12y < 0 || (a12y === 0 && a12x > 0) ? 0 : -1);
    let w1Row = a20x * (py - y2) - a20y * (px - x2) + (a20y < 0 || (a20y === 0 && a20x > 0) ? 0 : -1);
    let w2Row = a01x * (py - y0) - a01y * (px - x0) + (a01y < 0 || (a01y === 0 && a01x > 0) ? 0 : -1);
    const w0dx = -a12y * SUBPIXEL;
    const w1dx = -a20y * SUBPIXEL;
    const w2dx = -a01y * SUBPIXEL;
    const w0dy = a12x * SUBPIXEL;
    const w1dy = a20x * SUBPIXEL;
    const w2dy = a01x * SUBPIXEL;

    // Depth on the plane through the snapped vertices: z = z0 + gx·(x − x0) + gy·(y − y0), signed by facing.
    const z0 = sz[i0]!;
    const dz1 = sz[i1]! - z0;
    const dz2 = sz[i2]! - z0;
    const gx = (dz1 * (y2 - y0) - dz2 * a01y) / area;
    const gy = (dz2 * a01x - dz1 * (x2 - x0)) / area;
    let zRow = sign * (z0 + gx * (px - x0) + gy * (py - y0));
    const zdx = sign * gx * SUBPIXEL;
    const zdy = sign * gy * SUBPIXEL;

    // A row crosses the (convex) triangle in one interval, so its covered pixels are contiguous and the scan
    // stops at the first miss after a hit; it also stops at a miss on an edge whose function does not grow along
    // x (it stays negative for the rest of the row). (Rows are not contiguous: a sliver can skip every pixel
    // centre of one row and cover some of the next.)
    // On wide triangles (over 8 px; below that the divisions cost more than the pixels they skip), jump close to
    // the first covered pixel of each row: each edge whose function grows along x is negative until n ≥ −w/dx. The float quotient is only an estimate, so start one pixel early; the exact integer
    // tests below still decide every pixel.
    const wide = bx1 - bx0 > 8;
    let rowStart = (by0 - ty0) * tileWidth - tx0;
    if (!wide && spanX < SMALL_SPAN && spanY < SMALL_SPAN) {
      // A small triangle (most of a fine mesh): every edge function over its box is below 2^30 in magnitude,
      // so the same integers run as int32, and one sign test of w0 | w1 | w2 checks all three edges.
      fillSmall(data, rowStart, bx0, bx1, by0, by1, tileWidth, w0Row | 0, w1Row | 0, w2Row | 0, w0dx | 0, w1dx | 0, w2dx | 0, w0dy | 0, w1dy | 0, w2dy | 0, zRow, zdx, zdy);
      continue;
    }
    for (let y = by0; y <= by1; y++) {
      let w0 = w0Row;
      let w1 = w1Row;
      let w2 = w2Row;
      let z = zRow;
      let xStart = bx0;
      if (wide) {
        let skip = 0;
        if (w0 < 0 && w0dx > 0) skip = Math.max(skip, Math.ceil(-w0 / w0dx) - 1);
        if (w1 < 0 && w1dx > 0) skip = Math.max(skip, Math.ceil(-w1 / w1dx) - 1);
        if (w2 < 0 && w2dx > 0) skip = Math.max(skip, Math.ceil(-w2 / w2dx) - 1);
        if (skip > 0) {
          xStart += skip;
          w0 += skip * w0dx;
          w1 += skip * w1dx;
          w2 += skip * w2dx;
          z += skip * zdx;
        }
      }
      let hit = false;
      for (let x = xStart; x <= bx1; x++) {
        if (w0 >= 0 && w1 >= 0 && w2 >= 0) {
          data[rowStart + x]! += z;
          hit = true;
        } else if (hit || (w0 < 0 && w0dx <= 0) || (w1 < 0 && w1dx <= 0) || (w2 < 0 && w2dx <= 0)) break;
        w0 += w0dx;
        w1 += w1dx;
        w2 += w2dx;
        z += zdx;
      }
      w0Row += w0dy;
      w1Row += w1dy;
      w2Row += w2dy;
      zRow += zdy;
      rowStart += tileWidth;
    }
  }
}

/**
 * Unclipped extent (sub-pixel units) below which a triangle is filled by fillSmall: 64 pixels. Every coordinate
 * difference over its box (pixel centres up to one pixel past it included) is then below 2^14 + 2^9, so each
 * edge function, a difference of two such products plus the tie bias, stays below 2^30: exact in int32.
 */
const SMALL_SPAN = 64 * SUBPIXEL;

/** The row scan of fillTriangles for a small triangle, in int32 edge functions (see SMALL_SPAN). */
function fillSmall(
  data: Float64Array,
  rowStart: number,
  bx0: number,
  bx1: number,
  by0: number,
  by1: number,
  tileWidth: number,
  w0Row: number,
  w1Row: number,
  w2Row: number,
  w0dx: number,
  w1dx: number,
  w2dx: number,
  w0dy: number,
  w1dy: number,
  w2dy: number,
  zRow: number,
  zdx: number,
  zdy: number,
): void {
  // Edges whose function does not grow along x: once negative, they stay negative for the rest of the row.
  const flat0 = w0dx <= 0;
  const flat1 = w1dx <= 0;
  const flat2 = w2dx <= 0;
  for (let y = by0; y <= by1; y++) {
    let w0 = w0Row;
    let w1 = w1Row;
    let w2 = w2Row;
    let z = zRow;
    let hit = false;
    for (let x = bx0; x <= bx1; x++) {
      if ((w0 | w1 | w2) >= 0) {
        data[rowStart + x]! += z;
        hit = true;
      } else if (hit || (w0 < 0 && flat0) || (w1 < 0 && flat1) || (w2 < 0 && flat2)) break;
      w0 = (w0 + w0dx) | 0;
      w1 = (w1 + w1dx) | 0;
      w2 = (w2 + w2dx) | 0;
      z += zdx;
    }
    w0Row = (w0Row + w0dy) | 0;
    w1Row = (w1Row + w1dy) | 0;
    w2Row = (w2Row + w2dy) | 0;
    zRow += zdy;
    rowStart += tileWidth;
  }
}
