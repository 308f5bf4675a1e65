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
  const { gain, offset, readNoise, adcMax } = readout;
  if (!(gain > 0) || !(readNoise >= 0) || !(adcMax > offset)) {
    throw new RangeError(`invalid readout: gain ${gain}, offset ${offset}, read noise ${readNoise}, ADC max ${adcMax}`);
  }
  const out = new Float32Array(counts.length);
  const z = new Float32Array(counts.length);
  if (readNoise > 0) rng.fillNormals(z);
  for (let i = 0; i < counts.length; i++) {
    const noise = readNoise * z[i]!;
    const v = offset + gain * (counts[i]! + noise);
    out[i] = v < 0 ? 0 : v > adcMax ? adcMax : v;
  }
  return out;
}
