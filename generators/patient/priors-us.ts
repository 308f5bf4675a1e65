/**
 * United States adult population: demographics and the national oral-health figures the `us-adult` preset is
 * calibrated to.
 *
 * Tags: [V] read in the cited source, [U] unverified default.
 */
import type { AgeBand, AgeStep } from "./preset.js";

/**
 * Age mix of US adults aged 20-89, by 5-year band (weights are % of the whole population).
 * source: U.S. Census Bureau, 2020 Census DHC, as summarised by ygraph.com ("age and gender distribution of US
 * population in 2020"): 15-24 y 12.91 %, 25-54 y 38.92 %, 55-64 y 12.86 %, 65+ y 16.85 % [V]; the 65+ share
 * matches Census brief C2020BR-07 (55.8 million, 16.8 %) [V]. Within a broad group the share is spread evenly over
 * its 5-year bands (20-24 gets half of 15-24); the split of 65+ into bands is [U], decreasing with age.
 */
export const US_AGE_BANDS: readonly AgeBand[] = [
  { min: 20, max: 24, weight: 12.91 / 2 },
  { min: 25, max: 29, weight: 38.92 / 6 },
  { min: 30, max: 34, weight: 38.92 / 6 },
  { min: 35, max: 39, weight: 38.92 / 6 },
  { min: 40, max: 44, weight: 38.92 / 6 },
  { min: 45, max: 49, weight: 38.92 / 6 },
  { min: 50, max: 54, weight: 38.92 / 6 },
  { min: 55, max: 59, weight: 12.86 / 2 },
  { min: 60, max: 64, weight: 12.86 / 2 },
  { min: 65, max: 69, weight: 5.5 },
  { min: 70, max: 74, weight: 4.3 },
  { min: 75, max: 79, weight: 3.0 },
  { min: 80, max: 84, weight: 2.05 },
  { min: 85, max: 89, weight: 2.0 },
];

/**
 * Female share by age. source: U.S. Census Bureau 2020 via ygraph.com: 15-24 y 21,006,463 of 42,937,831 (48.9 %),
 * 25-54 y 64,564,565 of 129,458,235 (49.9 %), 55-64 y 22,091,808 of 42,782,544 (51.6 %), 65+ y 31,037,419 of
 * 56,051,566 (55.4 %) [V].
 */
export const US_FEMALE_SHARE: readonly AgeStep[] = [
  { fromAge: 0, value: 0.489 },
  { fromAge: 25, value: 0.499 },
  { fromAge: 55, value: 0.516 },
  { fromAge: 65, value: 0.554 },
];

/**
 * Diagnosed diabetes by age. source: [U] NHIS 2009 figures as quoted in a secondary blog (18-44 y ~3 %, 45-64 y
 * ~15 %, 65-74 y ~23 %, 75+ y ~18 %), consistent with the CDC National Diabetes Statistics Report's age gradient.
 */
export const US_DIABETES: readonly AgeStep[] = [
  { fromAge: 0, value: 0.03 },
  { fromAge: 45, value: 0.15 },
  { fromAge: 65, value: 0.23 },
  { fromAge: 75, value: 0.18 },
];

/**
 * Ever used tobacco (>= 100 cigarettes in a lifetime). source: Tomar & Asma, J Periodontol 2000;71:743: in NHANES
 * III (1988-94) 27.9 % of dentate adults were current and 23.3 % former smokers (51 % ever) [V]; smoking has fallen
 * since, so the shares are lowered [U], rising with age as former smokers accumulate.
 */
export const US_TOBACCO_EVER: readonly AgeStep[] = [
  { fromAge: 0, value: 0.22 },
  { fromAge: 35, value: 0.3 },
  { fromAge: 50, value: 0.4 },
  { fromAge: 65, value: 0.45 },
];

/**
 * Edentulism (no natural teeth) by age. source: BRFSS 2014 US median, adults 65+ edentulous 14.9 % [V]
 * (dental-domain.md 3.2); NIDCR (NHANES 1999-2004): 3.75 % of adults 20-64 [V], lower since; the split by band is
 * [U], chosen so that 65+ averages ~15 % over the census age mix.
 */
export const US_EDENTULOUS: readonly AgeStep[] = [
  { fromAge: 0, value: 0.003 },
  { fromAge: 35, value: 0.015 },
  { fromAge: 50, value: 0.045 },
  { fromAge: 65, value: 0.11 },
  { fromAge: 75, value: 0.2 },
];

/** An age band with the figures a preset is calibrated to (values of NaN mean "not reported"). */
export interface UsBandTarget {
  label: string;
  min: number;
  max: number;
  /** Among dentate adults with DMFT >= 1, third molars excluded. */
  dmft: number;
  decayed: number;
  missing: number;
  filled: number;
  /** Mean permanent teeth among dentate adults (28-tooth basis, see docs/patient-model.md). */
  teethPresent: number;
  /** Share of dentate adults with >= 1 untreated decayed tooth. */
  untreatedCaries: number;
}

/**
 * Calibration targets of `us-adult`.
 * source: CDC Oral Health Surveillance Report 2024, Table 12 (NHANES 2017-Mar 2020, dentate adults with DMFT >= 1):
 * DMFT 6.4 / 8.5 / 11.8, MT 0.7 / 1.8 / 3.8, FT 4.8 / 6.0 / 7.5, DT 0.7 for 20-64 (by band DT = DMFT - MT - FT)
 * [V]; untreated decay 20-34 21.8 %, 35-49 21.4 %, 50-64 17.3 %, 65+ 13 % [V]; teeth among dentate adults 27.0
 * (20-34), 23.3 (50-64), 21.7 (65-74), 19.8 (75+) [V] (35-49: NIDCR 1999-2004, 25.05 [V]). DMFT and untreated
 * decay for 65+ are not in the brief: NaN here, reported but not tested.
 */
export const US_TARGETS: readonly UsBandTarget[] = [
  { label: "20-34", min: 20, max: 34, dmft: 6.4, decayed: 0.9, missing: 0.7, filled: 4.8, teethPresent: 27.0, untreatedCaries: 0.218 },
  { label: "35-49", min: 35, max: 49, dmft: 8.5, decayed: 0.7, missing: 1.8, filled: 6.0, teethPresent: 25.05, untreatedCaries: 0.214 },
  { label: "50-64", min: 50, max: 64, dmft: 11.8, decayed: 0.5, missing: 3.8, filled: 7.5, teethPresent: 23.3, untreatedCaries: 0.173 },
  { label: "65-74", min: 65, max: 74, dmft: NaN, decayed: NaN, missing: NaN, filled: NaN, teethPresent: 21.7, untreatedCaries: 0.13 },
  { label: "75+", min: 75, max: 120, dmft: NaN, decayed: NaN, missing: NaN, filled: NaN, teethPresent: 19.8, untreatedCaries: 0.13 },
];

/** Share of adults 65+ with no natural teeth. source: BRFSS 2014 US median 14.9 % [V]. */
export const US_EDENTULOUS_65_PLUS = 0.149;
