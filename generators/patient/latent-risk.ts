import type { Rng } from "../../core/rng.js";
import type { RiskPrior } from "./preset.js";
import type { Demographics } from "./types.js";

/**
 * The patient's unobserved traits, shared by every tooth of the patient so that disease clusters within a mouth
 * (Creighton: per-tooth PD has an intra-patient correlation of 0.56 [M]; 71 % of patients lose no tooth while
 * 4.6 % lose five or more [M]). Not part of VirtualPatient: they are causes, the chart shows their effects.
 */
export interface LatentRisk {
  /** Poor oral hygiene (mean 1): drives plaque and feeds both caries and periodontitis. */
  hygiene: number;
  /** Lifetime caries susceptibility: scales attacks on every tooth. */
  caries: number;
  /** Current caries activity: scales the active lesions seen at baseline. */
  activity: number;
  /** Periodontal susceptibility: scales attachment loss, recession, bleeding and tooth loss. */
  perio: number;
}

/**
 * Draws the latent traits: gamma frailties with mean 1 (Clayton's shared-frailty model, the model behind the MST
 * package's tooth-loss trees), raised by tobacco and diabetes with the cited relative risks.
 */
export function sampleLatentRisk(rng: Rng, demographics: Demographics, prior: RiskPrior): LatentRisk {
  const hygiene = meanOneGamma(rng, prior.hygieneShape);
  const cariesRr = (demographics.tobaccoEver ? prior.cariesRrTobacco : 1) * (demographics.diabetes ? prior.cariesRrDiabetes : 1);
  const perioRr = (demographics.tobaccoEver ? prior.perioRrTobacco : 1) * (demographics.diabetes ? prior.perioRrDiabetes : 1);
  const caries = meanOneGamma(rng, prior.cariesShape) * Math.pow(hygiene, prior.hygieneOnCaries) * cariesRr;
  const activity = caries * meanOneGamma(rng, prior.activityShape) * (demographics.tobaccoEver ? prior.activityRrTobacco : 1);
  const perio = meanOneGamma(rng, prior.perioShape) * Math.pow(hygiene, prior.hygieneOnPerio) * perioRr;
  return { hygiene, caries, activity, perio };
}

/** Gamma(shape, 1/shape): mean 1, variance 1/shape, so the shape alone says how unequal patients are. */
function meanOneGamma(rng: Rng, shape: number): number {
  return rng.gamma(shape, 1 / shape);
}
