import type { Interpretation } from "../../types.js";

/** Plain-language sentences for each verdict of one metric. */
export interface VerdictSentences {
  good: string;
  acceptable: string;
  poor: string;
  /** When the value is NaN (nothing to compare). */
  notApplicable?: string;
}

/**
 * The verdict of a normalized score (higher is better) against the metric's documented thresholds.
 * NaN gives "not-applicable".
 */
export function interpret(
  normalized: number,
  thresholds: { good: number; acceptable: number },
  sentences: VerdictSentences,
): Interpretation {
  if (Number.isNaN(normalized)) {
    return { verdict: "not-applicable", sentence: sentences.notApplicable ?? "Nothing to compare.", thresholds };
  }
  if (normalized >= thresholds.good) return { verdict: "good", sentence: sentences.good, thresholds };
  if (normalized >= thresholds.acceptable) return { verdict: "acceptable", sentence: sentences.acceptable, thresholds };
  return { verdict: "poor", sentence: sentences.poor, thresholds };
}

/** A number for a sentence: 3 decimals, no trailing noise. */
export function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : String(x);
}

/** Mean of the finite values, NaN when there are none. */
export function finiteMean(values: readonly number[]): number {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}
