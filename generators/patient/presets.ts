/**
 * The population presets. Each number is either a published figure imported from a priors-*.ts file (with its
 * source there) or a calibration constant tagged [C]: fitted by simulation (20,000 patients, see
 * docs/patient-model.md) to the cited target named beside it. [U] marks unverified defaults.
 */
import type { Preset } from "./preset.js";
import {
  CREIGHTON_AGE_BANDS,
  CREIGHTON_DIABETES,
  CREIGHTON_FEMALE_SHARE,
  CREIGHTON_FOLLOW_UP_DECILES,
  CREIGHTON_TOBACCO_EVER,
} from "./priors-creighton.js";
import { CARIES_RR_DIABETES, CARIES_RR_TOBACCO } from "./priors-caries.js";
import { PERIO_RR_DIABETES, PERIO_RR_TOBACCO, TOOTH_LOSS_RR_DIABETES, TOOTH_LOSS_RR_TOBACCO } from "./priors-perio.js";
import { US_AGE_BANDS, US_DIABETES, US_EDENTULOUS, US_FEMALE_SHARE, US_TOBACCO_EVER } from "./priors-us.js";

/**
 * US adults aged 20-89 (census age and sex mix), calibrated to CDC OHSR 2024: DMFT, its components and teeth
 * present by age, untreated caries, and edentulism 65+ (targets in priors-us.ts).
 */
export const US_ADULT: Preset = {
  name: "us-adult",
  description: "US adults 20-89 (census age/sex mix), calibrated to CDC OHSR 2024 DMFT, teeth present and untreated caries",
  demographics: {
    ageBands: US_AGE_BANDS,
    femaleShare: US_FEMALE_SHARE,
    diabetes: US_DIABETES,
    tobaccoEver: US_TOBACCO_EVER,
  },
  risk: {
    hygieneShape: 1.0, // [U] hygiene varies about as much as an exponential
    hygieneOnCaries: 0.3, // [U]
    hygieneOnPerio: 0.5, // [U]
    cariesShape: 1.5, // [C] DMFT spread within age bands
    activityShape: 0.09, // [C] untreated caries in ~21 % of adults 20-64 (OHSR 2024)
    activityRrTobacco: 1.3, // [U] untreated decay 41.4 % in current smokers vs 21 % overall (OHSR 2024), beyond CARIES_RR_TOBACCO
    perioShape: 1.2, // [U]
    cariesRrTobacco: CARIES_RR_TOBACCO,
    cariesRrDiabetes: CARIES_RR_DIABETES,
    perioRrTobacco: PERIO_RR_TOBACCO,
    perioRrDiabetes: PERIO_RR_DIABETES,
  },
  eruption: {
    thirdMolarRemovalPerYear: 0.04, // [U] prophylactic removal mostly in the late teens and twenties
    thirdMolarRemovalFromAge: 16,
    thirdMolarRemovalMax: 0.7, // [U]
  },
  cariesHistory: {
    attackRate: 0.045, // [C] DMFT 6.4 / 8.5 / 11.8 by age (OHSR 2024)
    exposurePower: 0.75, // [C] same
    extractFirst: 0.05, // [C] MT 0.7 / 1.8 / 3.8
    extractFilled: 0.27, // [C] same
    extractCrowned: 0.27, // [C] same
    crownPerAttack: 0.18, // [U]
    anteriorCrownFactor: 0.4, // [U]
    rctFirst: 0.02, // [U]
    rctLater: 0.1, // [U]
    rctCrowned: 0.15, // [U]
    crownAfterRct: 0.5, // [U]
    secondSurfaceFirst: 0.35, // [U]
    twoSurfaceGrowth: 0.3, // [U]
    crownAgeCurve: [{ fromAge: 0, value: 1 }], // [U] no age effect beyond the attacks that accumulate
    crownRrTobacco: 0.8, // [U]
    extractRrTobacco: 1.5, // [U] dentate adults 65+: 15.8 teeth (current smokers) vs 21.6 (never), OHSR 2019 Table 36
  },
  toothLoss: {
    edentulous: US_EDENTULOUS,
    edentulousRrTobacco: 2.0, // [U] smokers ~3x as likely to lose all teeth (CDC 2013 release, secondary)
    perioLossRate: 0.000014, // [C] teeth present 21.7 (65-74), 19.8 (75+)
    perioLossOnset: 30, // [U]
    perioLossPower: 2.5, // [C] same
    implantPerMissing: [
      { fromAge: 0, value: 0.03 },
      { fromAge: 40, value: 0.05 },
      { fromAge: 70, value: 0.04 },
    ], // [U]
    bridgePerGap: 0.15, // [U]
  },
  lesions: {
    scale: 1.3, // [C] untreated caries 21 % (20-64), 13 % (65+); DT 0.7 (20-64)
    ageActivity: [
      { fromAge: 0, value: 1 },
      { fromAge: 50, value: 0.72 },
      { fromAge: 65, value: 0.38 },
    ], // [C] same
  },
  perio: {
    patientSd: 0.45, // [U]
    toothSd: 0.35, // [U]
    siteSd: 0.35, // [U]
    useTypeOffsets: true, // [M] Creighton's tooth-type pattern (molars deepest), no US per-tooth figure at hand
    diseaseRate: 0.08, // [U]
    ageCurve: [
      { fromAge: 0, value: 0.4 },
      { fromAge: 30, value: 0.8 },
      { fromAge: 45, value: 1 },
      { fromAge: 60, value: 1.25 },
      { fromAge: 75, value: 1.4 },
    ], // [U] periodontitis rises with age in US surveys
    deepeningMean: 1.0, // [U]
    recessionToothAt60: 0.2, // [U]
    recessionSiteMid: 0.7, // [U]
    recessionSiteInterproximal: 0.25, // [U]
    recessionMean: 1.0, // [U]
    overgrowth: 0.004, // [U]
    bleedMean: 0.1, // [U]
    bleedAgeCurve: [{ fromAge: 0, value: 1 }], // [U]
    bleedShape: 0.6, // [U]
    bleedSlope: 0.5, // [U]
    plaqueNoneShare: 0.1, // [U]
    plaqueMean: 0.25, // [U]
    plaqueHygienePower: 1.0, // [U]
    mobilityThresholds: [4.6, 5.6, 6.6], // [U]
    furcationThresholds: [5, 6.2, 7.5], // [U]
    gradeNoiseSd: 0.8, // [U]
    mucogingivalBase: 0.002, // [U]
    mucogingivalIfRecession3: 0.05, // [U]
  },
  followUp: {
    quantilesByAge: [{ fromAge: 0, quantiles: [0.003, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5] }], // [U] uniform 0-5 y
    lossRate: 0.02, // [U] no US figure for loss within a window; clinic's is [C]
    lossSaturationYears: 0.3, // [M] Creighton event rate 3.4 % for follow-ups < 0.19 y, 5-9 % beyond
    frailtyShape: 0.5, // [U]
    lossAgeCurve: [{ fromAge: 0, value: 1 }],
    // Multipliers [M]: univariate event-rate ratios of the Creighton rows, used jointly although they overlap
    // (mobility goes with attachment loss), so they overstate each factor's own effect somewhat.
    perCalMm: 0.3, // [M] event 6.5 % at CAL max 4 mm, 16.5 % at 6, 30 % at 8, 55 % at 10+
    rrMobility1: 3.5, // [M] event 21.4 % (mobility 1) vs 5.9 % (0)
    rrMobility2: 10, // [M] event 55-70 % (mobility 2-3)
    rrFurcation: 3, // [M] event 19 % (grade 2), 38 % (3) vs 6.5 % (0)
    rrDecayed: 3, // [M] event 13.0 % (decayed) vs 4.4 %
    rrRootCanal: 2.2, // [M] event 13.7 % (endo) vs 6.2 %
    rrThirdMolar: 5, // [M] event 15-24 % on third molars vs ~6.5 % elsewhere
    rrTobacco: TOOTH_LOSS_RR_TOBACCO,
    rrDiabetes: TOOTH_LOSS_RR_DIABETES,
    lossAtLastVisit: 0.33, // [M] 32.6 % of Creighton losses are at the patient's last time
    lossTimePower: 2.6, // [C] clinic: median time to loss 0.56 y
  },
  lab: {
    windowYears: 2, // [U] the lab-order history a practice record keeps
    restorativeStartAge: 18, // [U]
  },
};

/**
 * Patients of a US dental-school clinic, calibrated to the Creighton tooth table (priors-creighton.ts): its age mix
 * including 16-19-year-olds, sex, diabetes and tobacco by age, restorative and perio rates of its rows, tooth loss
 * during follow-up and the follow-up length. No edentulous patients: the table has only patients with teeth.
 */
export const CLINIC: Preset = {
  name: "clinic",
  description: "Dental-school clinic patients 16-90, calibrated to the Creighton tooth table (restorations, perio, tooth loss)",
  demographics: {
    ageBands: CREIGHTON_AGE_BANDS,
    femaleShare: CREIGHTON_FEMALE_SHARE,
    diabetes: CREIGHTON_DIABETES,
    tobaccoEver: CREIGHTON_TOBACCO_EVER,
  },
  risk: {
    ...US_ADULT.risk,
    activityShape: 0.8, // [C] decayed rows 26.2 %
    // [C] tobacco users hold 21.7 % of rows but are 22.9 % of patients: their past decay ended in fewer kept teeth,
    // not more restored ones, while their current decay is high (decayed rows 39.3 % vs 22.6 %).
    cariesRrTobacco: 1.0,
    activityRrTobacco: 2.2,
  },
  eruption: {
    thirdMolarRemovalPerYear: 0.06, // [C] third molars are 2.7 % of Creighton rows
    thirdMolarRemovalFromAge: 16,
    thirdMolarRemovalMax: 0.85, // [C] same
  },
  cariesHistory: {
    ...US_ADULT.cariesHistory,
    attackRate: 0.072, // [C] filled rows 72.2 %, 12.2 rows per patient
    extractFirst: 0.02, // [C] rows per patient 12.2 (10.4 below 35, 13.4 from 75)
    extractFilled: 0.06, // [C] same
    extractCrowned: 0.08, // [C] same
    crownPerAttack: 0.42, // [C] crowns 18.2 % of rows
    rctFirst: 0.01, // [C] endo 5.5 %
    rctLater: 0.1, // [C] same
    rctCrowned: 0.15, // [C] same; P(crown | endo) 68 %
    secondSurfaceFirst: 0.45, // [C] filled surfaces 1: 26.5 %, 2: 22.9 %, 3+: 16.5 % of non-crowned rows
    twoSurfaceGrowth: 0.35, // [C] same
    crownAgeCurve: [
      { fromAge: 0, value: 0.02 },
      { fromAge: 35, value: 0.25 },
      { fromAge: 50, value: 1 },
      { fromAge: 65, value: 1.9 },
      { fromAge: 75, value: 2.3 },
    ], // [C] crowns 1.7 % (<35), 5.5 % (35-49), 16.5 % (50-64), 28 % (65-74), 32 % (75+) of rows
    crownRrTobacco: 0.6, // [C] crowns 10.8 % of rows (tobacco) vs 20.2 % (never)
    extractRrTobacco: 2.0, // [C] tobacco users hold 21.7 % of rows but are 22.9 % of patients
  },
  toothLoss: {
    edentulous: [{ fromAge: 0, value: 0 }],
    edentulousRrTobacco: 1,
    perioLossRate: 0.000004, // [C] rows per patient 13.4 from 75
    perioLossOnset: 30,
    perioLossPower: 2.5,
    implantPerMissing: [{ fromAge: 0, value: 0.025 }], // [C] implants 0.27 % of rows
    bridgePerGap: 0.3, // [C] missing_tooth_sum 0.30 per patient; pontics 0.10 % of rows
  },
  lesions: {
    scale: 9.5, // [C] decayed rows 26.2 % (a clinic's caseload, far above the survey's 1.3)
    ageActivity: [
      { fromAge: 0, value: 1.3 },
      { fromAge: 35, value: 1.45 },
      { fromAge: 50, value: 0.95 },
      { fromAge: 65, value: 0.85 },
    ], // [C] decayed rows 39 % (<35), 37 % (35-49), 24 % (50-64), 18-19 % (65+)
  },
  perio: {
    ...US_ADULT.perio,
    patientSd: 0.5, // [C] 20 % of teeth have PD max 2 mm, 51 % 3 mm (intra-patient correlation 0.56)
    siteSd: 0.25, // [C] same
    diseaseRate: 0.09, // [C] PD max >= 5 mm on 11.0 % of rows
    ageCurve: [
      { fromAge: 0, value: 0.3 },
      { fromAge: 35, value: 1.1 },
      { fromAge: 50, value: 1.05 },
      { fromAge: 65, value: 0.9 },
      { fromAge: 75, value: 0.75 },
    ], // [C] PD max >= 5 mm on 5 % (<35), 15 % (35-64), 11 % (65-74), 8 % (75+) of rows
    recessionToothAt60: 0.16, // [C] FGM max > 0 on 15.4 % of rows, mean FGM 0.12 mm
    bleedMean: 0.165, // [C] bleeding on 11.4 % of sites; none on 69 % of teeth
    bleedShape: 0.55, // [C] patient bleeding % median 5.4, 90th percentile 29
    bleedAgeCurve: [
      { fromAge: 0, value: 1 },
      { fromAge: 35, value: 1.15 },
      { fromAge: 50, value: 1 },
      { fromAge: 65, value: 0.75 },
      { fromAge: 75, value: 0.65 },
    ], // [C] bleeding 12 % (<35), 16 % (35-49), 13 % (50-64), 9 % (65-74), 8 % (75+) of sites
    plaqueNoneShare: 0.28, // [C] 30.7 % of patients have no plaque site
    plaqueMean: 0.28, // [C] plaque on 19.0 % of sites
    plaqueHygienePower: 0.6, // [C] patient plaque % median 16, 90th percentile 52
    mobilityThresholds: [4.85, 5.6, 6.2], // [C] mobility >= 1, 2, 3 on 3.1 %, 0.68 %, 0.19 % of rows
    furcationThresholds: [5.6, 6.8, 8.8], // [C] furcation >= 1, 2, 3 on 9.6 %, 2.8 %, 0.46 % of molars
  },
  followUp: {
    ...US_ADULT.followUp,
    quantilesByAge: CREIGHTON_FOLLOW_UP_DECILES,
    lossRate: 0.032, // [C] 6.6 % of rows lost during follow-up
    frailtyShape: 0.35, // [C] 29 % of patients lose >= 1 tooth, 4.6 % lose >= 5
    lossAgeCurve: [
      { fromAge: 0, value: 0.35 },
      { fromAge: 35, value: 1 },
      { fromAge: 50, value: 1.3 },
      { fromAge: 65, value: 1.3 },
      { fromAge: 75, value: 1.5 },
    ], // [C] event rate 2.2 % (<35), 6.9 % (35-49), 8.6 % (50-64), 6.9 % (65+)
  },
  lab: US_ADULT.lab,
};

/** Every preset by name: the registry the CLI and configs resolve `preset` against. */
export const PRESETS: Readonly<Record<string, Preset>> = {
  [US_ADULT.name]: US_ADULT,
  [CLINIC.name]: CLINIC,
};

/** The preset used when none is named. */
export const DEFAULT_PRESET = "clinic";
