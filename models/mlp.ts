import { initTf, tf } from "../core/tf-backend.js";
import type { Rng } from "../core/rng.js";
import type { ClassLabels, Classifier, ClassifierFactory, Regressor, RegressorFactory } from "../evaluation/stats/classifier.js";
import type { Matrix } from "../evaluation/stats/matrix.js";

/**
 * A multilayer perceptron in TensorFlow.js, as the non-linear model of detection (classifier two-sample test) and
 * utility (train-synthetic-test-real) metrics, next to logistic regression. Defaults follow common practice for
 * tabular MLP baselines (two ReLU layers, Adam, L2), e.g. synthcity's `detection_mlp` and sklearn's
 * MLPClassifier (Adam, learning rate 1e-3, L2 1e-4).
 *
 * Deterministic: weights are initialised from seeds drawn from the given Rng and mini-batches are shuffled by it,
 * so the same data and Rng give the same predictions on the same backend.
 */
export interface MlpOptions {
  /** Hidden layer widths; default [64, 32]. */
  hidden?: readonly number[];
  /** Passes over the training data; default 30. */
  epochs?: number;
  /** Rows per gradient step; default 256. */
  batchSize?: number;
  /** Adam step size; default 1e-3 (sklearn's MLPClassifier default). */
  learningRate?: number;
  /** L2 penalty on the weights; default 1e-4 (sklearn's `alpha` default). */
  l2?: number;
}

const DEFAULTS = { hidden: [64, 32], epochs: 30, batchSize: 256, learningRate: 1e-3, l2: 1e-4 } as const;

function toTensor(X: Matrix, rows?: Int32Array): tf.Tensor2D {
  if (!rows) return tf.tensor2d(Float32Array.from(X.data), [X.rows, X.cols]);
  const out = new Float32Array(rows.length * X.cols);
  for (let i = 0; i < rows.length; i++) {
    const src = (rows[i] as number) * X.cols;
    for (let j = 0; j < X.cols; j++) out[i * X.cols + j] = X.data[src + j] as number;
  }
  return tf.tensor2d(out, [rows.length, X.cols]);
}

function buildNetwork(inputs: number, outputs: number, activation: "softmax" | "linear", options: Required<MlpOptions>, rng: Rng): tf.Sequential {
  const model = tf.sequential();
  const seed = () => rng.int(2 ** 31 - 1);
  options.hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: "relu",
        ...(i === 0 ? { inputShape: [inputs] } : {}),
        kernelInitializer: tf.initializers.heNormal({ seed: seed() }),
        kernelRegularizer: tf.regularizers.l2({ l2: options.l2 }),
      }),
    );
  });
  model.add(
    tf.layers.dense({
      units: outputs,
      activation,
      ...(options.hidden.length === 0 ? { inputShape: [inputs] } : {}),
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed() }),
    }),
  );
  model.compile({ optimizer: tf.train.adam(options.learningRate), loss: activation === "softmax" ? "categoricalCrossentropy" : "meanSquaredError" });
  return model;
}

/** Mini-batch training in an order drawn from `rng` (tfjs's own shuffling would not be seeded). */
async function train(model: tf.Sequential, X: Matrix, targets: Float32Array, width: number, options: Required<MlpOptions>, rng: Rng): Promise<void> {
  const order = Int32Array.from({ length: X.rows }, (_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    for (let start = 0; start < order.length; start += options.batchSize) {
      const rows = order.subarray(start, Math.min(order.length, start + options.batchSize));
      const xb = toTensor(X, rows);
      const yData = new Float32Array(rows.length * width);
      for (let r = 0; r < rows.length; r++) {
        const src = (rows[r] as number) * width;
        for (let c = 0; c < width; c++) yData[r * width + c] = targets[src + c] as number;
      }
      const yb = tf.tensor2d(yData, [rows.length, width]);
      await model.trainOnBatch(xb, yb);
      xb.dispose();
      yb.dispose();
    }
  }
}

async function predictRows(model: tf.Sequential, X: Matrix): Promise<Float32Array> {
  const x = toTensor(X);
  const y = model.predict(x, { batchSize: 4096 }) as tf.Tensor;
  const data = (await y.data()) as Float32Array;
  x.dispose();
  y.dispose();
  return data;
}

class MlpClassifier implements Classifier {
  private model: tf.Sequential | null = null;
  private nClasses = 0;
  constructor(private readonly options: Required<MlpOptions>) {}

  async fit(X: Matrix, y: ClassLabels, rng: Rng): Promise<void> {
    await initTf();
    this.model?.dispose();
    this.nClasses = y.nClasses;
    const oneHot = new Float32Array(X.rows * y.nClasses);
    for (let i = 0; i < X.rows; i++) oneHot[i * y.nClasses + (y.codes[i] as number)] = 1;
    this.model = buildNetwork(X.cols, y.nClasses, "softmax", this.options, rng);
    await train(this.model, X, oneHot, y.nClasses, this.options, rng);
  }

  async predictProba(X: Matrix): Promise<Matrix> {
    if (!this.model) throw new Error("mlp classifier has not been fitted");
    const probs = await predictRows(this.model, X);
    return { data: Float64Array.from(probs), rows: X.rows, cols: this.nClasses };
  }
}

class MlpRegressor implements Regressor {
  private model: tf.Sequential | null = null;
  private mean = 0;
  private sd = 1;
  constructor(private readonly options: Required<MlpOptions>) {}

  async fit(X: Matrix, y: Float64Array, rng: Rng): Promise<void> {
    await initTf();
    this.model?.dispose();
    // Standardise the target so one learning rate suits any unit (years, mm, counts).
    let sum = 0;
    for (const v of y) sum += v;
    this.mean = sum / Math.max(1, y.length);
    let ss = 0;
    for (const v of y) ss += (v - this.mean) ** 2;
    this.sd = Math.sqrt(ss / Math.max(1, y.length)) || 1;
    const targets = Float32Array.from(y, (v) => (v - this.mean) / this.sd);
    this.model = buildNetwork(X.cols, 1, "linear", this.options, rng);
    await train(this.model, X, targets, 1, this.options, rng);
  }

  async predict(X: Matrix): Promise<Float64Array> {
    if (!this.model) throw new Error("mlp regressor has not been fitted");
    const out = await predictRows(this.model, X);
    return Float64Array.from(out, (v) => v * this.sd + this.mean);
  }
}

function resolve(options: MlpOptions): Required<MlpOptions> {
  return { ...DEFAULTS, ...options, hidden: options.hidden ?? DEFAULTS.hidden };
}

/** Factory of fresh MLP classifiers (one per fold or training set). */
export function mlpClassifier(options: MlpOptions = {}): ClassifierFactory {
  const resolved = resolve(options);
  return { name: "mlp", create: () => new MlpClassifier(resolved) };
}

/** Factory of fresh MLP regressors. */
export function mlpRegressor(options: MlpOptions = {}): RegressorFactory {
  const resolved = resolve(options);
  return { name: "mlp", create: () => new MlpRegressor(resolved) };
}
