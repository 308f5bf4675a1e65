/**
 * Eruption of the permanent teeth and the third-molar anomalies (agenesis, impaction).
 *
 * Tags as in dental-domain.md: [V] read in the cited source, [T] standard textbook value, [U] unverified default.
 */
import type { Arch } from "./types.js";

/**
 * Eruption age window in years, [earliest, latest], by arch and FDI position 1-8.
 * source: ADA permanent-teeth eruption chart (American Dental Association, "Tooth eruption: the permanent teeth",
 * JADA 2006;137:127): upper 7-8, 8-9, 11-12, 10-11, 10-12, 6-7, 12-13, 17-21; lower 6-7, 7-8, 9-10, 10-12,
 * 11-12, 6-7, 11-13, 17-21 [T]. Second molars 11-13 y and third molars 17-21 y as the brief states.
 */
export const ERUPTION_WINDOW_YEARS: Readonly<Record<Arch, readonly (readonly [number, number])[]>> = {
  upper: [
    [7, 8],
    [8, 9],
    [11, 12],
    [10, 11],
    [10, 12],
    [6, 7],
    [12, 13],
    [17, 21],
  ],
  lower: [
    [6, 7],
    [7, 8],
    [9, 10],
    [10, 12],
    [11, 12],
    [6, 7],
    [11, 13],
    [17, 21],
  ],
};

/**
 * Where in its window a tooth erupts: fraction = 0.5 + person x z + tooth x (u - 0.5), clamped to [0, 1], with z a
 * standard normal shared by the person's teeth (early and late developers) and u uniform per tooth. Clamping keeps
 * every eruption inside the ADA window, which checkDomainRules relies on.
 * source: [U] emergence timing is strongly correlated within a person (Signal Tandmobiel curves, not read here).
 */
export const ERUPTION_TIMING = { person: 0.3, tooth: 0.4 } as const;

/**
 * Third-molar agenesis: share of people with >= 1 congenitally absent third molar, and the relative odds of the
 * upper over the lower jaw.
 * source: Carter & Worthington, J Dent Res 2015;94(7):886-94 (meta-analysis, 63,314 subjects): 22.63 % worldwide;
 * maxillary agenesis 36 % more likely than mandibular; 1 or 2 absent molars most common [V, PubMed abstract].
 */
export const THIRD_MOLAR_AGENESIS = {
  personPrevalence: 0.2263,
  upperOverLowerOdds: 1.36,
  /** How many of the four are absent, given >= 1. source: [U] the abstract says only that 1-2 are most common. */
  countShares: [0.42, 0.36, 0.1, 0.12] as readonly number[],
} as const;

/**
 * Third-molar impaction among people aged >= 17 with third molars.
 * source: Carter & Worthington, J Dent Res 2016;95(3):267-76 (49 studies, 83,484 people): 24.40 % have >= 1
 * impacted third molar; odds 57.58 % higher in the mandible; 1, 2, 3, 4 impacted in 42.71, 29.64, 12.04, 8.74 %
 * of those with impaction [V, abstract]. The shares are renormalised to sum to 1.
 */
export const THIRD_MOLAR_IMPACTION = {
  personPrevalence: 0.244,
  lowerOverUpperOdds: 1.5758,
  countShares: [0.4271, 0.2964, 0.1204, 0.0874] as readonly number[],
} as const;
