/**
 * Sensor readout: detected photons become ADC units. Each pixel's charge is amplified (gain, ADU per detected
 * photon), gets Gaussian electronic read noise and a dark offset, and is digitised with a ceiling: a pixel that
 * receives more than the ADC range saturates, which is what burns out thin tissue at the cervical margins of an
 * over-exposed image (one of the caries look-alikes, dental-domain.md 2.3).
 */
import type { Rng } from "../../../core/rng.js";

export interface Readout {
  /** ADU per detected photon [A]. */
  gain: number;
  /** Dark level, ADU [A]. */
  offset: number;
  /** Read noise σ, in detected-photon units (so its weight against quantum noise does not depend on the gain) [U]. */
  readNoise: number;
  /** Largest ADC value: 2^14 − 1 for a 14-bit converter [U: sensors digitise at 12-16 bits, dental-domain.md 2.1]. */
  adcMax: number;
}

/** raw = clamp(offset + gain · (counts + read noise), 0, adcMax), a new array. */
export function readOut(counts: Float32Array, readout: Readout, rng: Rng): Float32Array {
  checkReadout(readout);
  const { gain, offset, readNoise, adcMax } = readout;
  const out = new Float32Array(counts.length);
  // One normal per pixel, in pixel order, drawn a chunk at a time (the same numbers as one fill of the image).
  const z = new Float64Array(Math.min(counts.length, 4096));
  for (let start = 0; start < counts.length; start += z.length) {
    const end = Math.min(counts.length, start + z.length);
    if (readNoise > 0) rng.fillNormalsZiggurat(z, 0, end - start);
    for (let i = start; i < end; i++) {
      const v = offset + gain * (counts[i]! + readNoise * z[i - start]!);
      out[i] = v < 0 ? 0 : v > adcMax ? adcMax : v;
    }
  }
  return out;
}

/** Throws a RangeError unless gain > 0, read noise ≥ 0 and the ADC range lies above the offset. */
export function checkReadout(readout: Readout): void {
  const { gain, offset, readNoise, adcMax } = readout;
  if (!(gain > 0) || !(readNoise >= 0) || !(adcMax > offset)) {
    throw new RangeError(`invalid readout: gain ${gain}, offset ${offset}, read noise ${readNoise}, ADC max ${adcMax}`);
  }
}
