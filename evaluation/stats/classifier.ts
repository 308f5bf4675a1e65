import type { Rng } from "../../core/rng.js";
import type { Matrix } from "./matrix.js";

/** Class labels for a classifier: codes 0..nClasses−1, one per row. */
export interface ClassLabels {
  codes: Int32Array;
  /** Number of classes, even if some are absent from a training fold (predictions always have this width). */
  nClasses: number;
}

/**
 * A trainable probabilistic classifier, the pluggable model of detection and utility metrics.
 *
 * Logistic regression ({@link logisticRegressionClassifier}) is built in; an MLP (tfjs) can be plugged in by
 * implementing this interface. Methods may be async so GPU/wasm back-ends fit without blocking designs; all
 * randomness (initialisation, shuffling) must come from the given Rng.
 */
export interface Classifier {
  fit(X: Matrix, y: ClassLabels, rng: Rng): void | Promise<void>;
  /** Class probabilities, n × nClasses row-major, rows summing to 1. */
  predictProba(X: Matrix): Matrix | Promise<Matrix>;
}

/** Makes fresh, unfitted classifiers: one per fold or per training set. */
export interface ClassifierFactory {
  /** Short name for reports, e.g. "logistic-regression", "mlp". */
  readonly name: string;
  create(): Classifier;
}

/** A trainable regressor for numeric targets (utility metrics). */
export interface Regressor {
  fit(X: Matrix, y: Float64Array, rng: Rng): void | Promise<void>;
  predict(X: Matrix): Float64Array | Promise<Float64Array>;
}

export interface RegressorFactory {
  readonly name: string;
  create(): Regressor;
}
