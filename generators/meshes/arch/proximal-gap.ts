/**
 * Signed clearance between two point-sampled surfaces along a direction: how far `b` can move toward `a`
 * (along −dir) before they touch, negative when they overlap.
 *
 * Over a grid of 0.35 mm cells in the plane normal to `dir`, each surface's extreme along `dir` per cell (the
 * largest for `a`, the smallest for `b`); the clearance is the smallest difference over the cells both surfaces
 * reach. `a`'s extremes are spread to the cells within REACH cells (a max filter), so a point of `b` is compared
 * even where `a` is sampled more sparsely than the grid (a mesh of a low-resolution tooth has vertices ~0.8 mm
 * apart; without the spread, b's vertices fell between a's and a 1.3 mm overlap went unseen). Near a contact
 * both surfaces face each other, so the spread overstates `a` by about reach² / (2 · curvature radius), under
 * 0.1 mm. The grid is a flat typed array over b's footprint, so a call costs one pass over the points given:
 * callers pass only the points near the facing sides (a crown's proximal band).
 */
const CELL = 0.35;
const REACH = 2;

/**
 * @param a, b x, y, z triples
 * @param dir unit direction from a toward b
 * @param side a unit direction normal to `dir`; the grid's second axis is dir × side
 * @returns the clearance, mm, or null when the two footprints share no cell
 */
export function proximalGap(a: ArrayLike<number>, b: ArrayLike<number>, dir: readonly number[], side: readonly number[]): number | null {
  const d0 = dir[0] as number, d1 = dir[1] as number, d2 = dir[2] as number;
  const s0 = side[0] as number, s1 = side[1] as number, s2 = side[2] as number;
  const u0 = d1 * s2 - d2 * s1, u1 = d2 * s0 - d0 * s2, u2 = d0 * s1 - d1 * s0;
  // Footprint of b (the smaller set of cells that matter).
  let minI = Infinity, maxI = -Infinity, minJ = Infinity, maxJ = -Infinity;
  for (let k = 0; k < b.length; k += 3) {
    const x = b[k] as number, y = b[k + 1] as number, z = b[k + 2] as number;
    const i = Math.floor((x * s0 + y * s1 + z * s2) / CELL);
    const j = Math.floor((x * u0 + y * u1 + z * u2) / CELL);
    if (i < minI) minI = i;
    if (i > maxI) maxI = i;
    if (j < minJ) minJ = j;
    if (j > maxJ) maxJ = j;
  }
  if (!(maxI >= minI)) return null;
  minI -= REACH;
  maxI += REACH;
  minJ -= REACH;
  maxJ += REACH;
  const ni = maxI - minI + 1;
  const nj = maxJ - minJ + 1;
  const aMax = new Float64Array(ni * nj).fill(-Infinity);
  for (let k = 0; k < a.length; k += 3) {
    const x = a[k] as number, y = a[k + 1] as number, z = a[k + 2] as number;
    const i = Math.floor((x * s0 + y * s1 + z * s2) / CELL) - minI;
    const j = Math.floor((x * u0 + y * u1 + z * u2) / CELL) - minJ;
    if (i < 0 || i >= ni || j < 0 || j >= nj) continue;
    const along = x * d0 + y * d1 + z * d2;
    const cell = i * nj + j;
    if (along > (aMax[cell] as number)) aMax[cell] = along;
  }
  // Max filter over (2·REACH + 1)² cells, separably: along j, then along i.
  const rows = new Float64Array(ni * nj).fill(-Infinity);
  for (let i = 0; i < ni; i++) {
    for (let j = 0; j < nj; j++) {
      let m = -Infinity;
      for (let k = Math.max(0, j - REACH); k <= Math.min(nj - 1, j + REACH); k++) m = Math.max(m, aMax[i * nj + k] as number);
      rows[i * nj + j] = m;
    }
  }
  for (let i = 0; i < ni; i++) {
    for (let j = 0; j < nj; j++) {
      let m = -Infinity;
      for (let k = Math.max(0, i - REACH); k <= Math.min(ni - 1, i + REACH); k++) m = Math.max(m, rows[k * nj + j] as number);
      aMax[i * nj + j] = m;
    }
  }
  let gap: number | null = null;
  for (let k = 0; k < b.length; k += 3) {
    const x = b[k] as number, y = b[k + 1] as number, z = b[k + 2] as number;
    const i = Math.floor((x * s0 + y * s1 + z * s2) / CELL) - minI;
    const j = Math.floor((x * u0 + y * u1 + z * u2) / CELL) - minJ;
    const am = aMax[i * nj + j] as number;
    if (am === -Infinity) continue;
    const g = x * d0 + y * d1 + z * d2 - am;
    if (gap === null || g < gap) gap = g;
  }
  return gap;
}
