import { BayesNetModel, bayesNetHyperparametersSchema, createBayesNet } from "./bayesnet/index.js";
import { CopulaModel, copulaHyperparametersSchema, createCopula } from "./copula/index.js";
import type { TabularModel } from "./tabular-model.js";
import { TvaeModel, createTvae, tvaeHyperparametersSchema } from "./tvae/index.js";

/**
 * The learned tabular models by name. One place maps a name to its hyperparameter schema and factory, so the CLI,
 * the saved-model loader and the shadow attack all agree on what a kind means.
 */
export const MODEL_KINDS = ["copula", "bayesnet", "tvae"] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const MODEL_REGISTRY = {
  copula: {
    schema: copulaHyperparametersSchema,
    create: createCopula,
    describe: "Gaussian copula: per-column empirical marginals joined by a Gaussian dependence (fast, no DP)",
    neural: false,
    supportsEpsilon: false,
  },
  bayesnet: {
    schema: bayesNetHyperparametersSchema,
    create: createBayesNet,
    describe: "Bayesian network of degree k (PrivBayes); with --epsilon, differentially private",
    neural: false,
    supportsEpsilon: true,
  },
  tvae: {
    schema: tvaeHyperparametersSchema,
    create: createTvae,
    describe: "Tabular variational autoencoder in tfjs; with --epsilon, trained with DP-SGD",
    neural: true,
    supportsEpsilon: true,
  },
} as const;

/** An unfitted model of `kind` from (unparsed) hyperparameters; throws UsageError listing every bad field. */
export function createModel(kind: string, hyperparameters: unknown): TabularModel {
  const entry = MODEL_REGISTRY[kind as ModelKind];
  if (!entry) throw new RangeError(`unknown model kind ${kind}`);
  return entry.create(hyperparameters ?? {});
}

export { BayesNetModel, CopulaModel, TvaeModel };
