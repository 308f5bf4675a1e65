import type { Rng } from "../../core/rng.js";
import { isDecayedTooth } from "./dmft.js";
import type { LatentRisk } from "./latent-risk.js";
import { valueAtAge, type FollowUpPrior } from "./preset.js";
import { POSITIONS } from "./tooth-table.js";
import type { Demographics, ToothState } from "./types.js";

const DAYS_PER_YEAR = 365;

/**
 * Draws the follow-up window and which teeth present at baseline are lost during it. Each tooth's loss intensity
 * is a proportional-hazards product (the frame of the MST frailty trees fitted to the Creighton data): a baseline
 * rate x the patient's gamma frailty x multipliers for attachment loss, mobility, furcation, decay, root canal,
 * third molars, tobacco, diabetes and age, times a window exposure that saturates within months ([M] the Creighton
 * event rate is 3.4 % for follow-ups under 0.19 y and 5-9 % for every longer one: losses are mostly extractions
 * planned at the start of care). Returns the follow-up in years, in whole days as at Creighton.
 */
export function sampleFollowUp(
  rng: Rng,
  teeth: ToothState[],
  demographics: Demographics,
  risk: LatentRisk,
  prior: FollowUpPrior,
): number {
  const years = toDays(followUpQuantile(prior, demographics.age, rng.next()));
  const frailty = rng.gamma(prior.frailtyShape, 1 / prior.frailtyShape);
  const exposure = 1 - Math.exp(-years / prior.lossSaturationYears);
  const patientRate =
    prior.lossRate *
    exposure *
    frailty *
    Math.sqrt(risk.perio) *
    valueAtAge(prior.lossAgeCurve, demographics.age) *
    (demographics.tobaccoEver ? prior.rrTobacco : 1) *
    (demographics.diabetes ? prior.rrDiabetes : 1);
  for (const p of POSITIONS) {
    const tooth = teeth[p.index] as ToothState;
    if (tooth.presence !== "present") continue;
    let rate = patientRate * (p.thirdMolar ? prior.rrThirdMolar : 1) * (tooth.rootCanalTreated ? prior.rrRootCanal : 1);
    const chart = tooth.perio;
    if (chart) {
      let worstCal = 0;
      for (const cal of chart.attachmentLoss) if (cal > worstCal) worstCal = cal;
      rate *= Math.exp(prior.perCalMm * Math.max(0, worstCal - 4));
      if (chart.mobility === 1) rate *= prior.rrMobility1;
      else if (chart.mobility >= 2) rate *= prior.rrMobility2;
      if (chart.furcation >= 2) rate *= prior.rrFurcation;
    }
    if (isDecayedTooth(tooth)) rate *= prior.rrDecayed;
    if (rng.next() >= 1 - Math.exp(-rate)) continue;
    tooth.lostDuringFollowUp = true;
    // Either extracted at the last recorded visit, or earlier in the window (mostly early: planned extractions).
    const time = rng.bernoulli(prior.lossAtLastVisit) ? years : years * Math.pow(rng.next(), prior.lossTimePower);
    tooth.lostAfterYears = Math.min(years, toDays(time));
  }
  return years;
}

/** Interpolates the age band's follow-up quantile function (equally spaced probabilities) at u in [0, 1). */
function followUpQuantile(prior: FollowUpPrior, age: number, u: number): number {
  let quantiles = prior.quantilesByAge[0]?.quantiles ?? [1, 1];
  for (const band of prior.quantilesByAge) if (age >= band.fromAge) quantiles = band.quantiles;
  const position = u * (quantiles.length - 1);
  const i = Math.floor(position);
  const lo = quantiles[i] as number;
  const hi = quantiles[Math.min(i + 1, quantiles.length - 1)] as number;
  return lo + (hi - lo) * (position - i);
}

/** Rounds years to whole days, at least one day, as the Creighton `time` column does (multiples of 1/365). */
function toDays(years: number): number {
  return Math.max(1, Math.round(years * DAYS_PER_YEAR)) / DAYS_PER_YEAR;
}
