/**
 * Dental-lab priors: materials, shades, turnaround and remakes of the lab cases behind crowns, bridges and
 * implant crowns (dental-domain.md 3.5).
 *
 * Tags: [V] read in the cited source, [U] unverified default (vendor or folklore figures are [V] only for what the
 * vendor says, and are weak evidence).
 */
import type { LabMaterial, LabRestorationType, RemakeReason } from "./types.js";

/**
 * Crown material chosen by dentists, anterior and posterior.
 * source: NDPBRN survey of 1,777 US dentists, J Dent 2016;55:40 (PMC5125852): anterior lithium disilicate 54 %,
 * layered zirconia 17 %, leucite-reinforced 13 %; posterior all-zirconia 32 %, PFM 31 %, lithium disilicate 21 %
 * [V]. The remaining 16 % ("full metal and other") is split [U]: anterior PFM 10 % + monolithic zirconia 6 %;
 * posterior full cast metal 10 % + layered zirconia 6 %.
 */
export const MATERIAL_SHARES: Readonly<Record<"anterior" | "posterior", Readonly<Partial<Record<LabMaterial, number>>>>> = {
  anterior: {
    lithium_disilicate: 0.54,
    layered_zirconia: 0.17,
    leucite_glass_ceramic: 0.13,
    pfm: 0.1,
    monolithic_zirconia: 0.06,
  },
  posterior: {
    monolithic_zirconia: 0.32,
    pfm: 0.31,
    lithium_disilicate: 0.21,
    full_cast_metal: 0.1,
    layered_zirconia: 0.06,
  },
};

/**
 * Materials not used for a case type: glass ceramics are too weak for bridges and rarely used on implants.
 * source: [U] common lab practice (manufacturers' indications: leucite for single units only).
 */
export const MATERIALS_EXCLUDED: Readonly<Record<LabRestorationType, readonly LabMaterial[]>> = {
  single_crown: [],
  bridge: ["leucite_glass_ceramic", "lithium_disilicate"],
  implant_crown: ["leucite_glass_ceramic"],
};

/**
 * VITA classical shade tabs and the prior over them.
 * source: the 16 tabs are VITA's (dental-domain.md 3.5) [V]; the weights, peaked at A2/A3, are lab folklore [U]
 * ("I found no source for a crown-shade distribution in VITA classical").
 */
export const VITA_SHADES: readonly string[] = [
  "A1", "A2", "A3", "A3.5", "A4", "B1", "B2", "B3", "B4", "C1", "C2", "C3", "C4", "D2", "D3", "D4",
];
export const VITA_SHADE_WEIGHTS: readonly number[] = [
  8, 30, 22, 10, 2, 7, 6, 3, 1, 4, 3, 1, 0.5, 1.5, 1, 0.5,
];

/**
 * In-lab turnaround in business days, [min, max] uniform, by case type and material.
 * source: vendor benchmarks (Prostiq, Raytops blogs; dental-domain.md 0 and 3.5) [V, weak evidence]: monolithic
 * zirconia 3-4, layered 5-7, single-unit digital 4-6, 3-unit bridge 7-9, implant/complex 10-12. Full cast metal and
 * PFM have no vendor figure: [U] 4-6 and 5-7.
 */
export const TURNAROUND_DAYS = {
  single: {
    monolithic_zirconia: [3, 4],
    layered_zirconia: [5, 7],
    lithium_disilicate: [4, 6],
    leucite_glass_ceramic: [4, 6],
    pfm: [5, 7],
    full_cast_metal: [4, 6],
  } as Readonly<Record<LabMaterial, readonly [number, number]>>,
  bridge: [7, 9] as readonly [number, number],
  implant_crown: [10, 12] as readonly [number, number],
} as const;

/**
 * Share of lab cases sent back for a remake.
 * source: PMC7005880: 3.8 % of 3,750 single crowns (205 dentists) [V]; about 4 % of all lab restorations
 * (PMC7967459) [V], so the same rate is used for bridges and implant crowns.
 */
export const REMAKE_RATE = 0.038;

/**
 * Reasons for a remake. source: PMC7005880 names proximal contacts, then margins, then esthetics as the main
 * reasons [V, order only]; the weights are [U].
 */
export const REMAKE_REASONS: readonly RemakeReason[] = [
  "proximal_contact",
  "margin_fit",
  "shade_esthetics",
  "occlusion",
  "fracture",
  "other",
];
export const REMAKE_REASON_WEIGHTS: readonly number[] = [0.38, 0.28, 0.16, 0.09, 0.05, 0.04];
