/**
 * DCR overfitting protection: are synthetic rows closer to the training data than to equally large real data the
 * generator never saw?
 *
 * For each synthetic row, its distance to the closest record (DCR) in the training data and in the holdout data
 * is computed; p is the share of synthetic rows closer to training than to holdout (ties count one half). A
 * generator that learned the population, not the patients, gives p ≈ 0.5; one that memorised training patients
 * gives p → 1. Following SDMetrics' DCROverfittingProtection
 * (sdmetrics/single_table/privacy/dcr_overfitting_protection.py, v0.29): score = min(2·(1 − p), 1).
 *
 * Differences from SDMetrics, on purpose:
 * - training and holdout references hold the same number of *patients* (the larger one is subsampled, seeded):
 *   with unequal sizes p is biased even for a perfect generator (SDMetrics only warns below a 0.5 ratio);
 * - ties (equal distances, common with discrete dental columns) count one half instead of "not closer";
 * - distance: Euclidean over the encoded row (see stats/neighbors.ts), not SDMetrics' capped Gower average;
 * - synthetic rows are subsampled by whole synthetic patients (default 10 000 rows) and the interval is a
 *   cluster bootstrap over those patients;
 * - a real-vs-real noise floor: the same p for real holdout patients (half of the holdout) against the training
 *   data and the other half of the holdout, so a reviewer sees what "no memorisation" looks like at this size.
 *
 * Caveat for reviewers: DCR tests can pass while membership inference succeeds ("The DCR Delusion",
 * arXiv 2505.01524); read this with the MIA ensemble.
 *
 * Cost: two k-NN searches of the synthetic queries (≤ 10 000 rows) against ≤ |train| and |holdout| rows, plus
 * two smaller searches for the floor: ≈ 5-15 s at 100k × 100k rows on 2 cores.
 */
import type { MetricContext, MetricResult } from "../../types.js";
import { quantile } from "../../stats/intervals.js";
import { THREAT_MODEL, clamp01, fmt, fmtInterval, pct, verdictOf } from "./shared/result.js";
import {
  DEFAULT_MAX_QUERY_ROWS,
  SHARED_K,
  balancedReferences,
  entityBootstrap,
  holdoutHalves,
  syntheticQueries,
} from "./shared/standard-sets.js";
import { asWorkspace, describeSet, firstDistances, type PrivacyInput, type PrivacyWorkspace } from "./shared/workspace.js";

/** Options of {@link dcrOverfitting}. */
export interface DcrOptions {
  /** Synthetic rows compared (whole synthetic patients, seeded); default 10 000. */
  maxSyntheticRows?: number;
  /** Compute the real-vs-real noise floor (two more searches); default true. */
  noiseFloor?: boolean;
}

/** Aggregates behind the DCR score: shares, distance quantiles, subsample records. */
export interface DcrDetails {
  /** Share of synthetic rows closer to training than to holdout (ties one half). */
  shareCloserToTrain: number;
  /** SDMetrics-style score min(2(1 − p), 1). */
  score: number;
  /** Share of synthetic rows exactly as close to both. */
  tieShare: number;
  /** Share of synthetic rows at distance 0 from a training row. */
  zeroDistanceShare: number;
  dcrTrain: { q05: number; q25: number; median: number };
  dcrHoldout: { q05: number; q25: number; median: number };
  floor?: { shareCloserToTrain: number; interval: MetricResult["interval"]; queries: ReturnType<typeof describeSet> };
  synthetic: ReturnType<typeof describeSet>;
  train: ReturnType<typeof describeSet>;
  holdout: ReturnType<typeof describeSet>;
  bootstrapSeed: string;
}

/** Verdict thresholds on the score min(2(1 − p), 1): good ≥ 0.9 (p ≤ 0.55), acceptable ≥ 0.7 (p ≤ 0.65). */
export const DCR_THRESHOLDS = { good: 0.9, acceptable: 0.7 } as const;

/**
 * DCR to training vs DCR to holdout (overfitting protection). `value` is p, the share of synthetic rows closer to
 * training; `normalized` is SDMetrics' score min(2(1 − p), 1).
 *
 * @example const r = await dcrOverfitting({ train, holdout, synthetic }, ctx); r.value // ≈ 0.5 for a good generator
 */
export async function dcrOverfitting(
  input: PrivacyInput | PrivacyWorkspace,
  ctx: MetricContext,
  options: DcrOptions = {},
): Promise<MetricResult<DcrDetails>> {
  const ws = asWorkspace(input, ctx);
  const maxRows = options.maxSyntheticRows ?? DEFAULT_MAX_QUERY_ROWS;
  const syn = syntheticQueries(ws, maxRows);
  const refs = balancedReferences(ws);
  const [toTrain, toHoldout] = await Promise.all([ws.nearest(syn, refs.train, SHARED_K), ws.nearest(syn, refs.holdout, SHARED_K)]);
  const dTrain = firstDistances(toTrain);
  const dHoldout = firstDistances(toHoldout);
  const closer = closerShare(dTrain, dHoldout);
  const p = mean(closer.values);
  const boot = entityBootstrap(syn, closer.values, "mean", ctx, "dcr");
  const warnings = [...ws.warnings];

  let floor: DcrDetails["floor"];
  if (options.noiseFloor ?? true) {
    const { reference: halfA, nonMembers: halfB } = holdoutHalves(ws);
    const queries = ws.subsetOf(`holdout/halves/a/query/${maxRows}`, halfA, { maxRows });
    const trainFloor = ws.sample("train/floor", "train", { maxEntities: halfB.nEntities });
    const [a, b] = await Promise.all([ws.nearest(queries, trainFloor, 1), ws.nearest(queries, halfB, 1)]);
    const fc = closerShare(firstDistances(a), firstDistances(b));
    floor = {
      shareCloserToTrain: mean(fc.values),
      interval: entityBootstrap(queries, fc.values, "mean", ctx, "dcr/floor").interval,
      queries: describeSet(queries),
    };
    if (halfB.nEntities < 20) warnings.push(`the noise floor rests on only ${halfB.nEntities} holdout patients`);
  }

  const score = Math.min(2 * (1 - p), 1);
  const verdict = verdictOf(score, DCR_THRESHOLDS);
  const qs = (d: Float64Array) => ({ q05: quantile(d, 0.05), q25: quantile(d, 0.25), median: quantile(d, 0.5) });
  const zeroShare = dTrain.reduce((s, d) => s + (d === 0 ? 1 : 0), 0) / dTrain.length;
  const sentence =
    `${pct(p)} of synthetic records lie closer to a training record than to any record of an equally large set of ` +
    `real patients the generator never saw (${fmtInterval(boot.interval)}; 50 % means no sign of memorisation` +
    (floor ? `, and real unseen patients score ${pct(floor.shareCloserToTrain)} here` : "") +
    `). ${verdict === "good" ? "The synthetic data show no preference for the training patients" : verdict === "acceptable" ? "The synthetic data lean slightly towards the training patients" : "The synthetic data sit markedly closer to the training patients, a sign of memorisation"}` +
    ` that ${THREAT_MODEL} could exploit. ${pct(zeroShare)} of synthetic records coincide with a training record.`;

  return {
    metric: "dcr-overfitting",
    family: "privacy",
    goal: "minimize",
    value: p,
    normalized: clamp01(score),
    interval: boot.interval,
    ...(floor ? { noiseFloor: { value: floor.shareCloserToTrain, ...(floor.interval ? { interval: floor.interval } : {}) } } : {}),
    n: ws.sizes({ real: refs.train, synthetic: syn, holdout: refs.holdout }),
    interpretation: { verdict, sentence, thresholds: { ...DCR_THRESHOLDS } },
    details: {
      shareCloserToTrain: p,
      score,
      tieShare: closer.ties / dTrain.length,
      zeroDistanceShare: zeroShare,
      dcrTrain: qs(dTrain),
      dcrHoldout: qs(dHoldout),
      ...(floor ? { floor } : {}),
      synthetic: describeSet(syn),
      train: describeSet(refs.train),
      holdout: describeSet(refs.holdout),
      bootstrapSeed: boot.seed,
    },
    warnings,
  };
}

/** 1 where a < b, ½ where equal, 0 otherwise; and the number of ties. */
function closerShare(a: Float64Array, b: Float64Array): { values: Float64Array; ties: number } {
  const values = new Float64Array(a.length);
  let ties = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x < y) values[i] = 1;
    else if (x === y) {
      values[i] = 0.5;
      ties++;
    }
  }
  return { values, ties };
}

function mean(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] as number;
  return x.length === 0 ? Number.NaN : s / x.length;
}

