/**
 * From the tube settings of an intraoral exposure to the mean number of photons each sensor pixel detects with
 * nothing in the beam (N0), the scale of the quantum noise.
 *
 * Chain: air kerma at the sensor K = Y(kVp) · mAs · (1 m / SID)²; photon fluence Φ = K / (E · μen/ρ(air)) at the
 * effective energy E; detected photons N0 = η · Φ · pixel area. Every link is an order-of-magnitude model: what
 * matters downstream is that N0 lands in the thousands per pixel (noise of about 1 %), rising with mAs and
 * falling with distance and with smaller pixels.
 */
import type { Rng } from "../../../core/rng.js";
import { EFFECTIVE_ENERGY_KEV } from "../projection/attenuation.js";
import { SOURCE_TO_SENSOR_MM } from "../projection/magnification.js";

/** Intraoral tube settings, dental-domain.md 2.1 [U]: 60-70 kVp, 4-8 mA, 0.1-0.3 s. */
export const KVP: readonly [number, number] = [60, 70];
export const MILLIAMPERES: readonly [number, number] = [4, 8];
export const SECONDS: readonly [number, number] = [0.1, 0.3];

/** Tube output at 1 m and 70 kVp, mGy per mAs [U: 30-60 µGy/mAs is typical of 70 kVp units with ~2 mm Al]. */
const OUTPUT_70KVP_MGY_PER_MAS = 0.04;
/** Output grows roughly with the square of the tube voltage [U: common rule of thumb for tungsten targets]. */
const OUTPUT_KVP_EXPONENT = 2;
/**
 * Photons per mm² per mGy of air kerma at 35 keV: 1 / (E · μen/ρ(air)), with μen/ρ(air) = 0.0996 cm²/g at 35 keV
 * (NIST, log-log between 0.1537 at 30 and 0.06833 at 40 keV) [C]: 1 / (5.607e-15 J × 9.96e-3 m²/kg) = 1.79e7.
 */
const PHOTONS_PER_MM2_PER_MGY = 1.79e7;
/** Fraction of incident photons a CsI-scintillator CMOS sensor absorbs at ~35 keV [U: 0.6-0.8]. */
const DETECTION_EFFICIENCY = 0.7;

export interface Exposure {
  kVp: number;
  mA: number;
  seconds: number;
  sourceToSensorMm: number;
}

/**
 * A drawn exposure, uniform within the ranges above. Pass the source-to-sensor distance of the view's geometry
 * (projection/magnification.ts) so magnification and dose agree; otherwise it is drawn from the same range.
 */
export function sampleExposure(rng: Rng, sourceToSensorMm?: number): Exposure {
  return {
    kVp: rng.uniform(KVP[0], KVP[1]),
    mA: rng.uniform(MILLIAMPERES[0], MILLIAMPERES[1]),
    seconds: rng.uniform(SECONDS[0], SECONDS[1]),
    sourceToSensorMm: sourceToSensorMm ?? rng.uniform(SOURCE_TO_SENSOR_MM[0], SOURCE_TO_SENSOR_MM[1]),
  };
}

/** Air kerma at the sensor plane with nothing in the beam, mGy. */
export function airKermaAtSensor(exposure: Exposure): number {
  const { kVp, mA, seconds, sourceToSensorMm } = exposure;
  if (!(kVp > 0 && mA > 0 && seconds > 0 && sourceToSensorMm > 0)) {
    throw new RangeError(`invalid exposure: ${kVp} kVp, ${mA} mA, ${seconds} s at ${sourceToSensorMm} mm`);
  }
  const output = OUTPUT_70KVP_MGY_PER_MAS * Math.pow(kVp / 70, OUTPUT_KVP_EXPONENT);
  return output * mA * seconds * Math.pow(1000 / sourceToSensorMm, 2);
}

/**
 * N0: mean detected photons per pixel of the given pitch (mm) with nothing in the beam. About 1,000-25,000 for a
 * 35 µm pixel over the ranges above (the energy is fixed at EFFECTIVE_ENERGY_KEV, 35 keV).
 */
export function photonsPerPixel(exposure: Exposure, pixelSizeMm: number): number {
  if (!(pixelSizeMm > 0)) throw new RangeError(`invalid pixel size: ${pixelSizeMm}`);
  return DETECTION_EFFICIENCY * PHOTONS_PER_MM2_PER_MGY * airKermaAtSensor(exposure) * pixelSizeMm * pixelSizeMm;
}

/** The energy the fluence conversion assumes, keV (re-exported so callers can record it). */
export const EXPOSURE_ENERGY_KEV = EFFECTIVE_ENERGY_KEV;
