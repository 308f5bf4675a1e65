/**
 * The processing every digital intraoral system applies before display: dark-offset subtraction, flat-field
 * normalisation by the open-beam level, and a logarithm, giving L̂ = ln(gain · N0 / (raw − offset)), an estimate
 * of the line integral. Displayed as is, it makes radiopaque structures bright (DICOM MONOCHROME2, as intraoral
 * sensors export). The flat field is the nominal N0 without the heel ramp, since the heel effect belongs to the
 * tube, not to the sensor's calibration, and so survives into real images.
 */
import { logOf } from "./exp-log-tables.js";
import type { Readout } from "./readout.js";

/**
 * L̂ per pixel (new array). Signals at or below the offset (noise behind metal) are floored at half a photon, so
 * the logarithm stays finite: L̂ ≤ ln(2·N0).
 */
export function logTransform(raw: Float32Array, readout: Pick<Readout, "gain" | "offset">, photonsPerPixel: number): Float32Array {
  if (!(photonsPerPixel > 0)) throw new RangeError(`invalid photons per pixel: ${photonsPerPixel}`);
  const { gain, offset } = readout;
  const floor = 0.5 * gain;
  const open = Math.log(gain * photonsPerPixel);
  const out = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const signal = raw[i]! - offset;
    out[i] = open - logOf(signal > floor ? signal : floor);
  }
  return out;
}
