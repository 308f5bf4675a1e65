import { parseConfig } from "../../core/config.js";
import { BayesNetModel } from "./bayes-net-model.js";
import { bayesNetHyperparametersSchema } from "./hyperparameters.js";

export { BayesNetModel } from "./bayes-net-model.js";
export { bayesNetHyperparametersSchema, type BayesNetHyperparameters } from "./hyperparameters.js";

/**
 * An unfitted PrivBayes-style Bayesian network from raw hyperparameters (validated, defaults filled in).
 *
 * @throws {UsageError} listing every invalid or unknown hyperparameter with its path
 * @example
 * createBayesNet({});                         // degree 2, 20 bins, not private
 * createBayesNet({ epsilon: 1, degree: 3 });  // ε = 1 PrivBayes, β = 0.3
 */
export function createBayesNet(input: unknown): BayesNetModel {
  return new BayesNetModel(parseConfig(bayesNetHyperparametersSchema, input));
}
