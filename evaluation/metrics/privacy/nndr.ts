/**
 * Nearest-neighbour distance ratio (NNDR): for each synthetic row, the distance to its nearest training row
 * divided by the distance to its second nearest. A ratio near 0 means the synthetic row sits on top of one
 * particular real record and far from all others — a distinctive match that can point to one patient; a ratio
 * near 1 means the nearest real record is no more special than the next one.
 *
 * Reported: the median NNDR of synthetic rows, with a cluster-bootstrap interval over synthetic patients, and the
 * same median for real holdout rows against the training data as the real-vs-real noise floor (what an ideal
 * generator, drawing fresh patients from the population, would score). Conventions: d₂ = 0 (two records equally
 * close at distance 0) gives ratio 1 (no distinct match); d₁ = 0 < d₂ gives 0.
 * Source: the NNDR privacy metric of e.g. Zhao et al., "CTAB-GAN", ACML 2021 (§ 4.2), after Lowe's ratio test.
 *
 * Cost: shares the synthetic→training 2-NN search with DCR; one more 2-NN search for the floor.
 */
import type { MetricContext, MetricResult } from "../../types.js";
import { quantile } from "../../stats/intervals.js";
import { THREAT_MODEL, clamp01, fmt, fmtInterval, pct, verdictOf } from "./shared/result.js";
import {
  DEFAULT_MAX_QUERY_ROWS,
  SHARED_K,
  balancedReferences,
  entityBootstrap,
  holdoutQueries,
  syntheticQueries,
} from "./shared/standard-sets.js";
import { asWorkspace, describeSet, type PrivacyInput, type PrivacyWorkspace } from "./shared/workspace.js";
import type { KnnResult } from "../../stats/neighbors.js";

/** Options of {@link nearestNeighbourDistanceRatio}. */
export interface NndrOptions {
  /** Synthetic (and holdout) rows used as queries, whole patients, seeded; default 10 000. */
  maxSyntheticRows?: number;
  /** Ratio below which a row counts as a "distinct match" in the details; default 0.5. */
  distinctBelow?: number;
}

/** Aggregates behind NNDR. */
export interface NndrDetails {
  median: number;
  q10: number;
  /** Share of synthetic rows with NNDR below `distinctBelow`. */
  distinctShare: number;
  distinctBelow: number;
  floor: { median: number; distinctShare: number };
  synthetic: ReturnType<typeof describeSet>;
  train: ReturnType<typeof describeSet>;
  holdoutQueries: ReturnType<typeof describeSet>;
  bootstrapSeed: string;
}

/**
 * Verdict thresholds on normalized = min(1, median NNDR / real-vs-real median NNDR): good ≥ 0.9, acceptable ≥ 0.75.
 * A dentsynth convention: the ratio to the floor removes the dependence on column count and data type.
 */
export const NNDR_THRESHOLDS = { good: 0.9, acceptable: 0.75 } as const;

/**
 * Median nearest-neighbour distance ratio of synthetic rows to the training data, with the holdout's as floor.
 * `value` is the median NNDR (goal: maximize, towards the floor).
 */
export async function nearestNeighbourDistanceRatio(
  input: PrivacyInput | PrivacyWorkspace,
  ctx: MetricContext,
  options: NndrOptions = {},
): Promise<MetricResult<NndrDetails>> {
  const ws = asWorkspace(input, ctx);
  const maxRows = options.maxSyntheticRows ?? DEFAULT_MAX_QUERY_ROWS;
  const below = options.distinctBelow ?? 0.5;
  const syn = syntheticQueries(ws, maxRows);
  const hq = holdoutQueries(ws, maxRows);
  const { train } = balancedReferences(ws);
  const [s, h] = await Promise.all([ws.nearest(syn, train, SHARED_K), ws.nearest(hq, train, SHARED_K)]);
  const warnings = [...ws.warnings];
  if (s.k < 2) warnings.push("the training reference has a single row; NNDR is undefined");
  const rs = ratios(s);
  const rh = ratios(h);
  const med = quantile(rs, 0.5);
  const floorMed = quantile(rh, 0.5);
  const boot = entityBootstrap(syn, rs, { quantile: 0.5 }, ctx, "nndr");
  const floorBoot = entityBootstrap(hq, rh, { quantile: 0.5 }, ctx, "nndr/floor");
  const share = (r: Float64Array) => r.reduce((acc, v) => acc + (v < below ? 1 : 0), 0) / r.length;
  const normalized = floorMed > 0 ? clamp01(med / floorMed) : med >= floorMed ? 1 : 0;
  const verdict = verdictOf(normalized, NNDR_THRESHOLDS);
  const sentence =
    `The median synthetic record is ${fmt(med, 2)} times as far from its closest training record as from the ` +
    `second closest (${fmtInterval(boot.interval, 2)}); real patients the generator never saw give ${fmt(floorMed, 2)}. ` +
    `${pct(share(rs))} of synthetic records are distinct matches (ratio below ${below}) versus ${pct(share(rh))} of unseen ` +
    `real records. ${verdict === "good" ? "Synthetic records are no more distinctively tied to single training patients than fresh real records are" : "Synthetic records are more distinctively tied to single training patients than fresh real records are"}, ` +
    `which matters to ${THREAT_MODEL} trying to point at one patient.`;
  return {
    metric: "nndr",
    family: "privacy",
    goal: "maximize",
    value: med,
    normalized,
    interval: boot.interval,
    noiseFloor: { value: floorMed, interval: floorBoot.interval },
    n: ws.sizes({ real: train, synthetic: syn, holdout: hq }),
    interpretation: { verdict, sentence, thresholds: { ...NNDR_THRESHOLDS } },
    details: {
      median: med,
      q10: quantile(rs, 0.1),
      distinctShare: share(rs),
      distinctBelow: below,
      floor: { median: floorMed, distinctShare: share(rh) },
      synthetic: describeSet(syn),
      train: describeSet(train),
      holdoutQueries: describeSet(hq),
      bootstrapSeed: boot.seed,
    },
    warnings,
  };
}

function ratios(r: KnnResult): Float64Array {
  const out = new Float64Array(r.nQuery);
  for (let q = 0; q < r.nQuery; q++) {
    const d1 = r.distances[q * r.k] as number;
    const d2 = r.k > 1 ? (r.distances[q * r.k + 1] as number) : Number.NaN;
    out[q] = d2 > 0 ? d1 / d2 : 1;
  }
  return out;
}
