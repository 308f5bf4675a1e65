/**
 * ROC analysis for attacks and detectors: the empirical ROC curve, the AUC (Mann-Whitney, ties counted one
 * half), DeLong's variance and interval, TPR at a fixed FPR with an explicit interpolation rule, and a seeded
 * stratified bootstrap for all of them.
 *
 * Conventions everywhere in this file:
 * - `labels[i]` is 1 (or true) for a positive (a member of the training data, a synthetic row for a detector)
 *   and 0 (or false) for a negative.
 * - A higher score means "more likely positive". An attack with AUC 0.5 is guessing; 1 separates perfectly.
 * - Scores must not be NaN (±Infinity is allowed and ranks as expected).
 * - Scores are per *unit of membership*. For dental tables that is the patient: aggregate row scores per patient
 *   before calling these functions, otherwise each patient counts 28 times and intervals are far too narrow.
 */
import { DataError } from "../../core/errors.js";
import type { Rng } from "../../core/rng.js";
import type { Interval } from "../types.js";
import { bootstrapStratified, quantileSorted, sortedFinite, zForLevel } from "./intervals.js";

/** Scores and labels accepted by every function here. */
export type Labels = ArrayLike<number | boolean>;

/** Scores split by class, each sorted ascending. */
interface Split {
  pos: Float64Array;
  neg: Float64Array;
}

function split(scores: ArrayLike<number>, labels: Labels): Split {
  if (scores.length !== labels.length) {
    throw new DataError(`roc: ${scores.length} scores but ${labels.length} labels`);
  }
  let m = 0;
  for (let i = 0; i < labels.length; i++) if (isPositive(labels[i])) m++;
  const pos = new Float64Array(m);
  const neg = new Float64Array(labels.length - m);
  let a = 0;
  let b = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (Number.isNaN(s)) throw new DataError(`roc: score ${i} is NaN`);
    if (isPositive(labels[i])) pos[a++] = s;
    else neg[b++] = s;
  }
  pos.sort();
  neg.sort();
  return { pos, neg };
}

function isPositive(label: number | boolean | undefined): boolean {
  return label === true || label === 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Curve
// ---------------------------------------------------------------------------------------------------------------

/** The empirical ROC curve: one vertex per distinct score, plus the origin. */
export interface RocCurve {
  /** False-positive rate at each vertex, non-decreasing, from 0 to 1. */
  fpr: Float64Array;
  /** True-positive rate at each vertex, non-decreasing, from 0 to 1. */
  tpr: Float64Array;
  /**
   * Decision threshold of each vertex: "positive iff score >= threshold". The first is +Infinity (nothing is
   * called positive). sklearn ≥ 1.3 uses the same convention (1.2 used max + 1).
   */
  thresholds: Float64Array;
  nPositive: number;
  nNegative: number;
}

/**
 * The empirical ROC curve, with every distinct score as a threshold (sklearn
 * `roc_curve(y, s, drop_intermediate=False)`). Tied scores of both classes make one diagonal step.
 *
 * Cost: O(n log n) for the sort, O(n) after.
 * @throws {DataError} lengths differ or a score is NaN
 */
export function rocCurve(scores: ArrayLike<number>, labels: Labels): RocCurve {
  return curveOf(split(scores, labels));
}

function curveOf({ pos, neg }: Split): RocCurve {
  const m = pos.length;
  const n = neg.length;
  const fpr: number[] = [0];
  const tpr: number[] = [0];
  const thresholds: number[] = [Number.POSITIVE_INFINITY];
  // Walk both ascending arrays from the top: at each distinct score t, count scores >= t.
  let i = m - 1;
  let j = n - 1;
  let tp = 0;
  let fp = 0;
  while (i >= 0 || j >= 0) {
    const t = Math.max(i >= 0 ? (pos[i] as number) : -Infinity, j >= 0 ? (neg[j] as number) : -Infinity);
    while (i >= 0 && pos[i] === t) {
      tp++;
      i--;
    }
    while (j >= 0 && neg[j] === t) {
      fp++;
      j--;
    }
    fpr.push(n === 0 ? Number.NaN : fp / n);
    tpr.push(m === 0 ? Number.NaN : tp / m);
    thresholds.push(t);
  }
  return {
    fpr: Float64Array.from(fpr),
    tpr: Float64Array.from(tpr),
    thresholds: Float64Array.from(thresholds),
    nPositive: m,
    nNegative: n,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// AUC and DeLong
// ---------------------------------------------------------------------------------------------------------------

/**
 * Placement values (DeLong et al. 1988): for each positive, the share of negatives it outscores (ties count 1/2);
 * for each negative, the share of positives that outscore it (ties 1/2). Their means are both the AUC.
 * Two-pointer pass over the sorted classes: O(m + n).
 */
function placements({ pos, neg }: Split): { v10: Float64Array; v01: Float64Array } {
  const m = pos.length;
  const n = neg.length;
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  // For each positive: #neg < x and #neg == x.
  let lo = 0;
  for (let a = 0; a < m; a++) {
    const x = pos[a] as number;
    while (lo < n && (neg[lo] as number) < x) lo++;
    let hi = lo;
    while (hi < n && neg[hi] === x) hi++;
    v10[a] = (lo + 0.5 * (hi - lo)) / n;
  }
  // For each negative: #pos > y and #pos == y.
  lo = 0;
  for (let b = 0; b < n; b++) {
    const y = neg[b] as number;
    while (lo < m && (pos[lo] as number) < y) lo++;
    let hi = lo;
    while (hi < m && pos[hi] === y) hi++;
    v01[b] = (m - hi + 0.5 * (hi - lo)) / m;
  }
  return { v10, v01 };
}

function aucOf(s: Split): number {
  const m = s.pos.length;
  const n = s.neg.length;
  if (m === 0 || n === 0) return Number.NaN;
  const { pos, neg } = s;
  // Sum over positives of (#neg below + half the ties), by the same two-pointer walk as placements().
  let total = 0;
  let lo = 0;
  for (let a = 0; a < m; a++) {
    const x = pos[a] as number;
    while (lo < n && (neg[lo] as number) < x) lo++;
    let hi = lo;
    while (hi < n && neg[hi] === x) hi++;
    total += lo + 0.5 * (hi - lo);
  }
  return total / (m * n);
}

/**
 * Area under the ROC curve as the Mann-Whitney statistic: P(score of a random positive > score of a random
 * negative) + ½·P(tie). Equals sklearn `roc_auc_score` (trapezoidal area of the curve with ties as diagonals).
 * NaN when a class is empty.
 *
 * Cost: O(n log n).
 * @throws {DataError} lengths differ or a score is NaN
 */
export function rocAuc(scores: ArrayLike<number>, labels: Labels): number {
  return aucOf(split(scores, labels));
}

/** AUC with DeLong's variance. */
export interface DeLongResult {
  auc: number;
  /** DeLong variance S10/m + S01/n; NaN when a class has fewer than 2 members. */
  variance: number;
  standardError: number;
  /** auc ± z·SE, clipped to [0, 1] (pROC `ci.auc(method = "delong")`); [0, 1] when the variance is undefined. */
  interval: Interval;
  nPositive: number;
  nNegative: number;
}

/**
 * AUC with DeLong's nonparametric variance and a normal-approximation interval.
 *
 * Var(AUC) = S10/m + S01/n, where S10 and S01 are the sample variances (denominator m−1, n−1) of the placement
 * values of the m positives and n negatives. This is pROC's `var(roc, method = "delong")` and the fast
 * O(n log n) form of Sun & Xu (2014).
 * Sources: DeLong, DeLong & Clarke-Pearson, Biometrics 44(3):837-845, 1988; Sun & Xu, IEEE SPL 21(11), 2014.
 *
 * The interval is poor when the AUC is within a few SEs of 0 or 1 or classes are tiny (< 20); prefer
 * {@link summarizeRoc}'s bootstrap interval there.
 * Cost: O(n log n).
 */
export function delongAuc(scores: ArrayLike<number>, labels: Labels, level = 0.95): DeLongResult {
  return delongOf(split(scores, labels), level);
}

function delongOf(s: Split, level: number): DeLongResult {
  const m = s.pos.length;
  const n = s.neg.length;
  const auc = aucOf(s);
  let variance = Number.NaN;
  if (m >= 2 && n >= 2) {
    const { v10, v01 } = placements(s);
    variance = sampleVariance(v10) / m + sampleVariance(v01) / n;
  }
  const se = Math.sqrt(variance);
  const z = zForLevel(level);
  const interval: Interval = Number.isFinite(se)
    ? { lower: Math.max(0, auc - z * se), upper: Math.min(1, auc + z * se), level, method: "delong" }
    : { lower: 0, upper: 1, level, method: "delong" };
  return { auc, variance, standardError: se, interval, nPositive: m, nNegative: n };
}

function sampleVariance(x: Float64Array): number {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] as number;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - mean;
    ss += d * d;
  }
  return ss / (n - 1);
}

// ---------------------------------------------------------------------------------------------------------------
// TPR at fixed FPR
// ---------------------------------------------------------------------------------------------------------------

/**
 * How {@link tprAtFpr} reads the curve between its vertices.
 * - `"interpolate"` (default): linear interpolation along the empirical ROC polyline; on a vertical segment at
 *   exactly the target FPR, its top. This is the TPR of the best *randomised* threshold rule whose FPR is exactly
 *   the target (an attacker can flip a biased coin at the threshold), so it does not jump when one negative
 *   moves. It equals `np.interp(fpr, roc_fpr, roc_tpr)` wherever the target is not a vertex FPR.
 * - `"step"`: the TPR of the best plain threshold whose FPR is ≤ the target (the highest vertex with
 *   fpr ≤ target): never above "interpolate"; the usual rule in MIA papers (LiRA, MIDST use fpr < target).
 */
export type TprRule = "interpolate" | "step";

/**
 * True-positive rate at a given false-positive rate, read off an ROC curve by `rule` ({@link TprRule}).
 *
 * Reliability: with n negatives, FPRs below 1/n cannot be resolved (the curve's first step is 1/n wide).
 * {@link summarizeRoc} warns when n · fpr < 10.
 * Cost: O(vertices).
 */
export function tprAtFpr(curve: RocCurve, fpr: number, rule: TprRule = "interpolate"): number {
  const { fpr: x, tpr: y } = curve;
  if (curve.nPositive === 0 || curve.nNegative === 0) return Number.NaN;
  // Last vertex with x <= fpr: it is the top of any vertical segment at fpr, since both coordinates only grow.
  let i = 0;
  while (i + 1 < x.length && (x[i + 1] as number) <= fpr) i++;
  const x0 = x[i] as number;
  const y0 = y[i] as number;
  if (rule === "step" || x0 === fpr || i + 1 >= x.length) return y0;
  const x1 = x[i + 1] as number;
  const y1 = y[i + 1] as number;
  return y0 + ((fpr - x0) / (x1 - x0)) * (y1 - y0);
}

// ---------------------------------------------------------------------------------------------------------------
// Summary with bootstrap
// ---------------------------------------------------------------------------------------------------------------

/** TPR at one target FPR, with its bootstrap interval. */
export interface TprAtFprEstimate {
  fpr: number;
  tpr: number;
  interval: Interval;
  rule: TprRule;
}

/** Everything an attack report needs from (scores, labels). */
export interface RocSummary {
  auc: number;
  /** DeLong interval of the AUC. */
  aucInterval: Interval;
  aucStandardError: number;
  /** Stratified percentile bootstrap interval of the AUC (same resamples as the TPR intervals). */
  aucBootstrapInterval: Interval;
  tprAtFpr: TprAtFprEstimate[];
  nPositive: number;
  nNegative: number;
  resamples: number;
  /** Seed of the bootstrap stream. */
  bootstrapSeed: string;
  warnings: string[];
}

/** Options of {@link summarizeRoc}. */
export interface SummarizeRocOptions {
  rng: Rng;
  /** Bootstrap resamples, default 200. */
  resamples?: number;
  /** Confidence level, default 0.95. */
  level?: number;
  /** Target FPRs, default [0.1, 0.01] (MIDST's headline is TPR at 10 % FPR). */
  fprs?: readonly number[];
  rule?: TprRule;
}

/**
 * AUC (DeLong and bootstrap intervals) and TPR at each target FPR (bootstrap intervals), from one seeded
 * stratified bootstrap that resamples positives and negatives separately.
 *
 * Cost: O(resamples · n log n).
 * @throws {DataError} lengths differ or a score is NaN
 */
export function summarizeRoc(scores: ArrayLike<number>, labels: Labels, options: SummarizeRocOptions): RocSummary {
  const level = options.level ?? 0.95;
  const fprs = options.fprs ?? [0.1, 0.01];
  const rule = options.rule ?? "interpolate";
  const resamples = options.resamples ?? 200;
  const s = split(scores, labels);
  const m = s.pos.length;
  const n = s.neg.length;
  const warnings: string[] = [];
  if (m < 2 || n < 2) warnings.push(`too few members (${m}) or non-members (${n}) for an interval`);
  const dl = delongOf(s, level);
  const curve = curveOf(s);
  for (const f of fprs) {
    if (n * f < 10) {
      warnings.push(
        `TPR at FPR ${f} rests on ${(n * f).toFixed(1)} expected false positives (${n} non-members); it is very noisy`,
      );
    }
  }
  // One pass of resamples, several statistics: collect them all from the same draws.
  const perStat: Float64Array[] = [new Float64Array(resamples), ...fprs.map(() => new Float64Array(resamples))];
  let b = 0;
  const posBuf = new Float64Array(m);
  const negBuf = new Float64Array(n);
  const boot = bootstrapStratified(
    [m, n],
    (groups) => {
      const gp = groups[0] as Int32Array;
      const gn = groups[1] as Int32Array;
      for (let i = 0; i < m; i++) posBuf[i] = s.pos[gp[i] as number] as number;
      for (let i = 0; i < n; i++) negBuf[i] = s.neg[gn[i] as number] as number;
      posBuf.sort();
      negBuf.sort();
      const rs: Split = { pos: posBuf, neg: negBuf };
      const auc = aucOf(rs);
      (perStat[0] as Float64Array)[b] = auc;
      if (fprs.length > 0) {
        const c = curveOf(rs);
        fprs.forEach((f, k) => ((perStat[k + 1] as Float64Array)[b] = tprAtFpr(c, f, rule)));
      }
      b++;
      return auc;
    },
    { rng: options.rng, resamples, level },
  );
  const alpha = (1 - level) / 2;
  const pct = (values: Float64Array): Interval => {
    const sorted = sortedFinite(values);
    return { lower: quantileSorted(sorted, alpha), upper: quantileSorted(sorted, 1 - alpha), level, method: "bootstrap" };
  };
  return {
    auc: dl.auc,
    aucInterval: dl.interval,
    aucStandardError: dl.standardError,
    aucBootstrapInterval: boot.interval,
    tprAtFpr: fprs.map((f, k) => ({ fpr: f, tpr: tprAtFpr(curve, f, rule), interval: pct(perStat[k + 1] as Float64Array), rule })),
    nPositive: m,
    nNegative: n,
    resamples,
    bootstrapSeed: boot.seed,
    warnings,
  };
}
