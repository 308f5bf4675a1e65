import { argsort } from "./argsort.js";

/**
 * Scores sorted once, for recomputing the ROC AUC under many sets of row weights (bootstrap resamples).
 */
export interface RankedScores {
  /** Original row of each sorted position, ascending by score. */
  order: Int32Array;
  /** 1 at the last position of each run of equal scores. */
  runEnd: Uint8Array;
  /** 1 where the sorted position holds a positive. */
  positive: Uint8Array;
}

/**
 * Sorts scores once so that {@link weightedAuc} is a single O(n) pass per resample.
 * Cost: O(n log n).
 */
export function rankScores(scores: ArrayLike<number>, labels: ArrayLike<number | boolean>): RankedScores {
  const n = scores.length;
  const values = Float64Array.from(scores);
  const order = argsort(values);
  const runEnd = new Uint8Array(n);
  const positive = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const row = order[k] as number;
    runEnd[k] = k === n - 1 || values[order[k + 1] as number] !== values[row] ? 1 : 0;
    const l = labels[row];
    positive[k] = l === true || l === 1 ? 1 : 0;
  }
  return { order, runEnd, positive };
}

/**
 * ROC AUC with a weight per row: Σ_pos Σ_neg w_p·w_n·(1[s_p > s_n] + ½·1[s_p = s_n]) / (W₊·W₋), the
 * Mann–Whitney form with ties counted one half. With unit weights it equals stats/roc.ts `rocAuc` (and
 * sklearn's roc_auc_score); with integer weights it equals the AUC of the table with each row repeated that
 * many times, which is what a cluster-bootstrap resample is. This exists beside roc.ts only for speed: the
 * sort is done once by {@link rankScores}, and each resample costs one pass instead of a sort.
 *
 * @returns NaN when either class has zero total weight
 */
export function weightedAuc(ranked: RankedScores, weights?: ArrayLike<number>): number {
  const { order, runEnd, positive } = ranked;
  let negBelow = 0;
  let wPos = 0;
  let numerator = 0;
  let runPos = 0;
  let runNeg = 0;
  for (let k = 0; k < order.length; k++) {
    const w = weights ? (weights[order[k] as number] as number) : 1;
    if (positive[k]) runPos += w;
    else runNeg += w;
    if (runEnd[k]) {
      numerator += runPos * (negBelow + 0.5 * runNeg);
      negBelow += runNeg;
      wPos += runPos;
      runPos = 0;
      runNeg = 0;
    }
  }
  if (wPos === 0 || negBelow === 0) return Number.NaN;
  return numerator / (wPos * negBelow);
}
