import type { Rng } from "../../core/rng.js";
import { type HistoryState, surfacesOf, walkCariesHistory } from "./caries-history.js";
import type { LatentRisk } from "./latent-risk.js";
import { placeProstheses } from "./place-prostheses.js";
import { valueAtAge, type Preset } from "./preset.js";
import { CARIES_POSITION_WEIGHT } from "./priors-caries.js";
import { PERIO_LOSS_WEIGHT_BY_POSITION } from "./priors-perio.js";
import { sampleEruptionAges } from "./sample-eruption.js";
import { POSITIONS } from "./tooth-table.js";
import type { Demographics, ToothState } from "./types.js";

// Per-position weights read once at load (the loop below runs 32 times per patient).
const CARIES_WEIGHT = POSITIONS.map((p) => CARIES_POSITION_WEIGHT[p.arch][p.position - 1] as number);
const PERIO_LOSS_WEIGHT = POSITIONS.map((p) => PERIO_LOSS_WEIGHT_BY_POSITION[p.arch][p.position - 1] as number);

/**
 * The dentition at baseline, before lesions, perio and follow-up are added: which teeth erupted, which were lost
 * (caries, periodontitis, third-molar removal, or all of them in an edentulous patient), and how the rest were
 * restored; missing positions may then carry an implant or the pontic of a bridge.
 *
 * Every tooth's past attacks are Poisson with mean = caries trait x position weight x attack rate x
 * (years since eruption)^power, so restorations and losses grow with age and risk, molars first.
 */
export function sampleDentition(rng: Rng, demographics: Demographics, risk: LatentRisk, preset: Preset): ToothState[] {
  // Whole-year age plus half a year: the patient is on average half-way to the next birthday.
  const age = demographics.age + 0.5;
  const eruptionAges = sampleEruptionAges(rng, age);
  const history = preset.cariesHistory;
  const loss = preset.toothLoss;
  const edentulousChance =
    valueAtAge(loss.edentulous, demographics.age) *
    (demographics.tobaccoEver ? loss.edentulousRrTobacco : 1) /
    // Keep the age-specific share as cited: divide by the mean multiplier of the age group.
    (1 + valueAtAge(preset.demographics.tobaccoEver, demographics.age) * (loss.edentulousRrTobacco - 1));
  const edentulous = rng.bernoulli(edentulousChance);
  const perioYears = Math.max(0, age - loss.perioLossOnset);
  const perioExposure = Math.pow(perioYears, loss.perioLossPower) * loss.perioLossRate * risk.perio;
  const removal = preset.eruption;
  const removalChance = Math.min(
    removal.thirdMolarRemovalMax,
    removal.thirdMolarRemovalPerYear * Math.max(0, age - removal.thirdMolarRemovalFromAge),
  );
  const crownFactor =
    valueAtAge(history.crownAgeCurve, demographics.age) * (demographics.tobaccoEver ? history.crownRrTobacco : 1);
  const extractFactor = demographics.tobaccoEver ? history.extractRrTobacco : 1;
  const state: HistoryState = { filledMask: 0, crowned: false, rootCanal: false, extracted: false };
  const teeth: ToothState[] = new Array(32);
  for (const p of POSITIONS) {
    const erupted = age >= (eruptionAges[p.index] as number);
    const tooth: ToothState = {
      fdi: p.fdi,
      universal: p.universal,
      type: p.type,
      arch: p.arch,
      presence: erupted ? "present" : "unerupted",
      restoration: "none",
      rootCanalTreated: false,
      filledSurfaces: [],
      lesions: [],
      perio: null,
      lostDuringFollowUp: false,
      lostAfterYears: null,
    };
    teeth[p.index] = tooth;
    if (!erupted) continue;
    if (edentulous) {
      tooth.presence = "missing";
      continue;
    }
    const exposure = age - (eruptionAges[p.index] as number);
    const weight = (CARIES_WEIGHT[p.index] as number) * risk.caries;
    const attacks = Math.min(10, rng.poisson(weight * history.attackRate * Math.pow(exposure, history.exposurePower)));
    walkCariesHistory(rng, attacks, p.posterior, crownFactor, extractFactor, history, state);
    const lostToPerio = perioExposure > 0 && rng.next() < 1 - Math.exp(-perioExposure * (PERIO_LOSS_WEIGHT[p.index] as number));
    const thirdMolarRemoved = p.thirdMolar && rng.bernoulli(removalChance);
    if (state.extracted || lostToPerio || thirdMolarRemoved) {
      tooth.presence = "missing";
      continue;
    }
    if (state.crowned) tooth.restoration = "crowned";
    else if (state.filledMask !== 0) {
      tooth.restoration = "filled";
      tooth.filledSurfaces = surfacesOf(state.filledMask);
    }
    tooth.rootCanalTreated = state.rootCanal;
  }
  if (!edentulous) placeProstheses(rng, teeth, demographics.age, loss);
  return teeth;
}
