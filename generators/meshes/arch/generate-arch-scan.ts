/**
 * One jaw's synthetic intraoral scan from its crowns: arch placement, gingiva, merged labelled surface.
 */
import type { Rng } from "../../../core/rng.js";
import type { Arch, Fdi, VirtualPatient } from "../../patient/types.js";
import { assembleScan, type ArchScan } from "./assemble-scan.js";
import { buildGingiva, type Gingiva, type GingivaOptions } from "./gingiva.js";
import { placeTeeth, type ArchPlacement, type CrownInput, type PlaceTeethOptions } from "./place-teeth.js";

export interface ArchScanOptions extends PlaceTeethOptions {
  gingiva?: GingivaOptions;
}

export interface ArchScanResult {
  placement: ArchPlacement;
  gingiva: Gingiva;
  scan: ArchScan;
}

/**
 * Places the crowns, sweeps the gingiva and merges the scan. Pure in its inputs (placement draws from
 * `rng.fork("placement")`).
 */
export function generateArchScan(jaw: Arch, crowns: readonly CrownInput[], rng: Rng, options: ArchScanOptions = {}): ArchScanResult {
  const { gingiva: gingivaOptions, ...placeOptions } = options;
  const placement = placeTeeth(jaw, crowns, rng.fork("placement"), placeOptions);
  // A strongly inclined or displaced crown can reach past the band's edge, where its margin cannot be stitched
  // into the sheet: the band is then rebuilt wider and deeper (deterministic, no randomness involved).
  for (let attempt = 0; ; attempt++) {
    const widen = 2 ** attempt;
    const gingiva = buildGingiva(placement, {
      ...gingivaOptions,
      ...(attempt === 0 ? {} : { shoulder: (gingivaOptions?.shoulder ?? DEFAULT_SHOULDER) * widen, height: (gingivaOptions?.height ?? DEFAULT_HEIGHT) * (1 + attempt / 2) }),
    });
    try {
      return { placement, gingiva, scan: assembleScan(placement, gingiva) };
    } catch (error) {
      if (!(error instanceof RangeError) || !/inside the band/.test(error.message) || attempt >= MAX_WIDENINGS) throw error;
    }
  }
}

/** Band defaults of buildGingiva (gingiva.ts), and how often the band may be widened. */
const DEFAULT_SHOULDER = 2;
const DEFAULT_HEIGHT = 10;
const MAX_WIDENINGS = 3;

/**
 * The FDI numbers of a patient's jaw that show a crown in a scan: present teeth; with `prosthetic`, also
 * implant crowns and pontics standing on missing positions. Missing and unerupted teeth are left out.
 */
export function scannedTeethOf(patient: VirtualPatient, jaw: Arch, options: { prosthetic?: boolean } = {}): Fdi[] {
  return patient.teeth
    .filter((t) => t.arch === jaw)
    .filter((t) => t.presence === "present" || (options.prosthetic === true && (t.restoration === "implant" || t.restoration === "pontic")))
    .map((t) => t.fdi)
    .sort((a, b) => a - b);
}
