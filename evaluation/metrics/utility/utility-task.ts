import { Rng } from "../../../core/rng.js";
import { DataError } from "../../../core/errors.js";
import { buildEntityIndex, type EntityIndex } from "../../data/entity-index.js";
import { takeRows } from "../../data/take-rows.js";
import type { ClassifierFactory, RegressorFactory } from "../../stats/classifier.js";
import { macroF1, f1Score } from "../../stats/f1-score.js";
import { logisticRegressionClassifier } from "../../stats/logistic-regression.js";
import type { Matrix } from "../../stats/matrix.js";
import { r2Score } from "../../stats/r2-score.js";
import { ridgeRegressor } from "../../stats/ridge-regression.js";
import { fitTableEncoder, type TableEncoder } from "../../stats/table-encoder.js";
import { rankScores, weightedAuc, type RankedScores } from "../../stats/weighted-auc.js";
import { subsampleEntities, type SubsampleRecord } from "../../data/subsample-entities.js";
import type { SampleSizes, Table } from "../../types.js";

/** The tables of a utility evaluation: models are trained on `train` or `synthetic` and tested on `holdout`. */
export interface UtilityInput {
  train: Table;
  holdout: Table;
  synthetic: Table;
  /** Column to predict: categorical or boolean → classification, numeric or datetime → regression. */
  target: string;
  entity?: string | null;
}

export interface UtilityOptions {
  /** Classifier for categorical targets; default logistic regression with balanced class weights (as SDMetrics). */
  classifier?: ClassifierFactory;
  /** Regressor for numeric targets; default ridge regression (alpha 1). */
  regressor?: RegressorFactory;
  /** For a two-class target, the class F1 is computed for; default the rarer class in train. */
  positiveClass?: string;
  /** One-hot levels per categorical feature; default 20. */
  maxCategories?: number;
  /** Training rows (real train, synthetic) above which whole entities are subsampled, seeded; default 50 000. */
  maxRowsPerTable?: number;
}

/** Scores of one fitted model on (a resample of) the holdout. */
export interface TaskScores {
  /** AUC for classification (macro one-vs-rest beyond two classes), R² for regression. */
  primary: number;
  auc?: number;
  f1?: number;
  r2?: number;
}

/** Fitted predictions of one model on the holdout, with what scoring needs precomputed. */
export type Prediction = { proba: Matrix; predicted: Int32Array; ranked: RankedScores[] } | { values: Float64Array };

/** A utility task with features encoded and labels coded, shared by TSTR and augmentation gain. */
export interface PreparedTask {
  kind: "classification" | "regression";
  encoder: TableEncoder;
  X: { train: Matrix; holdout: Matrix; synthetic: Matrix };
  /** Class codes (classification) or values (regression), per table. */
  y: { train: Int32Array | Float64Array; holdout: Int32Array | Float64Array; synthetic: Int32Array | Float64Array };
  classes: string[];
  positive: number;
  holdoutIndex: EntityIndex;
  n: SampleSizes;
  warnings: string[];
  classifier: ClassifierFactory;
  regressor: RegressorFactory;
  subsample: { train: SubsampleRecord; synthetic: SubsampleRecord };
}

/**
 * Encodes features on the real training table (target, entity and id columns excluded), codes the target on
 * the training classes, and drops rows that cannot be used, saying how many: a missing target anywhere, and a
 * synthetic or holdout class that train does not have.
 *
 * @throws {DataError} the target is absent or an id column, or train has fewer than two classes
 */
export function prepareTask(input: UtilityInput, options: UtilityOptions = {}, rng?: Rng): PreparedTask {
  const { target, entity } = input;
  const warnings: string[] = [];
  const targetColumn = input.train.columns.find((c) => c.name === target);
  if (!targetColumn) throw new DataError(`utility: target column ${JSON.stringify(target)} is not in the training table`);
  if (targetColumn.kind === "id") throw new DataError(`utility: target column ${JSON.stringify(target)} is an id column`);
  for (const [name, table] of [["holdout", input.holdout], ["synthetic", input.synthetic]] as const) {
    const c = table.columns.find((col) => col.name === target);
    if (!c || c.kind !== targetColumn.kind) throw new DataError(`utility: target column ${JSON.stringify(target)} is missing or of another kind in the ${name} table`);
  }
  const kind = targetColumn.kind === "categorical" || targetColumn.kind === "boolean" ? "classification" : "regression";

  // Class list from train, in order of frequency (stable for reports).
  let classes: string[] = [];
  const label = (table: Table, i: number): string | null => {
    const c = table.columns.find((col) => col.name === target) as Table["columns"][number];
    const v = c.values[i];
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return null;
    if (c.kind === "boolean") return v ? "true" : "false";
    return String(v);
  };
  if (kind === "classification") {
    const counts = new Map<string, number>();
    for (let i = 0; i < input.train.nRows; i++) {
      const l = label(input.train, i);
      if (l !== null) counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    classes = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
    if (classes.length < 2) throw new DataError(`utility: target ${JSON.stringify(target)} has fewer than two classes in train`);
  }
  const classIndex = new Map(classes.map((c, i) => [c, i]));

  const usableRows = (table: Table, name: string): Int32Array => {
    const keep: number[] = [];
    let missing = 0;
    let unseen = 0;
    const values = (table.columns.find((col) => col.name === target) as Table["columns"][number]).values;
    for (let i = 0; i < table.nRows; i++) {
      if (kind === "regression") {
        if (Number.isNaN(values[i] as number)) missing++;
        else keep.push(i);
        continue;
      }
      const l = label(table, i);
      if (l === null) missing++;
      else if (!classIndex.has(l)) unseen++;
      else keep.push(i);
    }
    if (missing > 0) warnings.push(`${name}: ${missing} rows without a target value left out`);
    if (unseen > 0) warnings.push(`${name}: ${unseen} rows with a target class absent from train left out`);
    return Int32Array.from(keep);
  };
  const tables = {
    train: takeRows(input.train, usableRows(input.train, "train")),
    holdout: takeRows(input.holdout, usableRows(input.holdout, "holdout")),
    synthetic: takeRows(input.synthetic, usableRows(input.synthetic, "synthetic")),
  };
  // Large training tables are cut to whole patients (the models gain little beyond, and fits cost O(rows)).
  const maxRows = options.maxRowsPerTable ?? 50_000;
  const entityOf = (t: Table): string | null => (entity && t.columns.some((c) => c.name === entity) ? entity : null);
  const sub = (t: Table, label: string) =>
    subsampleEntities(t, buildEntityIndex(t, entityOf(t)), { maxRows }, (rng ?? new Rng("utility")).fork(`utility/subsample-${label}`));
  const trainSub = sub(tables.train, "train");
  const synSub = sub(tables.synthetic, "synthetic");
  if (trainSub.record.applied || synSub.record.applied) {
    warnings.push(`models were trained on a seeded subsample of whole entities (${trainSub.record.rowsKept} real, ${synSub.record.rowsKept} synthetic rows)`);
  }
  tables.train = trainSub.table;
  tables.synthetic = synSub.table;
  if (tables.holdout.nRows === 0 || tables.synthetic.nRows === 0) throw new DataError("utility: no usable holdout or synthetic rows");

  const exclude = [target, ...(entity ? [entity] : [])];
  const encoder = fitTableEncoder(tables.train, { exclude, maxCategories: options.maxCategories ?? 20, structureFrom: [tables.synthetic, tables.holdout] });
  const codes = (table: Table): Int32Array | Float64Array => {
    const c = table.columns.find((col) => col.name === target) as Table["columns"][number];
    if (kind === "regression") return Float64Array.from(c.values as Float64Array);
    const out = new Int32Array(table.nRows);
    for (let i = 0; i < table.nRows; i++) out[i] = classIndex.get(label(table, i) as string) as number;
    return out;
  };
  let positive = classes.length - 1; // rarest class
  if (options.positiveClass !== undefined) {
    const p = classIndex.get(options.positiveClass);
    if (p === undefined) throw new DataError(`utility: positive class ${JSON.stringify(options.positiveClass)} not found in train`);
    positive = p;
  }
  const holdoutIndex = buildEntityIndex(tables.holdout, entity && tables.holdout.columns.some((c) => c.name === entity) ? entity : null);
  const n: SampleSizes = { real: tables.train.nRows, synthetic: tables.synthetic.nRows, holdout: tables.holdout.nRows };
  if (entity) {
    n.entities = {
      real: buildEntityIndex(tables.train, entity).nEntities,
      synthetic: buildEntityIndex(tables.synthetic, tables.synthetic.columns.some((c) => c.name === entity) ? entity : null).nEntities,
      holdout: holdoutIndex.nEntities,
    };
  }
  return {
    kind,
    encoder,
    X: { train: encoder.transform(tables.train), holdout: encoder.transform(tables.holdout), synthetic: encoder.transform(tables.synthetic) },
    y: { train: codes(tables.train), holdout: codes(tables.holdout), synthetic: codes(tables.synthetic) },
    classes,
    positive,
    holdoutIndex,
    n,
    warnings,
    classifier: options.classifier ?? logisticRegressionClassifier({ classWeight: "balanced", tol: 1e-6 }),
    regressor: options.regressor ?? ridgeRegressor(),
    subsample: { train: trainSub.record, synthetic: synSub.record },
  };
}

/**
 * Fits the task's model on (X, y) and predicts the holdout; the prediction keeps what scoring needs (arg-max
 * classes, scores sorted once per class) so bootstrap resamples cost one pass each.
 */
export async function fitAndPredict(task: PreparedTask, X: Matrix, y: Int32Array | Float64Array, rng: Rng): Promise<Prediction> {
  if (task.kind === "classification") {
    const model = task.classifier.create();
    await model.fit(X, { codes: y as Int32Array, nClasses: task.classes.length }, rng);
    const proba = await model.predictProba(task.X.holdout);
    const K = task.classes.length;
    const n = proba.rows;
    const yTrue = task.y.holdout as Int32Array;
    const predicted = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < K; c++) if ((proba.data[i * K + c] as number) > (proba.data[i * K + best] as number)) best = c;
      predicted[i] = best;
    }
    const classesScored = K === 2 ? [task.positive] : Array.from({ length: K }, (_, c) => c);
    const ranked = classesScored.map((c) =>
      rankScores(
        Array.from({ length: n }, (_, i) => proba.data[i * K + c] as number),
        Array.from(yTrue, (v) => (v === c ? 1 : 0)),
      ),
    );
    return { proba, predicted, ranked };
  }
  const model = task.regressor.create();
  await model.fit(X, y as Float64Array, rng);
  return { values: await model.predict(task.X.holdout) };
}

/**
 * Scores a prediction on the holdout, with an optional weight per holdout row (a cluster-bootstrap resample).
 * Classification: AUC (two classes: of the positive class; more: macro one-vs-rest over classes with both
 * positives and negatives, as sklearn's `multi_class="ovr"`), and F1 of the arg-max class (binary: of the
 * positive class; more: macro). Regression: R².
 */
export function scorePrediction(task: PreparedTask, prediction: Prediction, weights?: Float64Array): TaskScores {
  if ("values" in prediction) {
    const r2 = r2Score(task.y.holdout as Float64Array, prediction.values, weights);
    return { primary: r2, r2 };
  }
  const K = task.classes.length;
  const yTrue = task.y.holdout as Int32Array;
  let auc: number;
  let f1: number;
  if (K === 2) {
    auc = weightedAuc(prediction.ranked[0] as RankedScores, weights);
    f1 = f1Score(yTrue, prediction.predicted, task.positive, weights);
  } else {
    let sum = 0;
    let count = 0;
    for (const ranked of prediction.ranked) {
      const a = weightedAuc(ranked, weights);
      if (!Number.isNaN(a)) {
        sum += a;
        count++;
      }
    }
    auc = count === 0 ? Number.NaN : sum / count;
    f1 = macroF1(yTrue, prediction.predicted, K, weights);
  }
  return { primary: auc, auc, f1 };
}
