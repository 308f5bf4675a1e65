/**
 * Equal-width bin edges over the finite values' range, like `numpy.histogram_bin_edges(x, bins)`: `bins + 1`
 * edges from min to max; a constant column gets the range [v − 0.5, v + 0.5] as numpy does.
 *
 * @returns an empty array when there is no finite value
 * Source: https://numpy.org/doc/stable/reference/generated/numpy.histogram_bin_edges.html
 */
export function histogramBinEdges(values: Float64Array, bins = 10): Float64Array {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return new Float64Array(0);
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  const edges = new Float64Array(bins + 1);
  for (let k = 0; k <= bins; k++) edges[k] = min + ((max - min) * k) / bins;
  edges[bins] = max;
  return edges;
}

/**
 * Bin codes on fixed edges whose outer edges are replaced by −∞ and +∞, as SDMetrics' `discretize_column`
 * does: values of another table that fall outside the real range land in the first or last bin instead of
 * being dropped. Code k (0-based) means inner edges ≤ value number k; NaN gets −1.
 *
 * Why real edges for both tables: binning each table on its own range (what SDMetrics' report does) makes a
 * synthetic column with a shifted range look identical after binning.
 */
export function binCodes(values: Float64Array, edges: Float64Array): Int32Array {
  const out = new Int32Array(values.length);
  // Inner edges only: edges[1] .. edges[len − 2].
  const inner = edges.subarray(1, Math.max(1, edges.length - 1));
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) {
      out[i] = -1;
      continue;
    }
    // Binary search: number of inner edges ≤ v (np.digitize with right=False).
    let lo = 0;
    let hi = inner.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((inner[mid] as number) <= v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  return out;
}
