/**
 * Pearson's correlation coefficient of x and y over the rows where both are present (NaN rows dropped, as
 * SDMetrics' CorrelationSimilarity does). Two-pass: means first, then centred sums, which keeps precision
 * for values with a large common offset (e.g. epoch-millisecond dates).
 *
 * @returns NaN when fewer than two complete rows remain or either column is constant
 * Source: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.pearsonr.html
 * @example
 * pearson(Float64Array.of(1, 2, 3, 4), Float64Array.of(2, 4, 5, 9)) // 0.9621...
 */
export function pearson(x: Float64Array, y: Float64Array): number {
  const n = Math.min(x.length, y.length);
  let count = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (a !== a || b !== b) continue; // NaN check without a call
    count++;
    sx += a;
    sy += b;
  }
  if (count < 2) return Number.NaN;
  const mx = sx / count;
  const my = sy / count;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (a !== a || b !== b) continue;
    const dx = a - mx;
    const dy = b - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  const r = sxy / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}
