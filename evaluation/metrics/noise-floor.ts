import type { MetricContext, MetricResult, Table } from "../types.js";
import type { FidelityInput } from "./fidelity/fidelity-input.js";
import { fmt } from "./fidelity/interpret.js";

/** The three tables of an evaluation. */
export interface EvaluationTables {
  /** Real data the generator was trained on. */
  train: Table;
  /** Real data the generator never saw, from the same population, ideally of the train's size. */
  holdout: Table;
  synthetic: Table;
  entity?: string | null;
}

/** Any metric comparing a real table with another one (fidelity metrics, or a closure over options). */
export type PairMetric<D> = (input: FidelityInput, ctx: MetricContext) => MetricResult<D> | Promise<MetricResult<D>>;

/**
 * Runs a metric twice, train vs synthetic and train vs holdout, and returns both results. The second is the
 * real-vs-real noise floor: what a generator that draws new patients from the real population would score,
 * given these sample sizes. Each run gets its own forked stream ("synthetic", "noise-floor"), so adding the
 * floor never changes the main score.
 */
export async function computeWithNoiseFloor<D>(
  metric: PairMetric<D>,
  tables: EvaluationTables,
  ctx: MetricContext,
): Promise<{ result: MetricResult<D>; floor: MetricResult<D> }> {
  const entity = tables.entity ?? null;
  const result = await metric({ real: tables.train, synthetic: tables.synthetic, entity }, { ...ctx, rng: ctx.rng.fork("synthetic") });
  const floor = await metric({ real: tables.train, synthetic: tables.holdout, entity }, { ...ctx, rng: ctx.rng.fork("noise-floor") });
  return { result, floor };
}

/**
 * A metric's result with its real-vs-real noise floor filled in (`noiseFloor`), the holdout size added to `n`,
 * a sentence placing the score against the floor, and warnings when the comparison is unfair: a holdout much
 * smaller than train or than the synthetic table makes the floor look worse than what a perfect generator
 * would reach at the synthetic table's size.
 *
 * @example
 * const ks = await withNoiseFloor(ksComplement, { train, holdout, synthetic, entity: "patient_id" }, ctx);
 * ks.value; ks.noiseFloor?.value; // e.g. 0.93 against a floor of 0.95
 */
export async function withNoiseFloor<D>(metric: PairMetric<D>, tables: EvaluationTables, ctx: MetricContext): Promise<MetricResult<D>> {
  const { result, floor } = await computeWithNoiseFloor(metric, tables, ctx);
  return attachNoiseFloor(result, floor, tables);
}

/** Combines a result with a floor computed separately (see {@link computeWithNoiseFloor}). */
export function attachNoiseFloor<D>(result: MetricResult<D>, floor: MetricResult<D>, tables: Pick<EvaluationTables, "train" | "holdout" | "synthetic">): MetricResult<D> {
  const warnings = [...result.warnings];
  for (const w of floor.warnings) warnings.push(`noise floor: ${w}`);
  const nTrain = tables.train.nRows;
  const nHoldout = tables.holdout.nRows;
  const nSyn = tables.synthetic.nRows;
  if (nHoldout < 0.5 * nTrain) {
    warnings.push(`the holdout (${nHoldout} rows) is under half the training table (${nTrain}); the noise floor is pessimistic`);
  }
  if (nHoldout < 0.5 * nSyn) {
    warnings.push(`the holdout (${nHoldout} rows) is under half the synthetic table (${nSyn}); the noise floor is pessimistic`);
  }
  const n = { ...result.n, holdout: floor.n.synthetic };
  if (result.n.entities && floor.n.entities) n.entities = { ...result.n.entities, holdout: floor.n.entities.synthetic };
  const noiseFloor = floor.interval ? { value: floor.value, interval: floor.interval } : { value: floor.value };
  return {
    ...result,
    noiseFloor,
    n,
    interpretation: { ...result.interpretation, sentence: `${result.interpretation.sentence} ${compareSentence(result, floor)}` },
    warnings,
  };
}

/**
 * Where the score sits against the floor, on the normalized scale (higher is better): "at" the floor when the
 * intervals overlap, otherwise above or below it.
 */
function compareSentence(result: MetricResult<unknown>, floor: MetricResult<unknown>): string {
  if (!Number.isFinite(floor.value)) return "No real-vs-real noise floor could be computed.";
  const base = `A disjoint real sample scores ${fmt(floor.value)}${floor.interval ? ` [${fmt(floor.interval.lower)}, ${fmt(floor.interval.upper)}]` : ""}`;
  if (result.interval && floor.interval) {
    const overlap = result.interval.lower <= floor.interval.upper && floor.interval.lower <= result.interval.upper;
    if (overlap) return `${base}: this score is at the real-vs-real noise floor.`;
  }
  const better = result.normalized > floor.normalized;
  // "better"/"worse" rather than above/below: for minimised metrics (detection AUC) a worse score is a higher number.
  return `${base}: this score is ${better ? "better" : "worse"} than the real-vs-real noise floor.`;
}
