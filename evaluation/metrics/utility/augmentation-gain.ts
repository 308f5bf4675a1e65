import type { SubsampleRecord } from "../../data/subsample-entities.js";
import type { Interval, MetricContext, MetricResult } from "../../types.js";
import { entityRowWeights } from "../../stats/entity-weights.js";
import { bootstrapPercentile, quantileSorted, sortedFinite } from "../../stats/intervals.js";
import { stackRows } from "../../stats/matrix.js";
import { fmt, interpret } from "../fidelity/interpret.js";
import type { ScoreWithInterval } from "./tstr.js";
import { fitAndPredict, prepareTask, scorePrediction, type UtilityInput, type UtilityOptions } from "./utility-task.js";

export interface AugmentationDetails {
  task: "classification" | "regression";
  model: string;
  target: string;
  primaryName: "auc" | "r2";
  /** Trained on the real training table alone. */
  realOnly: ScoreWithInterval;
  /** Trained on the real training table plus the synthetic table. */
  augmented: ScoreWithInterval;
  /** Whole-entity subsamples of the training tables, taken above `maxRowsPerTable` rows. */
  subsample: { train: SubsampleRecord; synthetic: SubsampleRecord };
  resamples: number;
  bootstrapSeed: string;
}

/** Verdict thresholds on (gain / 2 + ½): "good" = no loss, "acceptable" = a loss under 0.02 (dentsynth's choice). */
export const AUGMENTATION_THRESHOLDS = { good: 0.5, acceptable: 0.49 } as const;

/**
 * Augmentation gain: does adding the synthetic rows to the real training table help a model predict the
 * target on the real holdout? Value = score(real + synthetic) − score(real alone), with AUC for categorical
 * targets and R² for numeric ones; normalized as SDMetrics' data-augmentation metrics, gain / 2 + ½
 * (½ = no change). Interval: cluster bootstrap over holdout entities, paired (both models scored on the same
 * resample).
 * Source: https://docs.sdv.dev/sdmetrics/metrics/metrics-in-beta/data-augmentation
 */
export async function augmentationGain(
  input: UtilityInput,
  ctx: MetricContext,
  options: UtilityOptions = {},
): Promise<MetricResult<AugmentationDetails>> {
  const task = prepareTask(input, options, ctx.rng);
  const X = stackRows(task.X.train, task.X.synthetic);
  const y = task.kind === "classification" ? new Int32Array(X.rows) : new Float64Array(X.rows);
  y.set(task.y.train, 0);
  y.set(task.y.synthetic, task.y.train.length);
  const realOnly = await fitAndPredict(task, task.X.train, task.y.train, ctx.rng.fork("augmentation/real"));
  const augmented = await fitAndPredict(task, X, y, ctx.rng.fork("augmentation/augmented"));
  const base = scorePrediction(task, realOnly).primary;
  const aug = scorePrediction(task, augmented).primary;
  const reps = { base: [] as number[], aug: [] as number[] };
  const weights = new Float64Array(task.holdoutIndex.nRows);
  const boot = bootstrapPercentile(
    task.holdoutIndex.nEntities,
    (drawn) => {
      const w = entityRowWeights(drawn, task.holdoutIndex, weights);
      const b = scorePrediction(task, realOnly, w).primary;
      const a = scorePrediction(task, augmented, w).primary;
      reps.base.push(b);
      reps.aug.push(a);
      return a - b;
    },
    { rng: ctx.rng.fork("augmentation/bootstrap"), resamples: ctx.resamples, level: ctx.ciLevel },
  );
  const alpha = (1 - ctx.ciLevel) / 2;
  const pct = (values: number[]): Interval => {
    const sorted = sortedFinite(values);
    return { lower: quantileSorted(sorted, alpha), upper: quantileSorted(sorted, 1 - alpha), level: ctx.ciLevel, method: "bootstrap" };
  };
  const gain = aug - base;
  const normalized = Math.max(0, Math.min(1, gain / 2 + 0.5));
  const primaryName = task.kind === "classification" ? "auc" : "r2";
  const label = primaryName === "auc" ? "AUC" : "R²";
  const model = task.kind === "classification" ? task.classifier.name : task.regressor.name;
  return {
    metric: "augmentation-gain",
    family: "utility",
    goal: "maximize",
    value: gain,
    normalized,
    interval: boot.interval,
    n: task.n,
    interpretation: interpret(normalized, AUGMENTATION_THRESHOLDS, {
      good: `Adding the synthetic rows to the real training data does not hurt a ${model} predicting ${input.target} (${label} ${fmt(base)} → ${fmt(aug)}).`,
      acceptable: `Adding the synthetic rows to the real training data slightly lowers a ${model}'s ${label} for ${input.target} (${fmt(base)} → ${fmt(aug)}).`,
      poor: `Adding the synthetic rows to the real training data lowers a ${model}'s ${label} for ${input.target} (${fmt(base)} → ${fmt(aug)}).`,
    }),
    details: {
      task: task.kind,
      model,
      target: input.target,
      primaryName,
      realOnly: { value: base, interval: pct(reps.base) },
      augmented: { value: aug, interval: pct(reps.aug) },
      subsample: task.subsample,
      resamples: ctx.resamples,
      bootstrapSeed: boot.seed,
    },
    warnings: task.warnings,
  };
}
