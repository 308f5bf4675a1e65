/**
 * Aggregate figures of the Creighton tooth table (MST package `Teeth`: 65,228 teeth of 5,336 patients treated at
 * Creighton University School of Dentistry, Aug 2007 - Mar 2013; GPL-2), all [M]: printed by
 * `npx tsx bench/calibrate-creighton.ts <Teeth.csv.gz>`. Only rates, quantiles and histograms: no record.
 *
 * The `clinic` preset draws its demographics and follow-up from these, and tests compare the synthetic table with
 * the targets at the end of this file.
 */
import type { AgeBand, AgeStep } from "./preset.js";

/**
 * Patients by age at baseline, 5-year bands. source: [M] `age share 15-19` ... `age share 85-`: 23 patients aged
 * 16-19 (the youngest is 16), 145, 330, 461, 293, 310, 295, 465, 481, 512, 474, 464, 432, 359, and 292 aged 85-90.
 */
export const CREIGHTON_AGE_BANDS: readonly AgeBand[] = [
  { min: 16, max: 19, weight: 23 },
  { min: 20, max: 24, weight: 145 },
  { min: 25, max: 29, weight: 330 },
  { min: 30, max: 34, weight: 461 },
  { min: 35, max: 39, weight: 293 },
  { min: 40, max: 44, weight: 310 },
  { min: 45, max: 49, weight: 295 },
  { min: 50, max: 54, weight: 465 },
  { min: 55, max: 59, weight: 481 },
  { min: 60, max: 64, weight: 512 },
  { min: 65, max: 69, weight: 474 },
  { min: 70, max: 74, weight: 464 },
  { min: 75, max: 79, weight: 432 },
  { min: 80, max: 84, weight: 359 },
  { min: 85, max: 90, weight: 292 },
];

/** Share of female patients by age. source: [M] `female <35` .52, `35-49` .49, `50-64` .53, `65-74` .51, `75+` .51. */
export const CREIGHTON_FEMALE_SHARE: readonly AgeStep[] = [
  { fromAge: 0, value: 0.523 },
  { fromAge: 35, value: 0.49 },
  { fromAge: 50, value: 0.526 },
  { fromAge: 65, value: 0.507 },
  { fromAge: 75, value: 0.509 },
];

/** Share with diabetes by age. source: [M] `diabetes <35` .008, `35-49` .032, `50-64` .101, `65-74` .166, `75+` .160. */
export const CREIGHTON_DIABETES: readonly AgeStep[] = [
  { fromAge: 0, value: 0.008 },
  { fromAge: 35, value: 0.032 },
  { fromAge: 50, value: 0.101 },
  { fromAge: 65, value: 0.166 },
  { fromAge: 75, value: 0.16 },
];

/** Share who ever used tobacco by age. source: [M] `tobacco <35` .235, `35-49` .378, `50-64` .309, `65-74` .144, `75+` .068. */
export const CREIGHTON_TOBACCO_EVER: readonly AgeStep[] = [
  { fromAge: 0, value: 0.235 },
  { fromAge: 35, value: 0.378 },
  { fromAge: 50, value: 0.309 },
  { fromAge: 65, value: 0.144 },
  { fromAge: 75, value: 0.068 },
];

/**
 * Follow-up years (the patient's longest `time`) by age band: deciles q0, q10 ... q100. Older patients were
 * followed longer. source: [M] per band; overall median 1.55 y, IQR 0.48-3.71, max 5.61 (the 2007-2013 window).
 */
export const CREIGHTON_FOLLOW_UP_DECILES: readonly { fromAge: number; quantiles: readonly number[] }[] = [
  { fromAge: 0, quantiles: [0.003, 0.055, 0.152, 0.29, 0.494, 0.723, 1.003, 1.422, 2.028, 2.819, 5.584] },
  { fromAge: 35, quantiles: [0.003, 0.098, 0.195, 0.353, 0.556, 0.832, 1.189, 1.887, 2.576, 3.815, 5.523] },
  { fromAge: 50, quantiles: [0.003, 0.175, 0.396, 0.704, 1.05, 1.573, 2.321, 3.172, 3.995, 4.826, 5.611] },
  { fromAge: 65, quantiles: [0.003, 0.295, 0.652, 1.173, 1.872, 2.742, 3.601, 4.104, 4.57, 5.027, 5.614] },
  { fromAge: 75, quantiles: [0.005, 0.382, 0.978, 1.626, 2.473, 3.31, 3.931, 4.445, 4.877, 5.139, 5.608] },
];

/** Targets the synthetic Creighton-shaped table is compared with (tests quote them beside their tolerances). */
export const CREIGHTON_TARGETS = {
  /** source: [M] patients' age at baseline: median 58, IQR 41-72. */
  ageMedian: 58,
  ageQ25: 41,
  ageQ75: 72,
  /** source: [M] per patient 51.3 % female, 9.6 % diabetes, 22.9 % tobacco; per row 50.8 %, 9.6 %, 21.7 % (SOURCE.txt). */
  femalePatients: 0.513,
  diabetesPatients: 0.096,
  tobaccoPatients: 0.229,
  femaleRows: 0.508,
  diabetesRows: 0.096,
  tobaccoRows: 0.217,
  /** source: [M] share of rows: crown 18.2 %, endo 5.5 %, implant 0.27 %, pontic 0.10 %, filled 72.2 %, decayed 26.2 %. */
  crown: 0.182,
  endo: 0.0547,
  implant: 0.00265,
  pontic: 0.001,
  filled: 0.722,
  decayed: 0.262,
  /** source: [M] P(crown | endo) = 68 %; rows neither filled, decayed, endo, implant nor pontic: 14.0 %. */
  crownGivenEndo: 0.68,
  soundRows: 0.14,
  /** source: [M] rows per patient 12.2; total_tooth 14.4. */
  rowsPerPatient: 12.22,
  totalTooth: 14.44,
  /** source: [M] teeth lost during follow-up: 6.6 % of rows; 29 % of patients lose >= 1. */
  event: 0.0664,
  patientsWithEvent: 0.289,
  /** source: [M] follow-up years (patient max time): median 1.55. */
  followUpMedian: 1.552,
  /** source: [M] tooth-level perio: mean PD 2.50 mm, PD max >= 5 mm on 11.0 % of teeth, bleeding 11.4 % of sites, plaque 19.0 %. */
  pdMean: 2.5,
  pdMax5: 0.11,
  bleedingSites: 0.114,
  plaqueSites: 0.19,
  /** source: [M] mobility >= 1 on 3.1 % of teeth; furcation >= 1 on 9.6 % of molars; mucogingival defect 0.45 %. */
  mobility: 0.031,
  furcationMolars: 0.096,
  mucogingival: 0.0045,
} as const;
