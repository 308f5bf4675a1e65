/**
 * Turns the per-entity scores of a membership-inference attack into a {@link MetricResult}: ROC AUC with DeLong
 * and bootstrap intervals, TPR at FPR 0.1 and 0.01 with bootstrap intervals, and a verdict.
 *
 * Scoring convention: one score per *entity* (patient), higher = "more likely a member of the training data".
 * Members are training patients, non-members are holdout patients; the two groups are balanced by the callers.
 */
import type { MetricContext, MetricResult, SampleSizes } from "../../../types.js";
import { rocCurve, summarizeRoc, type RocSummary, type TprAtFprEstimate } from "../../../stats/roc.js";
import { THREAT_MODEL, fmt, fmtInterval, verdictOf } from "./result.js";

/**
 * MIA verdict thresholds on the normalized scale 1 − 2·max(0, AUC − 0.5): good ≥ 0.8 (AUC ≤ 0.60), acceptable
 * ≥ 0.6 (AUC ≤ 0.70). A dentsynth convention, not a standard: the literature gives no agreed threshold (the
 * SynEval "AUC ≥ 0.7 is high risk" rule is uncited, privacy-enhancing-technologies/SynEval#6), and an average
 * AUC near 0.5 does not certify privacy for outlying patients (Meeus et al., arXiv 2306.10308).
 */
export const MIA_THRESHOLDS = { good: 0.8, acceptable: 0.6 } as const;

/** What every membership-inference result carries in `details` (aggregates only, never record values). */
export interface AttackDetails {
  attack: string;
  auc: number;
  /** DeLong interval (also the result's `interval`). */
  aucInterval: RocSummary["aucInterval"];
  aucBootstrapInterval: RocSummary["aucBootstrapInterval"];
  /** TPR at FPR 0.1 and 0.01 (interpolated along the ROC curve, see stats/roc.ts TprRule), bootstrap intervals. */
  tprAtFpr: TprAtFprEstimate[];
  members: number;
  nonMembers: number;
  /** How row scores became patient scores. */
  aggregation: string;
  resamples: number;
  bootstrapSeed: string;
  /** Attack-specific settings and subsample records (seeds, counts). */
  setup: Record<string, unknown>;
  /** The ROC curve thinned to at most 201 vertices (rates only), for report charts. */
  roc: { fpr: number[]; tpr: number[] };
}

/**
 * Keeps at most `max` vertices of a ROC curve, always the first and last: the chart keeps its shape, and a
 * report never carries one point per patient.
 */
export function thinRoc(fpr: ArrayLike<number>, tpr: ArrayLike<number>, max = 201): { fpr: number[]; tpr: number[] } {
  const n = fpr.length;
  const step = Math.max(1, Math.ceil(n / (max - 1)));
  const out = { fpr: [] as number[], tpr: [] as number[] };
  for (let i = 0; i < n; i += step) {
    out.fpr.push(Number(fpr[i]));
    out.tpr.push(Number(tpr[i]));
  }
  if ((n - 1) % step !== 0 && n > 0) {
    out.fpr.push(Number(fpr[n - 1]));
    out.tpr.push(Number(tpr[n - 1]));
  }
  return out;
}

/** Normalized MIA score: 1 at AUC ≤ 0.5, 0 at AUC 1. */
export function normalizeAuc(auc: number): number {
  return Number.isNaN(auc) ? Number.NaN : 1 - 2 * Math.max(0, auc - 0.5);
}

/**
 * Builds the result of one attack from per-entity scores.
 * Cost: O(resamples · n log n) for the bootstrap.
 */
export function attackResult(
  metric: string,
  attackName: string,
  memberScores: Float64Array,
  nonMemberScores: Float64Array,
  ctx: MetricContext,
  extra: { n: SampleSizes; aggregation: string; setup: Record<string, unknown>; warnings: string[]; description: string },
): MetricResult<AttackDetails> {
  const scores = new Float64Array(memberScores.length + nonMemberScores.length);
  scores.set(memberScores, 0);
  scores.set(nonMemberScores, memberScores.length);
  const labels = new Uint8Array(scores.length);
  labels.fill(1, 0, memberScores.length);
  const roc = summarizeRoc(scores, labels, { rng: ctx.rng.fork(`privacy/${metric}/bootstrap`), resamples: ctx.resamples, level: ctx.ciLevel });
  const normalized = normalizeAuc(roc.auc);
  const verdict = verdictOf(normalized, MIA_THRESHOLDS);
  const t10 = roc.tprAtFpr.find((t) => t.fpr === 0.1);
  const t01 = roc.tprAtFpr.find((t) => t.fpr === 0.01);
  const reading =
    verdict === "good"
      ? "barely better than guessing"
      : verdict === "acceptable"
        ? "somewhat better than guessing"
        : "clearly able to tell training patients from others";
  const sentence =
    `For ${THREAT_MODEL}, the ${extra.description} separates training patients from unseen patients with ROC AUC ` +
    `${fmt(roc.auc)} (${fmtInterval(roc.aucInterval)}; 0.5 = guessing, 1 = always right): ${reading}. ` +
    (t10 ? `Flagging 10 % of unseen patients by mistake, it finds ${fmt(t10.tpr, 2)} of the training patients` : "") +
    (t01 ? `; at 1 % it finds ${fmt(t01.tpr, 2)}.` : ".") +
    ` Based on ${memberScores.length} training and ${nonMemberScores.length} unseen patients.`;
  return {
    metric,
    family: "privacy",
    goal: "minimize",
    value: roc.auc,
    normalized,
    interval: roc.aucInterval,
    n: extra.n,
    interpretation: { verdict, sentence, thresholds: { ...MIA_THRESHOLDS } },
    details: {
      attack: attackName,
      auc: roc.auc,
      aucInterval: roc.aucInterval,
      aucBootstrapInterval: roc.aucBootstrapInterval,
      tprAtFpr: roc.tprAtFpr,
      members: memberScores.length,
      nonMembers: nonMemberScores.length,
      aggregation: extra.aggregation,
      resamples: roc.resamples,
      bootstrapSeed: roc.bootstrapSeed,
      setup: extra.setup,
      roc: (() => {
        const curve = rocCurve(scores, labels);
        return thinRoc(curve.fpr, curve.tpr);
      })(),
    },
    warnings: [...extra.warnings, ...roc.warnings],
  };
}
