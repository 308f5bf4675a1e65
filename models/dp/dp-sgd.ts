import type { Rng } from "../../core/rng.js";
import { tf } from "../../core/tf-backend.js";

/**
 * DP-SGD (Abadi et al. 2016, "Deep Learning with Differential Privacy") for small TensorFlow.js networks: each
 * row's gradient is clipped to L2 norm C (`maxGradNorm`), the clipped gradients are summed, Gaussian noise
 * N(0, σ²C²) drawn from an {@link Rng} is added to every coordinate, and the result is divided by the expected
 * batch size. With Poisson batches (every row joins a step independently with probability q) the RDP accountant
 * in rdp-accountant.ts gives the privacy spent.
 *
 * Per-example gradients without a loop. A model is written against {@link ParamOps}: every dense layer goes
 * through `ops.dense` and every parameter vector a row uses whole (e.g. a learned per-column σ) through
 * `ops.row`, each exactly once per forward pass. The gradient of a dense layer for example i is then the outer
 * product of its input a_i and the gradient δ_i of the loss with respect to its output, so
 * ‖g_i‖² = (‖a_i‖² + 1)·‖δ_i‖² (the +1 is the bias) and the clipped sum is Aᵀ(c ⊙ Δ) (Goodfellow 2015,
 * "Efficient per-example gradient computations", arXiv 1510.01799; Lee & Kifer 2021 use the same identity).
 * The δ_i come from one backward pass with respect to zero "probe" tensors added to each layer's output, so a
 * DP step costs about one ordinary step plus two matrix products per layer.
 * {@link perExampleGradientsByLoop} is the slow, obviously-correct reference the tests compare against.
 */

/** A dense layer y = x·W + b, W of shape [in, out], b of shape [out]. */
export interface DenseParams {
  kind: "dense";
  weight: tf.Variable;
  bias: tf.Variable;
}

/** A parameter vector of shape [k] that every row uses whole. */
export interface RowParams {
  kind: "row";
  param: tf.Variable;
}

export type ParamGroup = DenseParams | RowParams;

/** How a model reaches its parameters, so DP-SGD can see each layer's inputs and output gradients. */
export interface ParamOps {
  /** x·W + b. */
  dense(x: tf.Tensor2D, layer: DenseParams): tf.Tensor2D;
  /** The vector as a [1, k] or [rows, k] tensor, to broadcast against per-row values. */
  row(group: RowParams): tf.Tensor2D;
}

/** A model whose per-example losses DP-SGD can differentiate. `Batch` is whatever the model builds rows from. */
export interface PerExampleModel<Batch> {
  /** Every trainable parameter, each in exactly one group. */
  readonly params: readonly ParamGroup[];
  /** Loss of each row of the batch, shape [rows]; every group reached once through `ops`. */
  lossPerExample(ops: ParamOps, batch: Batch): tf.Tensor1D;
}

/** The variables of `params` in a fixed order: W then b for a dense layer, the vector for a row group. */
export function variablesOf(params: readonly ParamGroup[]): tf.Variable[] {
  return params.flatMap((p) => (p.kind === "dense" ? [p.weight, p.bias] : [p.param]));
}

/**
 * x·W whose gradient multiplies by explicitly transposed operands. tfjs-backend-wasm 4.22 runs matMul with the
 * transposeA/transposeB flags, which MatMul's stock gradient uses, about ten times slower than a transpose
 * followed by a plain matMul (measured: 35 ms against 3.5 ms for [500×128]·[361×128]ᵀ).
 */
const matMulWithPlainGradient = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, save] = inputs as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.matMul(x, w),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [xs, ws] = saved as [tf.Tensor2D, tf.Tensor2D];
      return [tf.matMul(dy as tf.Tensor2D, tf.transpose(ws)), tf.matMul(tf.transpose(xs), dy as tf.Tensor2D)];
    },
  };
});

export function matMulFast(x: tf.Tensor2D, w: tf.Tensor): tf.Tensor2D {
  return matMulWithPlainGradient(x, w) as tf.Tensor2D;
}

/**
 * x·W for DP-SGD's probe pass, which differentiates with respect to the probes only: the gradient reaching W is
 * never used there (the clipped weight gradients are rebuilt from the layer inputs), so it is returned as zeros
 * instead of computed. Not for use where W's gradient matters.
 */
const matMulInputGradientOnly = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, save] = inputs as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([w]);
  return {
    value: tf.matMul(x, w),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const ws = saved[0] as tf.Tensor2D;
      return [tf.matMul(dy as tf.Tensor2D, tf.transpose(ws)), tf.zerosLike(ws)];
    },
  };
});

/** Ordinary (non-private) forward ops. */
export const plainOps: ParamOps = {
  dense: (x, layer) => tf.add(matMulFast(x, layer.weight), layer.bias),
  row: (group) => tf.reshape(group.param, [1, -1]),
};

export interface ClippedGradients {
  /** Σ_i min(1, C/‖g_i‖)·g_i per variable, aligned with {@link variablesOf}. Caller disposes. */
  sums: tf.Tensor[];
  /** ‖g_i‖ of each example before clipping. */
  norms: Float32Array;
  /** Mean per-example loss of the batch (for progress). */
  meanLoss: number;
}

/**
 * Per-example gradient norms and the sum of the clipped per-example gradients of one batch of `rows` rows.
 * Clip factor min(1, C/(‖g_i‖ + 1e-6)), as Opacus.
 */
export function clippedGradientSum<Batch>(model: PerExampleModel<Batch>, batch: Batch, rows: number, maxGradNorm: number): ClippedGradients {
  const groups = model.params;
  const index = new Map<ParamGroup, number>(groups.map((g, i) => [g, i]));
  const widths = groups.map((g) => (g.kind === "dense" ? (g.weight.shape[1] as number) : (g.param.shape[0] as number)));
  const probes = widths.map((w) => tf.zeros([rows, w]) as tf.Tensor2D);
  const inputs: (tf.Tensor2D | undefined)[] = new Array(groups.length);
  const used = new Array<boolean>(groups.length).fill(false);
  const slot = (group: ParamGroup): number => {
    const i = index.get(group);
    if (i === undefined) throw new Error("dp-sgd: the model used a parameter group it did not list in `params`");
    if (used[i]) throw new Error("dp-sgd: a parameter group was used twice in one forward pass (per-example norms would be wrong)");
    used[i] = true;
    return i;
  };
  try {
    const { value, grads } = tf.valueAndGrads((...ps: tf.Tensor[]) => {
      const ops: ParamOps = {
        dense: (x, layer) => {
          const i = slot(layer);
          inputs[i] = tf.keep(tf.clone(x)); // a clone, so disposing it later never frees the caller's tensor
          return tf.add(tf.add(matMulInputGradientOnly(x, layer.weight) as tf.Tensor2D, layer.bias), ps[i] as tf.Tensor2D);
        },
        row: (group) => tf.add(tf.reshape(group.param, [1, -1]), ps[slot(group)] as tf.Tensor2D),
      };
      const losses = model.lossPerExample(ops, batch);
      if (used.some((u) => !u)) throw new Error("dp-sgd: the model did not use every parameter group it listed");
      return tf.sum(losses);
    })(probes);
    const meanLoss = (value.dataSync()[0] as number) / Math.max(1, rows);
    value.dispose();
    const { sums, normsTensor } = tf.tidy(() => {
      let normSq: tf.Tensor1D = tf.zeros([rows]);
      const deltaSq = grads.map((d) => tf.sum(tf.square(d), 1) as tf.Tensor1D);
      groups.forEach((g, i) => {
        const ds = deltaSq[i] as tf.Tensor1D;
        normSq = g.kind === "dense" ? tf.add(normSq, tf.mul(ds, tf.add(tf.sum(tf.square(inputs[i] as tf.Tensor2D), 1), 1))) : tf.add(normSq, ds);
      });
      const norms = tf.sqrt(normSq);
      const factor = tf.minimum(1, tf.div(maxGradNorm, tf.add(norms, 1e-6))).reshape([rows, 1]);
      const out: tf.Tensor[] = [];
      groups.forEach((g, i) => {
        const scaled = tf.mul(grads[i] as tf.Tensor2D, factor) as tf.Tensor2D;
        if (g.kind === "dense") out.push(tf.matMul(tf.transpose(inputs[i] as tf.Tensor2D), scaled), tf.sum(scaled, 0));
        else out.push(tf.sum(scaled, 0));
      });
      return { sums: out, normsTensor: norms };
    });
    const norms = Float32Array.from(normsTensor.dataSync() as Float32Array);
    normsTensor.dispose();
    tf.dispose(grads);
    return { sums, norms, meanLoss };
  } finally {
    tf.dispose(probes);
    for (const t of inputs) t?.dispose();
  }
}

export interface DpSgdOptions {
  /** Clipping norm C of each example's whole gradient. */
  maxGradNorm: number;
  /** σ: the noise standard deviation is σ·C. */
  noiseMultiplier: number;
  /** Divisor of the noisy sum: q·n for Poisson batches (not the realised size, which would leak it), B for fixed. */
  expectedBatchSize: number;
  /** Source of the Gaussian noise. */
  rng: Rng;
}

/**
 * One DP-SGD gradient: (Σ_i clip(g_i) + N(0, σ²C²·I)) / expectedBatchSize per variable, keyed by variable name
 * (ready for `optimizer.applyGradients`). An empty batch (possible with Poisson sampling) gives pure noise, as
 * the analysis requires. Caller disposes the tensors.
 */
export function dpSgdGradients<Batch>(model: PerExampleModel<Batch>, batch: Batch, rows: number, options: DpSgdOptions): { grads: Record<string, tf.Tensor>; norms: Float32Array; meanLoss: number } {
  const variables = variablesOf(model.params);
  let sums: (tf.Tensor | null)[];
  let norms: Float32Array = new Float32Array(0);
  let meanLoss = Number.NaN;
  if (rows > 0) {
    const clipped = clippedGradientSum(model, batch, rows, options.maxGradNorm);
    sums = clipped.sums;
    norms = clipped.norms;
    meanLoss = clipped.meanLoss;
  } else {
    sums = variables.map(() => null);
  }
  const std = options.noiseMultiplier * options.maxGradNorm;
  const grads: Record<string, tf.Tensor> = {};
  variables.forEach((v, k) => {
    const sum = sums[k];
    const data = sum ? Float32Array.from(sum.dataSync() as Float32Array) : new Float32Array(v.size);
    sum?.dispose();
    for (let j = 0; j < data.length; j++) data[j] = ((data[j] as number) + options.rng.normal(0, std)) / options.expectedBatchSize;
    grads[v.name] = tf.tensor(data, v.shape);
  });
  return { grads, norms, meanLoss };
}

/**
 * Each example's full gradient, flattened in {@link variablesOf} order, by one backward pass per example: slow,
 * for tests and for models that cannot be written with {@link ParamOps}.
 */
export function perExampleGradientsByLoop<Batch>(model: PerExampleModel<Batch>, singleRowBatches: readonly Batch[]): Float32Array[] {
  const variables = variablesOf(model.params);
  return singleRowBatches.map((batch) => {
    const { value, grads } = tf.variableGrads(() => tf.sum(model.lossPerExample(plainOps, batch)) as tf.Scalar, variables);
    value.dispose();
    const parts = variables.map((v) => grads[v.name]?.dataSync() ?? new Float32Array(v.size));
    const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
    tf.dispose(Object.values(grads));
    return out;
  });
}

/**
 * A Poisson batch: each of the `n` row indices independently with probability `q`, drawn with geometric gaps
 * (P(gap ≥ k) = (1−q)^k), so a step costs O(qn) draws rather than n.
 */
export function poissonBatch(n: number, q: number, rng: Rng): Int32Array {
  if (q >= 1) return Int32Array.from({ length: n }, (_, i) => i);
  if (q <= 0) return new Int32Array(0);
  const out: number[] = [];
  const log1mQ = Math.log1p(-q);
  let i = 0;
  for (;;) {
    const u = 1 - rng.next(); // (0, 1]
    i += Math.floor(Math.log(u) / log1mQ);
    if (i >= n) break;
    out.push(i);
    i++;
  }
  return Int32Array.from(out);
}

/** One epoch of fixed-size batches: the rows shuffled by `rng` (Fisher-Yates) and cut into chunks. */
export function shuffledBatches(n: number, batchSize: number, rng: Rng): Int32Array[] {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  const out: Int32Array[] = [];
  for (let start = 0; start < n; start += batchSize) out.push(order.subarray(start, Math.min(n, start + batchSize)));
  return out;
}
