/**
 * Caries priors: how deep lesions are, how often they are cavitated, how often surfaces are affected, and which
 * teeth are most susceptible.
 *
 * Tags as in dental-domain.md: [V] read in the cited source, [T] textbook, [M] measured on the Creighton table by
 * bench/calibrate-creighton.ts, [U] unverified default (a tunable, not ground truth).
 */
import type { DepthClass } from "./types.js";

/**
 * Probability that a lesion of each radiographic depth is clinically cavitated.
 * source: Caries Res (126 adults aged ~29, 508 proximal surfaces, via medworm), dental-domain.md 2.4:
 * E1 2.1 %, E2 9.8 %, D1 35.5 %, D2 41.5 %, D3 84.8 % [V].
 */
export const CAVITATION_BY_DEPTH: Readonly<Record<DepthClass, number>> = {
  E1: 0.021,
  E2: 0.098,
  D1: 0.355,
  D2: 0.415,
  D3: 0.848,
};

/**
 * Proximal lesions of Danish 20-year-olds: share of approximal surfaces with an enamel lesion and with a dentine
 * lesion. source: Danish recruits (n = 640), dental-domain.md 2.5: enamel 8.3 % (maxilla) / 10.7 % (mandible),
 * dentine 6.2 % / 5.8 %, overall ~9 % and ~6 % [V]. The model uses them as the per-surface rates of a patient of
 * average caries activity aged ~20 (scaled per preset and by the patient's activity, "scale with risk").
 */
export const DANISH_PROXIMAL_RATE = { enamel: 0.09, dentin: 0.06 } as const;

/**
 * Split of enamel lesions into E1/E2 and of dentine lesions into D1/D2/D3.
 * source: [U]. Not reported by the Danish study; chosen so that most lesions are shallow and D3 is the rarest
 * dentine class, as in the Caries Res sample above (E1 ~ E2; D1 > D2 > D3).
 */
export const ENAMEL_SPLIT: readonly [e1: number, e2: number] = [0.55, 0.45];
export const DENTIN_SPLIT: readonly [d1: number, d2: number, d3: number] = [0.55, 0.3, 0.15];

/** Depth mix of a lesion, derived from the two splits and the Danish enamel:dentine ratio 9:6. */
export const DEPTH_MIX: Readonly<Record<DepthClass, number>> = (() => {
  const enamel = DANISH_PROXIMAL_RATE.enamel / (DANISH_PROXIMAL_RATE.enamel + DANISH_PROXIMAL_RATE.dentin);
  const dentin = 1 - enamel;
  return {
    E1: enamel * ENAMEL_SPLIT[0],
    E2: enamel * ENAMEL_SPLIT[1],
    D1: dentin * DENTIN_SPLIT[0],
    D2: dentin * DENTIN_SPLIT[1],
    D3: dentin * DENTIN_SPLIT[2],
  };
})();

/**
 * Per-surface lesion rate relative to a posterior proximal surface (the Danish reference), by surface class.
 * source: [U]. Proximal and occlusal surfaces of posterior teeth carry most adult lesions; smooth buccal/lingual
 * and anterior surfaces far fewer (dental-domain.md 2.5: "the first molar is the hot spot").
 */
export const SURFACE_CLASS_WEIGHT = {
  posteriorProximal: 1.0,
  posteriorOcclusal: 0.6,
  posteriorSmooth: 0.12,
  anteriorProximal: 0.35,
  anteriorSmooth: 0.08,
} as const;

/**
 * Relative caries experience by FDI position 1-8 (index 0 = central incisor), upper and lower: restored (filled or
 * crowned) teeth per patient and side at each position, divided by the highest (lower first molar).
 * source: [M] Creighton table, `upper/lower p: restored per patient-side` of bench/calibrate-creighton.ts:
 * upper 0.297 0.265 0.213 0.349 0.376 0.520 0.361 0.025, lower 0.061 0.067 0.116 0.257 0.385 0.530 0.524 0.068.
 * Molars first, lower incisors least. Third molars are absent in most of that table, so their weight is set [U]
 * to that of the second molar of the same arch; the upper second molar (0.68) is raised [U] to 0.9, because the
 * table under-represents it on the right side only (1,578 rows at Universal 2 against 2,970 at 15).
 */
export const CARIES_POSITION_WEIGHT = {
  upper: [0.56, 0.5, 0.4, 0.66, 0.71, 0.98, 0.9, 0.9] as readonly number[],
  lower: [0.11, 0.13, 0.22, 0.48, 0.73, 1.0, 0.99, 0.99] as readonly number[],
} as const;

/**
 * Relative risk of caries for people who ever used tobacco (applied to the lifetime caries trait).
 * source: CDC OHSR 2024 (dental-domain.md 3.1): untreated decay in adults 20-64 is 41.4 % among current smokers
 * against 21 % overall (ratio ~2) [V]; "ever" users include former smokers, so a smaller ratio is used:
 * [M] Creighton decayed rows 39.3 % (tobacco) vs 22.6 % (never), ratio 1.74. The clinic preset splits it between
 * past and current caries to fit its rows (presets.ts).
 */
export const CARIES_RR_TOBACCO = 1.7;
/** source: [U] diabetes raises caries risk modestly (xerostomia); [M] Creighton decayed rows 24.5 % vs 26.4 % show none. */
export const CARIES_RR_DIABETES = 1.0;

/**
 * Lesions on a crowned tooth sit at the margin (M, D, B, L) and are recurrent; their rate relative to a primary
 * surface. source: [M] Creighton: 2.7 % of crowned rows have new and 8.0 % recurrent decayed surfaces, against
 * 26.2 % decayed rows overall.
 */
export const CROWN_MARGIN_LESION_WEIGHT = 0.2;
/** Rate of recurrent (secondary) caries on a filled surface relative to a sound one. source: [U]. */
export const RECURRENT_LESION_WEIGHT = 0.8;
