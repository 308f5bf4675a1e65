/**
 * Shadow-model membership inference: the attacker knows the generator (black-box access: can run it on data of
 * their choice) and holds real records from the same population. They train the generator themselves on known
 * subsets of those records ("shadow" runs), learn from the shadow releases what a member looks like compared with
 * a non-member, and apply that knowledge to the real release.
 *
 * Threat model after TAPAS (alan-turing-institute/tapas: AuxiliaryDataKnowledge × BlackBoxKnowledge,
 * `ShadowModellingAttack`) and Shokri et al. (IEEE S&P 2017), in its untargeted form (one classifier for all
 * candidates instead of one per target record, which would cost a generator run per target and per shadow).
 *
 * Steps, all seeded:
 * 1. Auxiliary data = one half of the holdout patients (the attacker's population sample); the other half are
 *    the non-member targets, never seen by the attacker; members are as many training patients (the candidates
 *    all attacks share).
 * 2. For each of `shadows` runs: split the auxiliary patients into halves IN and OUT, call `generate(IN, rng)`,
 *    and compute for candidate patients of IN (label 1) and OUT (label 0) features against that shadow release.
 * 3. Features of a patient (from each of its rows' 5 nearest synthetic rows): mean and min of log(d₁ + 10⁻⁶),
 *    mean of d₁/d₂, mean of log(mean d₁..d₅ + 10⁻⁶). A logistic regression learns their weights.
 * 4. Scores of the real targets = the learned linear predictor of their features against the real release.
 *
 * Caveat: each shadow generator is trained on a quarter of the holdout, usually fewer patients than the real
 * training set; generators that overfit more on small data make the shadows a slightly pessimistic guide.
 *
 * Cost: `shadows` generator runs plus one k-NN search (k = 5) of ≤ 2 × 200 patients per shadow against its
 * release; the targets' search against the real release is shared with the distance attack.
 */
import type { Rng } from "../../../core/rng.js";
import { DataError } from "../../../core/errors.js";
import { takeRows } from "../../data/take-rows.js";
import type { KnnResult } from "../../stats/neighbors.js";
import type { MetricContext, MetricResult, Table } from "../../types.js";
import { attackResult, type AttackDetails } from "./shared/attack.js";
import { fitLogistic, logisticScores } from "./shared/logistic.js";
import { DEFAULT_MIA_ENTITIES, DEFAULT_MIA_ROWS, MIA_K, allSynthetic, holdoutHalves, miaCandidates } from "./shared/standard-sets.js";
import { asWorkspace, describeSet, type PrivacyInput, type PrivacyWorkspace, type RowSet } from "./shared/workspace.js";

/** The generator under audit: trains on a real table and returns a synthetic one (same columns). */
export type GenerateFn = (train: Table, rng: Rng) => Table | Promise<Table>;

/** Options of {@link miaShadow}. */
export interface MiaShadowOptions {
  /** The generator, run on shadow training sets (the integrator passes the configured generator). */
  generate: GenerateFn;
  /** Shadow runs; default 4. More runs give the classifier more examples but cost generator time. */
  shadows?: number;
  /** Target patients per side; default 2 000 (the candidates all attacks share). */
  maxEntities?: number;
  /** Target rows per side (whole patients); default 10 000. */
  maxRows?: number;
  /** Training patients per side and shadow for the classifier; default 200. */
  shadowCandidates?: number;
}

const FEATURES = ["mean log d1", "min log d1", "mean d1/d2", "mean log mean d1..d5"] as const;
const EPS = 1e-6;

/**
 * Shadow-model membership attack against the release, given the generator. `value` is the ROC AUC over target
 * patients (goal: minimize); details.setup holds the learned feature weights and the shadows' own training AUC.
 *
 * @throws {DataError} a shadow release lacks a compared column
 */
export async function miaShadow(
  input: PrivacyInput | PrivacyWorkspace,
  ctx: MetricContext,
  options: MiaShadowOptions,
): Promise<MetricResult<AttackDetails>> {
  const ws = asWorkspace(input, ctx);
  const shadows = options.shadows ?? 4;
  const maxEntities = options.maxEntities ?? DEFAULT_MIA_ENTITIES;
  const maxRows = options.maxRows ?? DEFAULT_MIA_ROWS;
  const perSide = options.shadowCandidates ?? 200;
  const { reference: aux } = holdoutHalves(ws);
  const { members, nonMembers } = miaCandidates(ws, maxEntities, maxRows);
  const warnings = [...ws.warnings];
  if (aux.nEntities < 20) warnings.push(`the attacker's auxiliary data hold only ${aux.nEntities} patients`);

  const xs: number[] = [];
  const ys: number[] = [];
  const shadowRecords: Record<string, unknown>[] = [];
  for (let s = 0; s < shadows; s++) {
    const [inSet, outSet] = ws.splitOf(`shadow/${s}/split`, aux);
    const rng = ws.stream(`shadow/${s}/generator`);
    const released = await options.generate(takeRows(ws.tables.holdout, inSet.rows), rng);
    for (const c of ws.columns) {
      if (!released.columns.some((col) => col.name === c)) throw new DataError(`shadow generator output lacks column ${JSON.stringify(c)}`);
    }
    const shadowSyn = ws.addGenerated(`shadow/${s}/synthetic`, released, rng.seed);
    const inC = ws.subsetOf(`shadow/${s}/in`, inSet, { maxEntities: perSide });
    const outC = ws.subsetOf(`shadow/${s}/out`, outSet, { maxEntities: perSide });
    const k = Math.min(MIA_K, shadowSyn.rows.length);
    const [fi, fo] = await Promise.all([ws.nearest(inC, shadowSyn, k), ws.nearest(outC, shadowSyn, k)]);
    for (const [set, knn, label] of [[inC, fi, 1], [outC, fo, 0]] as const) {
      const f = entityFeatures(set, knn);
      for (let e = 0; e < set.nEntities; e++) {
        for (let j = 0; j < FEATURES.length; j++) xs.push(f[e * FEATURES.length + j] as number);
        ys.push(label);
      }
    }
    shadowRecords.push({ trainPatients: inSet.nEntities, syntheticRows: released.nRows, generatorSeed: rng.seed, in: describeSet(inC), out: describeSet(outC) });
  }
  const model = fitLogistic(Float64Array.from(xs), Uint8Array.from(ys), FEATURES.length);

  const syn = allSynthetic(ws);
  const k = Math.min(MIA_K, syn.rows.length);
  // The same search as the distance attack's (shared through the workspace).
  const [m, nm] = await Promise.all([ws.nearest(members, syn, k), ws.nearest(nonMembers, syn, k)]);
  const score = (set: RowSet, knn: KnnResult) => logisticScores(model, entityFeatures(set, knn), set.nEntities);
  if (members.nEntities < 30) warnings.push(`only ${members.nEntities} patients per side: the AUC interval is wide`);
  return attackResult("mia-shadow", "shadow-model classifier", score(members, m), score(nonMembers, nm), ctx, {
    n: ws.sizes({ real: members, synthetic: syn, holdout: nonMembers }),
    aggregation: "per patient: mean/min over rows of nearest-synthetic-distance features, combined by a logistic regression trained on shadow releases",
    setup: {
      shadows: shadowRecords,
      features: [...FEATURES],
      weights: Array.from(model.weights),
      intercept: model.intercept,
      auxiliary: describeSet(aux),
      members: describeSet(members),
      nonMembers: describeSet(nonMembers),
    },
    warnings,
    description: "shadow-model attack (a classifier trained on the generator's own behaviour)",
  });
}

/** Per-entity feature rows (nEntities × 4) from the k-NN of each row of the set. */
function entityFeatures(set: RowSet, knn: KnnResult): Float64Array {
  const p = FEATURES.length;
  const out = new Float64Array(set.nEntities * p);
  for (let e = 0; e < set.nEntities; e++) {
    let sumLog = 0;
    let minLog = Number.POSITIVE_INFINITY;
    let sumRatio = 0;
    let sumLogMean = 0;
    const from = set.offsets[e] as number;
    const to = set.offsets[e + 1] as number;
    for (let q = from; q < to; q++) {
      const row = set.members[q] as number;
      const d1 = knn.distances[row * knn.k] as number;
      const d2 = knn.k > 1 ? (knn.distances[row * knn.k + 1] as number) : d1;
      let mean = 0;
      for (let j = 0; j < knn.k; j++) mean += knn.distances[row * knn.k + j] as number;
      mean /= knn.k;
      const l = Math.log(d1 + EPS);
      sumLog += l;
      minLog = Math.min(minLog, l);
      sumRatio += d2 > 0 ? d1 / d2 : 1;
      sumLogMean += Math.log(mean + EPS);
    }
    const n = Math.max(1, to - from);
    out[e * p] = sumLog / n;
    out[e * p + 1] = minLog;
    out[e * p + 2] = sumRatio / n;
    out[e * p + 3] = sumLogMean / n;
  }
  return out;
}
