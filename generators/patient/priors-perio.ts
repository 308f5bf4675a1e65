/**
 * Periodontal priors: how the six-site chart varies by tooth and site, and how tobacco and diabetes shift it.
 *
 * Tags: [V] read in the cited source, [T] textbook, [M] measured on the Creighton table by
 * bench/calibrate-creighton.ts, [U] unverified default.
 */

/** Chart site order of PerioChart arrays. Interproximal sites are MB, DB, ML, DL; mid-surface sites are B and L. */
export const PERIO_SITES = ["MB", "B", "DB", "ML", "L", "DL"] as const;
export const INTERPROXIMAL_SITE: readonly boolean[] = [true, false, true, true, false, true];

/**
 * Healthy probing depth by site: the sulcus is deeper interproximally (col) than at mid-buccal/lingual.
 * source: [T] periodontology texts give a 1-3 mm healthy sulcus, deepest interproximally; values [C] fitted to the
 * Creighton per-tooth mean PD (mean 2.50 mm, 5th percentile 1.67 mm) [M].
 */
export const SULCUS_MM = { interproximal: 2.6, mid: 1.9 } as const;

/**
 * Offset of a tooth's mean probing depth by FDI position 1-8 (mm), relative to the premolars (2.45 mm).
 * source: [M] Creighton mean `x4_pocket_mean` by position: upper 2.22 2.23 2.31 2.42 2.50 2.71 2.78 2.93, lower
 * 1.96 2.05 2.18 2.33 2.46 2.76 2.86 3.09 (incisors shallowest, molars deepest, as in most surveys).
 */
export const PD_OFFSET_BY_POSITION = {
  upper: [-0.23, -0.22, -0.14, -0.03, 0.05, 0.26, 0.33, 0.48] as readonly number[],
  lower: [-0.49, -0.4, -0.27, -0.12, 0.01, 0.31, 0.41, 0.64] as readonly number[],
} as const;

/**
 * Relative plaque by FDI position 1-8. source: [M] Creighton mean `x3_plaque` by position (% of sites): upper
 * 15.8 15.1 15.9 13.2 13.8 20.2 24.1 27.9, lower 29.3 27.7 23.7 18.4 16.3 19.0 21.9 26.3, divided by the overall
 * 19.0 (lower incisors, behind which calculus forms, and molars collect the most).
 */
export const PLAQUE_WEIGHT_BY_POSITION = {
  upper: [0.83, 0.79, 0.84, 0.69, 0.73, 1.06, 1.27, 1.47] as readonly number[],
  lower: [1.54, 1.46, 1.25, 0.97, 0.86, 1.0, 1.15, 1.38] as readonly number[],
} as const;

/**
 * Shift (mm of mean CAL) of the mobility score by FDI position 1-8: single-rooted incisors loosen with less
 * attachment loss. source: [M] Creighton mean `x1_mobil`: lower incisors 0.14 and 0.12, upper incisors 0.06,
 * canines to molars 0.02-0.04; shifts [U] chosen to reproduce that ratio.
 */
export const MOBILITY_SHIFT_BY_POSITION = {
  upper: [0.6, 0.6, 0, 0, 0, 0, 0, 0] as readonly number[],
  lower: [1.2, 1.1, 0.2, 0, 0, 0, 0, 0] as readonly number[],
} as const;

/**
 * Relative risk of periodontal destruction for people who ever used tobacco.
 * source: Tomar & Asma, J Periodontol 2000;71:743 (NHANES III): current smokers ~4 times as likely to have
 * periodontitis (OR 3.97) [V, abstract]; "ever" users mix current and former smokers, so a smaller multiplier is used:
 * [M] Creighton rows with PD max >= 5 mm: 18.1 % (tobacco) vs 9.1 % (never).
 */
export const PERIO_RR_TOBACCO = 1.9;

/**
 * Relative risk of periodontal destruction with diabetes.
 * source: [M] Creighton rows with PD max >= 5 mm: 12.9 % (diabetes) vs 10.8 %; [U] surveys report odds ratios of
 * 2-3 for attachment loss (Emrich, Shlossman & Genco, J Periodontol 1991;62:123, not read here).
 */
export const PERIO_RR_DIABETES = 1.3;

/**
 * Relative risk of tooth loss for people who ever used tobacco.
 * source: Krall et al. (PMC2582143, 43,112 health professionals): current smokers of 5-14 cigarettes a day had
 * HR 1.94 for tooth loss, 45+ a day HR 3.05; former smokers stayed 20 % higher for 10+ years [V, abstract];
 * [M] Creighton event rate 11.1 % (tobacco) vs 5.4 % (never).
 */
export const TOOTH_LOSS_RR_TOBACCO = 1.9;
/** source: [M] Creighton event rate 10.9 % (diabetes) vs 6.2 % (no diabetes). */
export const TOOTH_LOSS_RR_DIABETES = 1.7;

/**
 * Relative rate of periodontal tooth loss by FDI position 1-8: molars are lost first, canines last.
 * source: [T] Hirschfeld & Wasserman, J Periodontol 1978;49:225 (molars, above all upper, lost most; canines
 * least), values [U].
 */
export const PERIO_LOSS_WEIGHT_BY_POSITION = {
  upper: [0.8, 0.9, 0.5, 0.9, 0.9, 1.4, 1.6, 1.6] as readonly number[],
  lower: [0.9, 0.8, 0.4, 0.5, 0.6, 1.2, 1.3, 1.3] as readonly number[],
} as const;
