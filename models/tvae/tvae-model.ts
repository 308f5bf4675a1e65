import { parseConfig } from "../../core/config.js";
import { UsageError } from "../../core/errors.js";
import type { Rng } from "../../core/rng.js";
import { initTf, tf } from "../../core/tf-backend.js";
import { dpSgdGradients, plainOps, poissonBatch, shuffledBatches, variablesOf } from "../dp/dp-sgd.js";
import { dpSgdEpsilon, noiseMultiplierFor, RDP_ACCOUNTANT_NAME, WIDE_ORDERS } from "../dp/rdp-accountant.js";
import type { EncodedTable } from "../model-schema.js";
import type { PrivacyLedger } from "../privacy-ledger.js";
import { TabularModel, type ModelState } from "../tabular-model.js";
import { buildLayout, decodeRows, encodeRows, type Layout } from "./data-transformer.js";
import { tvaeHyperparametersSchema, type TvaeHyperparameters } from "./hyperparameters.js";
import { TvaeNetwork, type NetworkShape, type TvaeBatch } from "./network.js";

/**
 * TVAE: the tabular variational autoencoder of Xu et al. (2019), "Modeling Tabular Data using Conditional GAN"
 * (NeurIPS), implemented from the paper's description of TVAE: mode-specific normalisation of continuous columns
 * (data-transformer.ts, mode-normaliser.ts), an encoder/decoder pair trained on the ELBO (network.ts), sampling
 * z ~ N(0, I) and decoding. Given a context at fit, it is a conditional VAE: the context's encoding joins the
 * encoder's and the decoder's inputs, and sampling takes one context row per sample.
 *
 * With `epsilon` (or `noiseMultiplier`) it trains with DP-SGD (models/dp) and records the spend in the privacy
 * ledger. Continuous columns are then scaled by their [min, max] instead of fitted Gaussian mixtures, because a
 * mixture fitted on the data would itself leak; the min, max and category lists still come from the data, and the
 * ledger says so.
 *
 * Deterministic: weights are initialised from the Rng, batches and latent draws come from forks of it, so the
 * same data, hyperparameters and seed give the same weights and samples on the same tfjs backend.
 */
export class TvaeModel extends TabularModel<TvaeHyperparameters> {
  readonly kind = "tvae";
  readonly stateVersion = 1;
  private fittedState: FittedState | undefined;

  /** DP-SGD settings and spend of the last fit (null when fitted without DP). */
  get dpTraining(): DpTraining | null {
    return this.fittedState?.dp ?? null;
  }

  protected async fitEncoded(data: EncodedTable, context: EncodedTable | undefined, rng: Rng, onProgress: (fraction: number, message: string) => void): Promise<void> {
    await initTf();
    const h = this.hyperparameters;
    const n = data.nRows;
    const privately = h.epsilon !== undefined || h.noiseMultiplier !== undefined;
    const dp = privately ? planDp(h, n) : null; // first, so an unreachable budget fails before any work
    const layoutOptions = { scaling: privately ? ("minmax" as const) : ("modes" as const), maxModes: h.maxModes, weightThreshold: h.modeWeightThreshold };
    const layout = buildLayout(data.columns, data, rng.fork("layout"), layoutOptions);
    const contextLayout = context ? buildLayout(context.columns, context, rng.fork("context-layout"), layoutOptions) : null;
    const x = encodeRows(layout, data.values, n, rng.fork("encode"));
    const c = context && contextLayout && contextLayout.width > 0 ? encodeRows(contextLayout, context.values, n, null) : null;
    const shape: NetworkShape = {
      dataWidth: layout.width,
      contextWidth: c && contextLayout ? contextLayout.width : 0,
      nAlpha: layout.nAlpha,
      embeddingDim: h.embeddingDim,
      compressDims: [...h.compressDims],
      decompressDims: [...h.decompressDims],
      runs: layout.runs,
    };
    let weights: Record<string, Float32Array> = {};
    if (layout.width > 0) {
      const network = TvaeNetwork.initial(shape, h.lossFactor, rng.fork("init"));
      const optimizer = tf.train.adam(h.learningRate);
      try {
        const trainer = new Trainer(network, optimizer, h, x, c, n, rng);
        if (dp) await trainer.trainPrivately(dp, onProgress);
        else await trainer.train(onProgress);
        weights = network.weights();
      } finally {
        network.dispose();
        optimizer.dispose();
      }
    }
    this.fittedState = { layout, contextLayout, shape, weights, dp };
    if (dp) this.setPrivacy(dpLedger(dp));
  }

  protected async sampleEncoded(n: number, rng: Rng, context: EncodedTable | undefined): Promise<EncodedTable> {
    const state = this.fittedState;
    if (!state) throw new Error("tvae: sampleEncoded before fit or load");
    const columns = [...this.schema];
    const values = columns.map(() => new Float64Array(n));
    if (n === 0) return { columns, values, nRows: 0 };
    await initTf();
    const { layout, contextLayout, shape } = state;
    const c = context && contextLayout && shape.contextWidth > 0 ? encodeRows(contextLayout, context.values, n, null) : null;
    const sigmas = state.weights["decoder.sigma"] ?? null;
    const latentRng = rng.fork("latent");
    const drawRng = rng.fork("decode");
    const network = layout.width > 0 ? TvaeNetwork.fromWeights(shape, this.hyperparameters.lossFactor, state.weights) : null;
    try {
      const chunk = 4096;
      for (let start = 0; start < n; start += chunk) {
        const m = Math.min(chunk, n - start);
        let raw: Float32Array = new Float32Array(0);
        if (network) {
          const output = tf.tidy(() => {
            const z = tf.randomNormal([m, shape.embeddingDim], 0, 1, "float32", latentRng.int(2 ** 31 - 1)) as tf.Tensor2D;
            const ctx = c ? tf.tensor2d(c.subarray(start * shape.contextWidth, (start + m) * shape.contextWidth), [m, shape.contextWidth]) : null;
            return network.decode(plainOps, z, ctx);
          });
          raw = output.dataSync() as Float32Array;
          output.dispose();
        }
        const decoded = decodeRows(layout, raw, m, sigmas, drawRng, this.hyperparameters.discreteSampling);
        decoded.forEach((column, j) => (values[j] as Float64Array).set(column, start));
      }
    } finally {
      network?.dispose();
    }
    return { columns, values, nRows: n };
  }

  protected saveState(): ModelState {
    const state = this.fittedState;
    if (!state) throw new Error("tvae: saveState before fit");
    return { json: { layout: state.layout, contextLayout: state.contextLayout, shape: state.shape, dp: state.dp }, arrays: { ...state.weights } };
  }

  protected loadState(saved: ModelState): void {
    const json = saved.json as Omit<FittedState, "weights">;
    if (!json || typeof json !== "object" || !json.layout || !json.shape) throw new Error("tvae: the saved state has no layout or shape");
    const weights: Record<string, Float32Array> = {};
    for (const [name, array] of Object.entries(saved.arrays)) {
      if (!(array instanceof Float32Array)) throw new Error(`tvae: saved weight ${name} is not float32`);
      weights[name] = array;
    }
    this.fittedState = { layout: json.layout, contextLayout: json.contextLayout ?? null, shape: json.shape, weights, dp: json.dp ?? null };
  }
}

/** Parses the hyperparameters (defaults filled in) and returns an unfitted TVAE. */
export function createTvae(input: unknown): TvaeModel {
  return new TvaeModel(parseConfig(tvaeHyperparametersSchema, input ?? {}));
}

interface FittedState {
  layout: Layout;
  contextLayout: Layout | null;
  shape: NetworkShape;
  weights: Record<string, Float32Array>;
  dp: DpTraining | null;
}

/** What a DP fit ran with and spent; saved with the model. */
export interface DpTraining {
  noiseMultiplier: number;
  maxGradNorm: number;
  /** Probability a row joins a step (Poisson), or batch size / rows (fixed). */
  sampleRate: number;
  steps: number;
  stepsPerEpoch: number;
  batchSize: number;
  batching: "poisson" | "fixed";
  delta: number;
  /** Epsilon spent at delta (RDP accountant, improved conversion), never above the target. */
  epsilon: number;
  targetEpsilon: number | null;
  /** The RDP order that gave the epsilon. */
  order: number;
}

/** DP delta when none is given: min(1e-5, 1/(10·rows)), comfortably below the usual 1/rows ceiling. */
export function defaultDelta(rows: number): number {
  return Math.min(1e-5, 1 / (10 * rows));
}

/** Solves the DP-SGD schedule and noise before training, so an impossible budget fails fast. */
function planDp(h: TvaeHyperparameters, n: number): DpTraining {
  const batchSize = Math.min(h.batchSize, n);
  const stepsPerEpoch = Math.ceil(n / batchSize);
  // Poisson: q = 1/stepsPerEpoch, as Opacus's DPDataLoader, so an "epoch" is stepsPerEpoch steps of expected size n·q.
  const sampleRate = h.batching === "poisson" ? 1 / stepsPerEpoch : batchSize / n;
  const steps = h.epochs * stepsPerEpoch;
  const delta = h.delta ?? defaultDelta(n);
  const noiseMultiplier = h.noiseMultiplier ?? noiseMultiplierFor(h.epsilon as number, delta, sampleRate, steps, { orders: WIDE_ORDERS });
  const spent = dpSgdEpsilon({ sampleRate, noiseMultiplier, steps, delta, orders: WIDE_ORDERS });
  if (h.epsilon !== undefined && spent.epsilon > h.epsilon) {
    throw new UsageError(
      [{ path: "noiseMultiplier", message: `${noiseMultiplier} spends epsilon ${spent.epsilon.toFixed(3)} over ${steps} steps, more than the budget ${h.epsilon}` }],
      "Raise noiseMultiplier, or leave it out to have it solved from epsilon.",
    );
  }
  return {
    noiseMultiplier,
    maxGradNorm: h.maxGradNorm,
    sampleRate,
    steps,
    stepsPerEpoch,
    batchSize,
    batching: h.batching,
    delta,
    epsilon: spent.epsilon,
    targetEpsilon: h.epsilon ?? null,
    order: spent.order,
  };
}

function dpLedger(dp: DpTraining): PrivacyLedger {
  const settings = `noise multiplier ${round(dp.noiseMultiplier)}, clipping norm ${dp.maxGradNorm}, sampling rate ${round(dp.sampleRate)}, ${dp.steps} steps`;
  return {
    mechanism: "dp-sgd",
    epsilon: dp.epsilon,
    delta: dp.delta,
    unit: "row",
    accountant: `${RDP_ACCOUNTANT_NAME} and 80–4096`,
    spends: [{ step: "dp-sgd", mechanism: `sampled Gaussian (${settings})`, epsilon: dp.epsilon, delta: dp.delta }],
    notes: [
      `DP-SGD (Abadi et al. 2016): every training row's gradient clipped to L2 norm ${dp.maxGradNorm}, Gaussian noise with ${settings}; epsilon from the RDP accountant with the conversion of Balle et al. 2020 (best order ${dp.order}).`,
      dp.batching === "poisson"
        ? "Batches were Poisson-sampled (each row joins a step independently), as the RDP analysis assumes."
        : "Batches were shuffled fixed-size chunks; the RDP analysis assumes Poisson sampling, so this epsilon is the usual approximation, not a proof.",
      "Not covered by DP: each column's domain (numeric min and max, category lists, whether it has missing values) was read from the training data, for the modelled and the context columns. Continuous columns were scaled by that [min, max] (no Gaussian-mixture modes, which would need the data without DP).",
      "The unit is one row: a patient with several rows is protected only up to group privacy over their rows.",
    ],
  };
}

function round(v: number): number {
  return Number(v.toPrecision(4));
}

/** The two training loops (ordinary and DP-SGD) over one network. */
class Trainer {
  private readonly variables: tf.Variable[];
  private readonly batchRng: Rng;
  private readonly latentRng: Rng;
  private readonly noiseRng: Rng;

  constructor(
    private readonly network: TvaeNetwork,
    private readonly optimizer: tf.Optimizer,
    private readonly h: TvaeHyperparameters,
    private readonly x: Float32Array,
    private readonly c: Float32Array | null,
    private readonly n: number,
    rng: Rng,
  ) {
    this.variables = variablesOf(network.params);
    this.batchRng = rng.fork("batches");
    this.latentRng = rng.fork("latent");
    this.noiseRng = rng.fork("dp-noise");
  }

  async train(onProgress: (fraction: number, message: string) => void): Promise<void> {
    const batchSize = Math.min(this.h.batchSize, this.n);
    for (let epoch = 0; epoch < this.h.epochs; epoch++) {
      let lossSum = 0;
      let rowsSeen = 0;
      for (const rows of shuffledBatches(this.n, batchSize, this.batchRng)) {
        const batch = this.batch(rows);
        const { value, grads } = tf.variableGrads(() => tf.mean(this.network.lossPerExample(plainOps, batch)) as tf.Scalar, this.variables);
        lossSum += (value.dataSync()[0] as number) * rows.length;
        rowsSeen += rows.length;
        value.dispose();
        this.step(grads);
        tf.dispose([batch.x, batch.noise, ...(batch.context ? [batch.context] : [])]);
      }
      onProgress((epoch + 1) / this.h.epochs, `epoch ${epoch + 1}/${this.h.epochs}, loss ${(lossSum / rowsSeen).toFixed(3)}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async trainPrivately(dp: DpTraining, onProgress: (fraction: number, message: string) => void): Promise<void> {
    for (let epoch = 0; epoch < this.h.epochs; epoch++) {
      const epochBatches =
        dp.batching === "poisson" ? Array.from({ length: dp.stepsPerEpoch }, () => poissonBatch(this.n, dp.sampleRate, this.batchRng)) : shuffledBatches(this.n, dp.batchSize, this.batchRng);
      let lossSum = 0;
      let rowsSeen = 0;
      for (const rows of epochBatches) {
        const batch = rows.length > 0 ? this.batch(rows) : null;
        const { grads, meanLoss } = dpSgdGradients(this.network, batch as TvaeBatch, rows.length, {
          maxGradNorm: dp.maxGradNorm,
          noiseMultiplier: dp.noiseMultiplier,
          // Poisson: divide by the expected size n·q, not the realised one (which would depend on the data).
          expectedBatchSize: dp.batching === "poisson" ? this.n * dp.sampleRate : rows.length,
          rng: this.noiseRng,
        });
        if (rows.length > 0) {
          lossSum += meanLoss * rows.length;
          rowsSeen += rows.length;
        }
        this.step(grads);
        if (batch) tf.dispose([batch.x, batch.noise, ...(batch.context ? [batch.context] : [])]);
      }
      onProgress((epoch + 1) / this.h.epochs, `epoch ${epoch + 1}/${this.h.epochs} (DP-SGD), loss ${(lossSum / Math.max(1, rowsSeen)).toFixed(3)}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Weight decay (L2 added to the gradient), Adam, then σ back into range. Disposes `grads`. */
  private step(grads: Record<string, tf.Tensor>): void {
    const decay = this.h.weightDecay;
    const named = tf.tidy(() => {
      const out: Record<string, tf.Tensor> = {};
      for (const v of this.variables) {
        const g = grads[v.name];
        if (g) out[v.name] = decay > 0 ? tf.add(g, tf.mul(v, decay)) : tf.clone(g);
      }
      return out;
    });
    tf.dispose(Object.values(grads));
    this.optimizer.applyGradients(named);
    tf.dispose(Object.values(named));
    this.network.clampSigma();
  }

  private batch(rows: Int32Array): TvaeBatch {
    const width = this.network.shape.dataWidth;
    const xb = new Float32Array(rows.length * width);
    rows.forEach((r, i) => xb.set(this.x.subarray(r * width, (r + 1) * width), i * width));
    let context: tf.Tensor2D | null = null;
    if (this.c) {
      const cw = this.network.shape.contextWidth;
      const cb = new Float32Array(rows.length * cw);
      rows.forEach((r, i) => cb.set((this.c as Float32Array).subarray(r * cw, (r + 1) * cw), i * cw));
      context = tf.tensor2d(cb, [rows.length, cw]);
    }
    return {
      x: tf.tensor2d(xb, [rows.length, width]),
      context,
      noise: tf.randomNormal([rows.length, this.network.shape.embeddingDim], 0, 1, "float32", this.latentRng.int(2 ** 31 - 1)) as tf.Tensor2D,
    };
  }
}
