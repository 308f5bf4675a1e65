import type { Arch, Fdi, Surface, ToothType } from "./types.js";

/** Tooth types in FDI position order 1-8 (central incisor to third molar). */
export const TOOTH_TYPES: readonly ToothType[] = [
  "central_incisor",
  "lateral_incisor",
  "canine",
  "first_premolar",
  "second_premolar",
  "first_molar",
  "second_molar",
  "third_molar",
];

/** All 32 permanent FDI positions, quadrant by quadrant: 11-18, 21-28, 31-38, 41-48. */
export const FDI_POSITIONS: readonly Fdi[] = [1, 2, 3, 4].flatMap((q) =>
  [1, 2, 3, 4, 5, 6, 7, 8].map((p) => q * 10 + p),
);

export function isFdi(value: number): boolean {
  const q = Math.floor(value / 10);
  const p = value % 10;
  return Number.isInteger(value) && q >= 1 && q <= 4 && p >= 1 && p <= 8;
}

export function quadrantOf(fdi: Fdi): number {
  return Math.floor(fdi / 10);
}

/** Position within the quadrant, 1 (central incisor) to 8 (third molar). */
export function positionOf(fdi: Fdi): number {
  return fdi % 10;
}

export function toothTypeOf(fdi: Fdi): ToothType {
  return TOOTH_TYPES[positionOf(fdi) - 1] as ToothType;
}

export function archOf(fdi: Fdi): Arch {
  return quadrantOf(fdi) <= 2 ? "upper" : "lower";
}

export function isMolar(fdi: Fdi): boolean {
  return positionOf(fdi) >= 6;
}

export function isPosterior(fdi: Fdi): boolean {
  return positionOf(fdi) >= 4;
}

export function isThirdMolar(fdi: Fdi): boolean {
  return positionOf(fdi) === 8;
}

/**
 * Universal (ADA) number: 1 is the upper right third molar (FDI 18), counting along the upper arch to 16 (28),
 * then 17 the lower left third molar (38) back along the lower arch to 32 (48).
 */
export function universalOf(fdi: Fdi): number {
  const q = quadrantOf(fdi);
  const p = positionOf(fdi);
  switch (q) {
    case 1:
      return 9 - p;
    case 2:
      return 8 + p;
    case 3:
      return 25 - p;
    default:
      return 24 + p;
  }
}

export function fdiOfUniversal(universal: number): Fdi {
  if (universal <= 8) return 10 + (9 - universal);
  if (universal <= 16) return 20 + (universal - 8);
  if (universal <= 24) return 30 + (25 - universal);
  return 40 + (universal - 24);
}

/**
 * Number of roots (Wheeler; dental-domain.md 1.1): upper first premolar 2, upper molars 3, lower molars 2,
 * all others 1. Drives furcation charting (furcations exist only on multi-rooted teeth).
 */
export function rootCountOf(fdi: Fdi): number {
  const p = positionOf(fdi);
  const upper = archOf(fdi) === "upper";
  if (p >= 6) return upper ? 3 : 2;
  if (p === 4 && upper) return 2;
  return 1;
}

/**
 * The neighbour in the arch towards the midline side named by the surface: the mesial neighbour of 11 is 21,
 * of 12 is 11; the distal neighbour of 17 is 18 and of 18 is none. Proximal contacts (and bridges) join
 * neighbours.
 */
export function neighbourOf(fdi: Fdi, side: Extract<Surface, "M" | "D">): Fdi | null {
  const q = quadrantOf(fdi);
  const p = positionOf(fdi);
  if (side === "D") return p < 8 ? q * 10 + p + 1 : null;
  if (p > 1) return q * 10 + p - 1;
  // Across the midline: 11 <-> 21, 31 <-> 41.
  const across: Record<number, number> = { 1: 2, 2: 1, 3: 4, 4: 3 };
  return (across[q] as number) * 10 + 1;
}
