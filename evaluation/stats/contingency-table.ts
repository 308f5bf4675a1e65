/**
 * Joint counts of two discrete code columns (codes from {@link sharedDiscreteCodes} or {@link binCodes}).
 * Missing codes (−1) become a level of their own, the last one, because SDMetrics' ContingencySimilarity
 * treats NaN as a cell: a generator that puts missing values in the wrong places should be seen.
 *
 * @param weights optional multiplicity per row (bootstrap)
 * @returns counts laid out row-major as (levelsA + 1) × (levelsB + 1)
 */
export function contingencyTable(
  a: Int32Array,
  b: Int32Array,
  levelsA: number,
  levelsB: number,
  weights?: Float64Array,
): Float64Array {
  const width = levelsB + 1;
  const counts = new Float64Array((levelsA + 1) * width);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a[i] as number;
    const cb = b[i] as number;
    const cell = (ca < 0 ? levelsA : ca) * width + (cb < 0 ? levelsB : cb);
    counts[cell]! += weights ? (weights[i] as number) : 1;
  }
  return counts;
}

/**
 * Cramér's V of a contingency table (no bias correction): √(χ² / (n · (min(r, c) − 1))), over the rows and
 * columns that have any count. 0 = independent, 1 = one variable determines the other. SDMetrics uses it
 * (threshold 0.3) to decide which discrete pairs carry a real association worth scoring.
 * Source: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.contingency.association.html
 *
 * @returns NaN when fewer than two non-empty rows or columns
 */
export function cramersV(counts: Float64Array, rows: number, cols: number): number {
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(cols);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const c = counts[i * cols + j] as number;
      rowSums[i]! += c;
      colSums[j]! += c;
      total += c;
    }
  }
  let r = 0;
  let k = 0;
  for (let i = 0; i < rows; i++) if ((rowSums[i] as number) > 0) r++;
  for (let j = 0; j < cols; j++) if ((colSums[j] as number) > 0) k++;
  if (r < 2 || k < 2 || total === 0) return Number.NaN;
  let chi2 = 0;
  for (let i = 0; i < rows; i++) {
    const ri = rowSums[i] as number;
    if (ri === 0) continue;
    for (let j = 0; j < cols; j++) {
      const cj = colSums[j] as number;
      if (cj === 0) continue;
      const expected = (ri * cj) / total;
      const diff = (counts[i * cols + j] as number) - expected;
      chi2 += (diff * diff) / expected;
    }
  }
  return Math.sqrt(chi2 / (total * (Math.min(r, k) - 1)));
}
