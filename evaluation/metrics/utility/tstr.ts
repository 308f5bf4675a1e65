import type { SubsampleRecord } from "../../data/subsample-entities.js";
import type { Interval, MetricContext, MetricResult } from "../../types.js";
import { entityRowWeights } from "../../stats/entity-weights.js";
import { bootstrapPercentile, quantileSorted, sortedFinite } from "../../stats/intervals.js";
import { fmt, interpret } from "../fidelity/interpret.js";
import { fitAndPredict, prepareTask, scorePrediction, type TaskScores, type UtilityInput, type UtilityOptions } from "./utility-task.js";

/** One score with its interval. */
export interface ScoreWithInterval {
  value: number;
  interval: Interval;
}

export interface TstrDetails {
  task: "classification" | "regression";
  model: string;
  target: string;
  /** Classes in train order of frequency (classification). */
  classes: string[];
  /** Class F1 is reported for (two-class targets). */
  positiveClass?: string;
  /** Train-real-test-real: the reference a perfect generator would reach. */
  trtr: { primary: ScoreWithInterval; f1?: ScoreWithInterval };
  /** Train-synthetic-test-real. */
  tstr: { primary: ScoreWithInterval; f1?: ScoreWithInterval };
  /** TSTR − TRTR on the primary score, with the interval of the paired difference. */
  difference: ScoreWithInterval;
  primaryName: "auc" | "r2";
  /** Whole-entity subsamples of the training tables, taken above `maxRowsPerTable` rows. */
  subsample: { train: SubsampleRecord; synthetic: SubsampleRecord };
  resamples: number;
  bootstrapSeed: string;
}

/** Verdict thresholds on the share of real-data skill kept (dentsynth's choice). */
export const TSTR_THRESHOLDS = { good: 0.9, acceptable: 0.7 } as const;

/**
 * Machine-learning efficacy, train-synthetic-test-real (TSTR) against train-real-test-real (TRTR): the same
 * model is fitted once on the synthetic table and once on the real training table, and both predict the real
 * holdout. Categorical/boolean targets: ROC AUC (macro one-vs-rest for more than two classes) and F1;
 * numeric targets: R².
 *
 * Value: the TSTR score (AUC or R²). Normalized: the share of real-data skill the synthetic data keeps,
 * (AUC_tstr − ½)/(AUC_trtr − ½) or R²_tstr / R²_trtr, clipped to [0, 1]; NaN when the real model itself has no
 * skill. The noise floor is the TRTR score. Intervals: cluster bootstrap over holdout entities (fitted models
 * held fixed), one paired set of resamples for TSTR, TRTR and their difference.
 * Source: SDMetrics ML efficacy (https://docs.sdv.dev/sdmetrics/metrics/metrics-in-beta/ml-efficacy-single-table);
 * Esteban, Hyland & Rätsch, "Real-valued (medical) time series generation with recurrent conditional GANs",
 * 2017 (TSTR).
 */
export async function tstrUtility(input: UtilityInput, ctx: MetricContext, options: UtilityOptions = {}): Promise<MetricResult<TstrDetails>> {
  const task = prepareTask(input, options, ctx.rng);
  const real = await fitAndPredict(task, task.X.train, task.y.train, ctx.rng.fork("utility/trtr"));
  const syn = await fitAndPredict(task, task.X.synthetic, task.y.synthetic, ctx.rng.fork("utility/tstr"));
  const realScores = scorePrediction(task, real);
  const synScores = scorePrediction(task, syn);

  const reps = { trtr: [] as number[], tstr: [] as number[], trtrF1: [] as number[], tstrF1: [] as number[], diff: [] as number[] };
  const weights = new Float64Array(task.holdoutIndex.nRows);
  const boot = bootstrapPercentile(
    task.holdoutIndex.nEntities,
    (drawn) => {
      const w = entityRowWeights(drawn, task.holdoutIndex, weights);
      const r: TaskScores = scorePrediction(task, real, w);
      const s: TaskScores = scorePrediction(task, syn, w);
      reps.trtr.push(r.primary);
      reps.tstr.push(s.primary);
      if (r.f1 !== undefined && s.f1 !== undefined) {
        reps.trtrF1.push(r.f1);
        reps.tstrF1.push(s.f1);
      }
      const d = s.primary - r.primary;
      reps.diff.push(d);
      return d;
    },
    { rng: ctx.rng.fork("utility/bootstrap"), resamples: ctx.resamples, level: ctx.ciLevel },
  );
  const alpha = (1 - ctx.ciLevel) / 2;
  const pct = (values: number[]): Interval => {
    const sorted = sortedFinite(values);
    return { lower: quantileSorted(sorted, alpha), upper: quantileSorted(sorted, 1 - alpha), level: ctx.ciLevel, method: "bootstrap" };
  };
  const isClassification = task.kind === "classification";
  const skill = (score: number): number => (isClassification ? score - 0.5 : score);
  const realSkill = skill(realScores.primary);
  const normalized = realSkill > 0 ? Math.max(0, Math.min(1, skill(synScores.primary) / realSkill)) : Number.NaN;
  const primaryName = isClassification ? "auc" : "r2";
  const label = primaryName === "auc" ? "AUC" : "R²";
  const warnings = [...task.warnings];
  if (!(realSkill > 0)) warnings.push(`the model trained on real data has no skill on the holdout (${label} ${fmt(realScores.primary)}); utility cannot be judged`);
  const model = isClassification ? task.classifier.name : task.regressor.name;
  const details: TstrDetails = {
    task: task.kind,
    model,
    target: input.target,
    classes: task.classes,
    trtr: {
      primary: { value: realScores.primary, interval: pct(reps.trtr) },
      ...(realScores.f1 !== undefined ? { f1: { value: realScores.f1, interval: pct(reps.trtrF1) } } : {}),
    },
    tstr: {
      primary: { value: synScores.primary, interval: pct(reps.tstr) },
      ...(synScores.f1 !== undefined ? { f1: { value: synScores.f1, interval: pct(reps.tstrF1) } } : {}),
    },
    difference: { value: synScores.primary - realScores.primary, interval: boot.interval },
    primaryName,
    subsample: task.subsample,
    resamples: ctx.resamples,
    bootstrapSeed: boot.seed,
  };
  if (isClassification && task.classes.length === 2) details.positiveClass = task.classes[task.positive] as string;
  return {
    metric: "tstr",
    family: "utility",
    goal: "maximize",
    value: synScores.primary,
    normalized,
    interval: details.tstr.primary.interval,
    noiseFloor: { value: realScores.primary, interval: details.trtr.primary.interval },
    n: task.n,
    interpretation: interpret(normalized, TSTR_THRESHOLDS, {
      good: `A ${model} trained on synthetic data predicts ${input.target} on real patients almost as well as one trained on real data (${label} ${fmt(synScores.primary)} vs ${fmt(realScores.primary)}).`,
      acceptable: `A ${model} trained on synthetic data predicts ${input.target} on real patients less well than one trained on real data (${label} ${fmt(synScores.primary)} vs ${fmt(realScores.primary)}).`,
      poor: `A ${model} trained on synthetic data predicts ${input.target} on real patients much worse than one trained on real data (${label} ${fmt(synScores.primary)} vs ${fmt(realScores.primary)}).`,
      notApplicable: `The real-data model has no skill on ${input.target}, so utility cannot be judged.`,
    }),
    details,
    warnings,
  };
}
