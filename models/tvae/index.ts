export { TvaeModel, createTvae, defaultDelta, type DpTraining } from "./tvae-model.js";
export { tvaeHyperparametersSchema, type TvaeHyperparameters, type TvaeHyperparametersInput } from "./hyperparameters.js";
export { fitModes, type GaussianModes, type ModeFitOptions } from "./mode-normaliser.js";
