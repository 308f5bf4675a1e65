import { z } from "zod";

const positiveInt = () => z.number().int().min(1);
const layerWidths = (what: string) =>
  z
    .array(z.number().int().min(1).max(4096))
    .max(8)
    .default([128, 128])
    .describe(`Widths of the ${what}'s hidden ReLU layers.`);

/**
 * Hyperparameters of the TVAE. Defaults are those of Xu et al. (2019) and the authors' reference
 * implementation (sdv-dev/CTGAN `TVAE`): 128-wide encoder and decoder of two ReLU layers, embedding 128,
 * Adam at 1e-3 with L2 1e-5, batches of 500, reconstruction weight 2; epochs 30 instead of 300 (see below).
 *
 * Differential privacy: set `epsilon` (and optionally `delta`) to train with DP-SGD; the noise multiplier is then
 * solved so the RDP accountant stays within epsilon, unless `noiseMultiplier` is given.
 */
export const tvaeHyperparametersSchema = z
  .strictObject({
    // The paper trains 300 epochs on a GPU; 30 keeps a fit of the Creighton table (33k rows) at about two minutes
    // on two CPU cores with the wasm backend (docs/benchmarks.md). Raise it with --epochs for better fidelity.
    epochs: positiveInt().max(100_000).default(30).describe("Passes over the training rows (default 30; the paper used 300 on a GPU). Fit time grows linearly with it."),
    batchSize: positiveInt().max(100_000).default(500).describe("Rows per gradient step (the expected batch size under DP Poisson sampling)."),
    embeddingDim: positiveInt().max(4096).default(128).describe("Size of the latent vector z."),
    compressDims: layerWidths("encoder"),
    decompressDims: layerWidths("decoder"),
    learningRate: z
      .number()
      .positive()
      .max(1)
      .default(1e-3)
      .describe("Adam step size. Under DP-SGD there are fewer, noisier steps; a larger rate (around 1e-2) usually learns more."),
    weightDecay: z.number().min(0).max(1).default(1e-5).describe("L2 penalty added to the gradient (as PyTorch Adam's weight_decay)."),
    lossFactor: z.number().positive().default(2).describe("Weight of the reconstruction term against the KL term of the ELBO."),
    maxModes: positiveInt().max(50).default(10).describe("Largest number of Gaussian-mixture modes per continuous column (mode-specific normalisation)."),
    modeWeightThreshold: z.number().min(0).max(0.5).default(0.005).describe("Modes with a smaller mixture weight are dropped."),
    discreteSampling: z
      .enum(["sample", "argmax"])
      .default("sample")
      .describe('How sampled rows pick a category or mode: drawn from the decoder\'s softmax ("sample") or its most probable value ("argmax").'),
    epsilon: z.number().positive().max(1000).optional().describe("Differential-privacy budget: train with DP-SGD so the whole fit spends at most this epsilon."),
    delta: z
      .number()
      .positive()
      .max(0.1)
      .optional()
      .describe("DP delta. Default min(1e-5, 1/(10·rows)): well below 1/rows, the usual rule."),
    maxGradNorm: z.number().positive().default(1).describe("DP-SGD: L2 norm each row's gradient is clipped to."),
    noiseMultiplier: z
      .number()
      .positive()
      .optional()
      .describe("DP-SGD: noise standard deviation over the clipping norm. Default: the smallest that keeps the fit within epsilon."),
    batching: z
      .enum(["poisson", "fixed"])
      .default("poisson")
      .describe('DP-SGD batches: "poisson" (each row joins a step with probability batchSize/rows, as the privacy analysis assumes) or "fixed" (shuffled fixed-size batches; the accounting is then the usual approximation).'),
  })
  .describe("TVAE (tabular variational autoencoder, Xu et al. 2019) hyperparameters.");

export type TvaeHyperparametersInput = z.input<typeof tvaeHyperparametersSchema>;
export type TvaeHyperparameters = z.output<typeof tvaeHyperparametersSchema>;
