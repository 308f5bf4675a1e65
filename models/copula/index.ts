/** The Gaussian copula model (`kind = "copula"`): see copula-model.ts for the method and its sources. */
export { CopulaModel, createCopula, type LatentDimension, type MarginalSummary } from "./copula-model.js";
export { copulaHyperparametersSchema, type CopulaHyperparameters } from "./copula-hyperparameters.js";
