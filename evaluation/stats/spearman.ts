import { averageRanks } from "./rank.js";
import { pearson } from "./pearson.js";

/**
 * Spearman's rank correlation: Pearson's correlation of the average ranks, over rows where both values are
 * present (ranks are computed after dropping incomplete rows, as scipy.stats.spearmanr does with
 * nan_policy="omit" on a pair).
 *
 * @returns NaN when fewer than two complete rows remain or either column is constant
 * Source: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.spearmanr.html
 */
export function spearman(x: Float64Array, y: Float64Array): number {
  const n = Math.min(x.length, y.length);
  let count = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i] as number) && !Number.isNaN(y[i] as number)) count++;
  const cx = new Float64Array(count);
  const cy = new Float64Array(count);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    cx[w] = a;
    cy[w] = b;
    w++;
  }
  return pearson(averageRanks(cx), averageRanks(cy));
}
