import type { Rng } from "../../core/rng.js";
import { tf } from "../../core/tf-backend.js";
import type { DenseParams, ParamGroup, ParamOps, PerExampleModel, RowParams } from "../dp/dp-sgd.js";
import type { GroupRun } from "./data-transformer.js";

/**
 * The TVAE network (Xu et al. 2019, the TVAE model): an encoder q(z | r, c) of ReLU layers ending in μ
 * and log σ² of the latent z, and a decoder p(r | z, c) of ReLU layers ending in one output per slot of the row
 * vector: for each α slot a mean tanh(·) with a learned per-column standard deviation σ_j, for each one-hot group
 * softmax logits. With a context c (the conditioning columns, encoded like the data) the context vector is
 * concatenated to the encoder's input and to the decoder's input (a conditional VAE).
 *
 * Written against dp-sgd's ParamOps, so the same loss serves ordinary training and DP-SGD's per-example
 * gradients. Weights are initialised from the Rng like PyTorch's nn.Linear (U(±1/√fan_in) for weights and
 * biases), σ at 0.1, as the reference implementation.
 */
export interface NetworkShape {
  dataWidth: number;
  contextWidth: number;
  nAlpha: number;
  embeddingDim: number;
  compressDims: number[];
  decompressDims: number[];
  /** One-hot runs of the data layout (see data-transformer.ts), for the softmax cross-entropy. */
  runs: GroupRun[];
}

export interface TvaeBatch {
  /** Encoded rows [rows, dataWidth]. */
  x: tf.Tensor2D;
  /** Encoded context [rows, contextWidth], or null without a context. */
  context: tf.Tensor2D | null;
  /** Standard normal draws for the reparameterisation z = μ + σ·ε, [rows, embeddingDim]. */
  noise: tf.Tensor2D;
}

/** Range the per-column σ is kept in after every step (the reference implementation's clamp). */
export const SIGMA_RANGE: readonly [number, number] = [0.01, 1];

export class TvaeNetwork implements PerExampleModel<TvaeBatch> {
  readonly shape: NetworkShape;
  readonly encoder: DenseParams[];
  readonly decoder: DenseParams[];
  readonly sigma: RowParams | null;
  readonly params: ParamGroup[];
  private readonly lossFactor: number;

  private constructor(shape: NetworkShape, lossFactor: number, values: (name: string, size: number, fanIn: number) => Float32Array, trainable: boolean) {
    this.shape = shape;
    this.lossFactor = lossFactor;
    // tf.variable keeps its initial tensor alive beside the variable: dispose it.
    const variable = (initial: tf.Tensor) => {
      const v = tf.variable(initial, trainable);
      initial.dispose();
      return v;
    };
    const dense = (name: string, inputs: number, units: number): DenseParams => ({
      kind: "dense",
      weight: variable(tf.tensor2d(values(`${name}.weight`, inputs * units, inputs), [inputs, units])),
      bias: variable(tf.tensor1d(values(`${name}.bias`, units, inputs))),
    });
    let width = shape.dataWidth + shape.contextWidth;
    this.encoder = [];
    shape.compressDims.forEach((units, i) => {
      this.encoder.push(dense(`encoder.${i}`, width, units));
      width = units;
    });
    this.encoder.push(dense(`encoder.${shape.compressDims.length}`, width, 2 * shape.embeddingDim));
    width = shape.embeddingDim + shape.contextWidth;
    this.decoder = [];
    shape.decompressDims.forEach((units, i) => {
      this.decoder.push(dense(`decoder.${i}`, width, units));
      width = units;
    });
    this.decoder.push(dense(`decoder.${shape.decompressDims.length}`, width, shape.dataWidth));
    this.sigma = shape.nAlpha > 0 ? { kind: "row", param: variable(tf.tensor1d(values("decoder.sigma", shape.nAlpha, 0))) } : null;
    this.params = [...this.encoder, ...this.decoder, ...(this.sigma ? [this.sigma] : [])];
  }

  /** A freshly initialised network. */
  static initial(shape: NetworkShape, lossFactor: number, rng: Rng): TvaeNetwork {
    return new TvaeNetwork(
      shape,
      lossFactor,
      (name, size, fanIn) => {
        if (name === "decoder.sigma") return new Float32Array(size).fill(0.1);
        const bound = 1 / Math.sqrt(fanIn);
        return Float32Array.from({ length: size }, () => rng.uniform(-bound, bound));
      },
      true,
    );
  }

  /** A network with saved weights (from {@link weights}). */
  static fromWeights(shape: NetworkShape, lossFactor: number, weights: Record<string, Float32Array>, trainable = false): TvaeNetwork {
    return new TvaeNetwork(
      shape,
      lossFactor,
      (name, size) => {
        const w = weights[name];
        if (!w || w.length !== size) throw new Error(`tvae: saved weight ${name} is missing or has ${w?.length ?? 0} values for ${size}`);
        return w;
      },
      trainable,
    );
  }

  /** Every variable as a named Float32Array (names are safe file names: letters, digits, dots). */
  weights(): Record<string, Float32Array> {
    const out: Record<string, Float32Array> = {};
    const put = (name: string, v: tf.Variable) => {
      out[name] = Float32Array.from(v.dataSync() as Float32Array);
    };
    this.encoder.forEach((l, i) => {
      put(`encoder.${i}.weight`, l.weight);
      put(`encoder.${i}.bias`, l.bias);
    });
    this.decoder.forEach((l, i) => {
      put(`decoder.${i}.weight`, l.weight);
      put(`decoder.${i}.bias`, l.bias);
    });
    if (this.sigma) put("decoder.sigma", this.sigma.param);
    return out;
  }

  /** Keeps σ in {@link SIGMA_RANGE} (a projection after each step: post-processing, so DP-safe). */
  clampSigma(): void {
    if (!this.sigma) return;
    const param = this.sigma.param;
    tf.tidy(() => param.assign(tf.clipByValue(param, SIGMA_RANGE[0], SIGMA_RANGE[1])));
  }

  dispose(): void {
    for (const g of this.params) {
      if (g.kind === "dense") {
        g.weight.dispose();
        g.bias.dispose();
      } else g.param.dispose();
    }
  }

  /** Decoder outputs (raw: before tanh and softmax) for latent `z` and the optional context. */
  decode(ops: ParamOps, z: tf.Tensor2D, context: tf.Tensor2D | null): tf.Tensor2D {
    let h = context ? tf.concat([z, context], 1) : z;
    const last = this.decoder.length - 1;
    this.decoder.forEach((layer, i) => {
      h = ops.dense(h, layer);
      if (i < last) h = tf.relu(h);
    });
    return h;
  }

  /**
   * Negative ELBO of each row: lossFactor × reconstruction + KL(q(z | r, c) ‖ N(0, I)), where the reconstruction
   * is Σ_j [(α_j − tanh(ᾱ_j))²/(2σ_j²) + log σ_j] over the α slots plus the softmax cross-entropy of each
   * one-hot group (the reference implementation's loss, per row).
   */
  lossPerExample(ops: ParamOps, batch: TvaeBatch): tf.Tensor1D {
    const { x, context, noise } = batch;
    const rows = x.shape[0];
    const e = this.shape.embeddingDim;
    let h = context ? tf.concat([x, context], 1) : x;
    const last = this.encoder.length - 1;
    this.encoder.forEach((layer, i) => {
      h = ops.dense(h, layer);
      if (i < last) h = tf.relu(h);
    });
    const mu = tf.slice(h, [0, 0], [rows, e]);
    const logvar = tf.slice(h, [0, e], [rows, e]);
    const z = tf.add(mu, tf.mul(noise, tf.exp(tf.mul(logvar, 0.5)))) as tf.Tensor2D;
    const recon = this.decode(ops, z, context);

    const terms: tf.Tensor1D[] = [];
    if (this.sigma && this.shape.nAlpha > 0) {
      const sigma = ops.row(this.sigma);
      const diff = tf.sub(tf.slice(x, [0, 0], [rows, this.shape.nAlpha]), tf.tanh(tf.slice(recon, [0, 0], [rows, this.shape.nAlpha])));
      const nll = tf.add(tf.div(tf.square(diff), tf.mul(tf.square(sigma), 2)), tf.log(sigma));
      terms.push(tf.sum(nll, 1) as tf.Tensor1D);
    }
    for (const run of this.shape.runs) {
      const width = run.size * run.count;
      const logits = tf.reshape(tf.slice(recon, [0, run.offset], [rows, width]), [rows, run.count, run.size]);
      const target = tf.reshape(tf.slice(x, [0, run.offset], [rows, width]), [rows, run.count, run.size]);
      terms.push(tf.neg(tf.sum(tf.mul(target, tf.logSoftmax(logits)), [1, 2])) as tf.Tensor1D);
    }
    const reconstruction = terms.length > 0 ? tf.addN(terms) : tf.zeros([rows]);
    const kl = tf.mul(tf.sum(tf.sub(tf.add(1, logvar), tf.add(tf.square(mu), tf.exp(logvar))), 1), -0.5);
    return tf.add(tf.mul(reconstruction, this.lossFactor), kl) as tf.Tensor1D;
  }
}
