/**
 * Static facts of the 32 positions, computed once at load in FDI_POSITIONS order, so the per-patient loops read
 * arrays instead of recomputing tooth types and neighbours a million times.
 */
import { FDI_POSITIONS, archOf, neighbourOf, positionOf, rootCountOf, toothTypeOf, universalOf } from "./dentition.js";
import type { Arch, Fdi, ToothType } from "./types.js";

export interface PositionInfo {
  /** Index 0-31 in FDI_POSITIONS (and in VirtualPatient.teeth). */
  index: number;
  fdi: Fdi;
  universal: number;
  type: ToothType;
  arch: Arch;
  /** FDI position digit 1-8. */
  position: number;
  posterior: boolean;
  molar: boolean;
  thirdMolar: boolean;
  multiRooted: boolean;
  /** Index of the mesial and distal neighbours in the arch, or -1. */
  mesial: number;
  distal: number;
}

const indexOfFdi = new Map<Fdi, number>(FDI_POSITIONS.map((fdi, i) => [fdi, i]));

/** Index of an FDI number in VirtualPatient.teeth, or -1. */
export function indexOfTooth(fdi: Fdi): number {
  return indexOfFdi.get(fdi) ?? -1;
}

export const POSITIONS: readonly PositionInfo[] = FDI_POSITIONS.map((fdi, index) => {
  const position = positionOf(fdi);
  const mesial = neighbourOf(fdi, "M");
  const distal = neighbourOf(fdi, "D");
  return {
    index,
    fdi,
    universal: universalOf(fdi),
    type: toothTypeOf(fdi),
    arch: archOf(fdi),
    position,
    posterior: position >= 4,
    molar: position >= 6,
    thirdMolar: position === 8,
    multiRooted: rootCountOf(fdi) > 1,
    mesial: mesial === null ? -1 : indexOfTooth(mesial),
    distal: distal === null ? -1 : indexOfTooth(distal),
  };
});
