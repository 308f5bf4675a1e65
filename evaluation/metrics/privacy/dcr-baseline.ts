/**
 * DCR baseline protection: are synthetic rows as far from the training data as meaningless random rows are —
 * or at least as far as fresh real patients are?
 *
 * Following SDMetrics' DCRBaselineProtection (sdmetrics/single_table/privacy/dcr_baseline_protection.py, v0.29):
 * a random table of the same size is drawn column by column — numbers uniform within the training range (whole
 * numbers if the column only holds whole numbers), categories uniform over the observed ones, missing values at
 * the training rate — and score = min(median DCR(synthetic → train) / median DCR(random → train), 1).
 *
 * Why a noise floor as well: with discrete dental columns, even a perfect generator produces many synthetic rows
 * identical to some training row (a healthy tooth looks like many other healthy teeth), so the raw score can be
 * low without any leak. We therefore also report the same score for real holdout rows (real-vs-real), and the
 * normalized value compares synthetic to that floor: min(1, score / floor score).
 *
 * Cost: one k-NN search of ≤ 10 000 random rows against the training reference (the synthetic and holdout
 * searches are shared with DCR and NNDR).
 */
import type { Rng } from "../../../core/rng.js";
import type { Column, MetricContext, MetricResult, Table } from "../../types.js";
import { bootstrapStratified, quantileSorted } from "../../stats/intervals.js";
import { THREAT_MODEL, clamp01, fmt, fmtInterval, verdictOf } from "./shared/result.js";
import {
  DEFAULT_MAX_QUERY_ROWS,
  SHARED_K,
  balancedReferences,
  holdoutQueries,
  syntheticQueries,
} from "./shared/standard-sets.js";
import { asWorkspace, describeSet, firstDistances, type PrivacyInput, type PrivacyWorkspace, type RowSet } from "./shared/workspace.js";

/** Options of {@link dcrBaseline}. */
export interface DcrBaselineOptions {
  /** Synthetic (and holdout, and random) rows compared; default 10 000. */
  maxSyntheticRows?: number;
}

/** Aggregates behind the DCR baseline score. */
export interface DcrBaselineDetails {
  medianDcrSynthetic: number;
  medianDcrRandom: number;
  medianDcrHoldout: number;
  /** SDMetrics score min(median syn / median random, 1). */
  score: number;
  /** The same score for real holdout rows. */
  floorScore: number;
  randomRows: number;
  randomSeed: string;
  synthetic: ReturnType<typeof describeSet>;
  train: ReturnType<typeof describeSet>;
  holdoutQueries: ReturnType<typeof describeSet>;
  bootstrapSeed: string;
}

/** Verdict thresholds on min(1, score / floor score): good ≥ 0.9, acceptable ≥ 0.7 (dentsynth convention). */
export const DCR_BASELINE_THRESHOLDS = { good: 0.9, acceptable: 0.7 } as const;

/**
 * DCR baseline protection. `value` is SDMetrics' score min(median DCR syn / median DCR random, 1) (goal: maximize);
 * `normalized` is that score relative to the real-vs-real floor.
 */
export async function dcrBaseline(
  input: PrivacyInput | PrivacyWorkspace,
  ctx: MetricContext,
  options: DcrBaselineOptions = {},
): Promise<MetricResult<DcrBaselineDetails>> {
  const ws = asWorkspace(input, ctx);
  const maxRows = options.maxSyntheticRows ?? DEFAULT_MAX_QUERY_ROWS;
  const syn = syntheticQueries(ws, maxRows);
  const hq = holdoutQueries(ws, maxRows);
  const { train } = balancedReferences(ws);
  const label = `random/${syn.rows.length}`;
  const rng = ws.stream(label);
  const random = ws.addGenerated(label, randomTable(ws.tables.train, ws.columns, syn.rows.length, rng), rng.seed);
  const [s, r, h] = await Promise.all([ws.nearest(syn, train, SHARED_K), ws.nearest(random, train, 1), ws.nearest(hq, train, SHARED_K)]);
  const dSyn = firstDistances(s);
  const dRand = firstDistances(r);
  const dHold = firstDistances(h);
  const med = (d: Float64Array) => quantileSorted(Float64Array.from(d).sort(), 0.5);
  const mSyn = med(dSyn);
  const mRand = med(dRand);
  const mHold = med(dHold);
  const ratio = (a: number, b: number) => (b > 0 ? Math.min(a / b, 1) : a > 0 ? 1 : 0);
  const score = ratio(mSyn, mRand);
  const floorScore = ratio(mHold, mRand);
  const boot = bootstrapStratified(
    [syn.nEntities, random.nEntities],
    (groups) => ratio(medianOfEntities(syn, dSyn, groups[0] as Int32Array), medianOfEntities(random, dRand, groups[1] as Int32Array)),
    { rng: ctx.rng.fork("privacy/dcr-baseline/bootstrap"), resamples: ctx.resamples, level: ctx.ciLevel },
  );
  const normalized = floorScore > 0 ? clamp01(score / floorScore) : score > 0 ? 1 : Number.NaN;
  const verdict = verdictOf(normalized, DCR_BASELINE_THRESHOLDS);
  const sentence =
    `Synthetic records sit at a median distance ${fmt(mSyn)} from the closest training record, against ${fmt(mRand)} for ` +
    `random records and ${fmt(mHold)} for real patients the generator never saw: baseline score ${fmt(score, 2)} ` +
    `(${fmtInterval(boot.interval, 2)}; real unseen patients score ${fmt(floorScore, 2)}). ` +
    (verdict === "good"
      ? "Synthetic records are as far from the training data as fresh real records, so they do not hand"
      : "Synthetic records are closer to the training data than fresh real records, which could hand") +
    ` ${THREAT_MODEL} near-copies of training patients.`;
  return {
    metric: "dcr-baseline",
    family: "privacy",
    goal: "maximize",
    value: score,
    normalized,
    interval: boot.interval,
    noiseFloor: { value: floorScore },
    n: ws.sizes({ real: train, synthetic: syn, holdout: hq }),
    interpretation: { verdict, sentence, thresholds: { ...DCR_BASELINE_THRESHOLDS } },
    details: {
      medianDcrSynthetic: mSyn,
      medianDcrRandom: mRand,
      medianDcrHoldout: mHold,
      score,
      floorScore,
      randomRows: random.rows.length,
      randomSeed: rng.seed,
      synthetic: describeSet(syn),
      train: describeSet(train),
      holdoutQueries: describeSet(hq),
      bootstrapSeed: boot.seed,
    },
    warnings: [...ws.warnings, ...(boot.failed > 0 ? [`${boot.failed} bootstrap resamples failed`] : [])],
  };
}

function medianOfEntities(set: RowSet, values: Float64Array, entities: Int32Array): number {
  const buf: number[] = [];
  for (const e of entities) for (let p = set.offsets[e] as number; p < (set.offsets[e + 1] as number); p++) buf.push(values[set.members[p] as number] as number);
  return quantileSorted(Float64Array.from(buf).sort(), 0.5);
}

/**
 * A table of `n` random rows over `columns`, uniform within what the reference shows (SDMetrics' random
 * baseline): numbers in [min, max] (whole numbers when the reference holds only whole numbers), categories
 * uniform over the observed ones, missing at the reference's rate. Each row is its own entity.
 * Cost: O(n · columns) plus one pass over the reference.
 */
export function randomTable(reference: Table, columns: readonly string[], n: number, rng: Rng): Table {
  const out: Column[] = [];
  for (const name of columns) {
    const col = reference.columns.find((c) => c.name === name);
    if (!col) continue;
    const colRng = rng.fork(name);
    if (col.kind === "numeric" || col.kind === "boolean" || col.kind === "datetime") {
      const source: Float64Array = col.values;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      let missing = 0;
      let whole = true;
      for (const v of source) {
        if (Number.isNaN(v)) {
          missing++;
          continue;
        }
        if (v < min) min = v;
        if (v > max) max = v;
        if (whole && !Number.isInteger(v)) whole = false;
      }
      const missingRate = missing / Math.max(1, source.length);
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        if (!(max >= min) || colRng.bernoulli(missingRate)) values[i] = Number.NaN;
        else values[i] = whole ? min + colRng.int(max - min + 1) : colRng.uniform(min, max);
      }
      out.push({ name, kind: col.kind, values });
    } else {
      // (TypeScript does not narrow the negative branch of a union-of-literals discriminant.)
      const labels = col.values as (string | null)[];
      const levels = [...new Set(labels.filter((v): v is string => v !== null))].sort();
      const missingRate = labels.filter((v) => v === null).length / Math.max(1, labels.length);
      const values: (string | null)[] = new Array(n);
      for (let i = 0; i < n; i++) values[i] = levels.length === 0 || colRng.bernoulli(missingRate) ? null : (levels[colRng.int(levels.length)] as string);
      out.push({ name, kind: col.kind, values });
    }
  }
  return { columns: out, nRows: n };
}
