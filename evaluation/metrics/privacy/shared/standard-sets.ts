/**
 * The row sets several privacy metrics share, defined once so that their k-NN searches are computed once per
 * workspace, plus the cluster bootstrap of per-row statistics over a set's entities.
 *
 * Sizes (defaults chosen so the whole privacy suite stays under a minute at 100k × 100k rows on 2 cores;
 * each metric lets you raise them):
 * - synthetic queries: at most {@link DEFAULT_MAX_QUERY_ROWS} synthetic rows, whole synthetic patients;
 * - membership candidates: members = training patients, non-members = the holdout half that is not the
 *   attacker's reference, equally many patients, at most {@link DEFAULT_MIA_ROWS} rows per side; shared by all
 *   attacks so the ensemble compares them on the same patients and one k-NN search serves them all;
 * - training/holdout references: the same number of patients on both sides (the larger side subsampled), because
 *   "closer to train than to holdout" is only 50/50 for an ideal generator when both are equally large;
 * - holdout queries: real rows never used in training, for real-vs-real noise floors.
 */
import type { Interval, MetricContext } from "../../../types.js";
import { bootstrapPercentile, quantileSorted } from "../../../stats/intervals.js";
import type { PrivacyWorkspace, RowSet } from "./workspace.js";

/** Synthetic rows used as queries by DCR-style metrics (SDMetrics subsamples likewise, PR #728). */
export const DEFAULT_MAX_QUERY_ROWS = 5_000;

/** Candidate patients per side of the membership attacks. */
export const DEFAULT_MIA_ENTITIES = 2_000;
/** Candidate rows per side of the membership attacks (whole patients). */
export const DEFAULT_MIA_ROWS = 10_000;
/** Neighbours searched for candidates in the release: the distance attack uses 1, the shadow attack 5. */
export const MIA_K = 5;

/** Neighbours computed for query→train searches: 2, so DCR (k = 1) and NNDR (k = 2) share one search. */
export const SHARED_K = 2;

/** Seeded subsample of whole synthetic patients, at most `maxRows` rows. */
export function syntheticQueries(ws: PrivacyWorkspace, maxRows = DEFAULT_MAX_QUERY_ROWS): RowSet {
  return ws.sample(`synthetic/query/${maxRows}`, "synthetic", { maxRows });
}

/** Seeded subsample of whole holdout patients, at most `maxRows` rows (real-vs-real floors). */
export function holdoutQueries(ws: PrivacyWorkspace, maxRows = DEFAULT_MAX_QUERY_ROWS): RowSet {
  return ws.sample(`holdout/query/${maxRows}`, "holdout", { maxRows });
}

/** Training and holdout references with equally many patients (the larger side subsampled, seeded). */
export function balancedReferences(ws: PrivacyWorkspace): { train: RowSet; holdout: RowSet } {
  const n = Math.min(ws.entityIndex.train.nEntities, ws.entityIndex.holdout.nEntities);
  return {
    train: ws.sample("train/balanced", "train", { maxEntities: n }),
    holdout: ws.sample("holdout/balanced", "holdout", { maxEntities: n }),
  };
}

/** The whole synthetic table as a reference (attacks search the complete release). */
export function allSynthetic(ws: PrivacyWorkspace): RowSet {
  return ws.sample("synthetic/all", "synthetic");
}

/**
 * Holdout patients split into two seeded halves: `reference` (the attacker's population sample for DOMIAS and
 * shadow models, or the second holdout for noise floors) and `nonMembers` (candidates never seen by anyone).
 */
export function holdoutHalves(ws: PrivacyWorkspace): { reference: RowSet; nonMembers: RowSet } {
  const [a, b] = ws.split("holdout/halves", "holdout");
  return { reference: a, nonMembers: b };
}

/**
 * Member and non-member candidates shared by the membership attacks: non-members from the holdout half that the
 * attacker never uses as reference, members as many training patients (both seeded, whole patients).
 */
export function miaCandidates(
  ws: PrivacyWorkspace,
  maxEntities = DEFAULT_MIA_ENTITIES,
  maxRows = DEFAULT_MIA_ROWS,
): { members: RowSet; nonMembers: RowSet } {
  const { nonMembers: half } = holdoutHalves(ws);
  const nonMembers = ws.subsetOf(`mia/non-members/${maxEntities}/${maxRows}`, half, { maxEntities, maxRows });
  const members = ws.sample(`mia/members/${nonMembers.nEntities}/${maxRows}`, "train", { maxEntities: nonMembers.nEntities, maxRows });
  return { members, nonMembers };
}

/**
 * Percentile interval of a per-row statistic (mean, median or any quantile) with a cluster bootstrap: whole
 * entities of the set are resampled, their rows follow.
 * Cost: resamples × O(rows) (plus a sort per resample for quantiles).
 */
export function entityBootstrap(
  set: RowSet,
  values: Float64Array,
  statistic: "mean" | { quantile: number },
  ctx: MetricContext,
  label: string,
): { interval: Interval; seed: string } {
  let buf = new Float64Array(values.length);
  const res = bootstrapPercentile(
    set.nEntities,
    (entities) => {
      let n = 0;
      for (let i = 0; i < entities.length; i++) {
        const e = entities[i] as number;
        n += (set.offsets[e + 1] as number) - (set.offsets[e] as number);
      }
      if (n === 0) return Number.NaN;
      if (n > buf.length) buf = new Float64Array(n);
      let w = 0;
      let sum = 0;
      for (let i = 0; i < entities.length; i++) {
        const e = entities[i] as number;
        for (let p = set.offsets[e] as number, end = set.offsets[e + 1] as number; p < end; p++) {
          const v = values[set.members[p] as number] as number;
          sum += v;
          buf[w++] = v;
        }
      }
      if (statistic === "mean") return sum / n;
      return quantileSorted(buf.subarray(0, n).sort(), statistic.quantile);
    },
    { rng: ctx.rng.fork(`privacy/${label}/bootstrap`), resamples: ctx.resamples, level: ctx.ciLevel },
  );
  return { interval: res.interval, seed: res.seed };
}
