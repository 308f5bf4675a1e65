/**
 * Small helpers every privacy metric uses to build its {@link MetricResult}: verdicts from thresholds, number
 * formatting for interpretation sentences, and the threat-model phrase the sentences share.
 */
import type { Interval, Verdict } from "../../../types.js";

/**
 * The attacker these metrics assume, in the words the interpretation sentences use: someone who holds the
 * synthetic release and real candidate records, and wants to learn something about the real patients.
 */
export const THREAT_MODEL = "an attacker who holds the synthetic release and a list of candidate patients";

/** Verdict from a normalized score (higher is better) and its two thresholds. */
export function verdictOf(normalized: number, thresholds: { good: number; acceptable: number }): Verdict {
  if (Number.isNaN(normalized)) return "not-applicable";
  if (normalized >= thresholds.good) return "good";
  if (normalized >= thresholds.acceptable) return "acceptable";
  return "poor";
}

/** A number for a sentence: fixed decimals, no exponent, "n/a" for NaN. */
export function fmt(x: number, digits = 3): string {
  return Number.isNaN(x) ? "n/a" : x.toFixed(digits);
}

/** A percentage for a sentence: "12.3 %". */
export function pct(x: number, digits = 1): string {
  return Number.isNaN(x) ? "n/a" : `${(100 * x).toFixed(digits)} %`;
}

/** "[a, b]" at the interval's level, for sentences. */
export function fmtInterval(i: Interval | undefined, digits = 3): string {
  if (!i) return "";
  return `${Math.round(i.level * 100)} % interval ${fmt(i.lower, digits)}–${fmt(i.upper, digits)}`;
}

/** Clamps to [0, 1]. */
export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
