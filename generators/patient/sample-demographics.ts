import type { Rng } from "../../core/rng.js";
import { valueAtAge, type DemographicsPrior } from "./preset.js";
import type { Demographics } from "./types.js";

/**
 * Draws age, sex, diabetes and tobacco use. Age: a band by weight, then a whole year uniformly inside it; the
 * other three are Bernoulli draws with age-specific probabilities, so their age gradients (diabetes rising,
 * tobacco peaking in mid-life at Creighton) carry through.
 */
export function sampleDemographics(rng: Rng, prior: DemographicsPrior): Demographics {
  const band = rng.pick(prior.ageBands, bandWeights(prior));
  const age = band.min + rng.int(band.max - band.min + 1);
  return {
    age,
    sex: rng.bernoulli(valueAtAge(prior.femaleShare, age)) ? "female" : "male",
    diabetes: rng.bernoulli(valueAtAge(prior.diabetes, age)),
    tobaccoEver: rng.bernoulli(valueAtAge(prior.tobaccoEver, age)),
  };
}

// The weight array is rebuilt only when a new prior object is seen (one per preset), not per patient.
const weightsCache = new WeakMap<DemographicsPrior, number[]>();
function bandWeights(prior: DemographicsPrior): number[] {
  let weights = weightsCache.get(prior);
  if (!weights) {
    weights = prior.ageBands.map((b) => b.weight);
    weightsCache.set(prior, weights);
  }
  return weights;
}
