/**
 * Everything the detector model needs for one image, drawn per image from the run's Rng so that two images of
 * the same patient differ the way two exposures do.
 */
import type { Rng } from "../../../core/rng.js";
import type { HeelEffect } from "./expected-counts.js";
import { photonsPerPixel, sampleExposure, type Exposure } from "./exposure.js";
import type { Readout } from "./readout.js";
import { sampleSensorResolution } from "./sensor-resolution.js";
import type { EdgeEnhancement } from "./unsharp-mask.js";

export interface DetectorSettings extends Readout {
  /** N0: mean detected photons per pixel with nothing in the beam (exposure.ts). */
  photonsPerPixel: number;
  heel: HeelEffect | null;
  /** σ of the sensor's Gaussian PSF, pixels (0: no blur). */
  psfSigmaPx: number;
  /** L̂ mapped to 0 and to 4095: radiolucent air near `low`, metal above `high`. */
  window: { low: number; high: number };
  /** The unsharp mask, or null for the unprocessed image. */
  edgeEnhancement: EdgeEnhancement | null;
}

/** Largest heel-effect ramp across an intraoral field, as a fraction [U: a few percent over 3-4 cm]. */
const HEEL_MAX = 0.05;
/** Read noise, detected-photon equivalents [U: CMOS read noise is small against thousands of photons]. */
const READ_NOISE: readonly [number, number] = [2, 8];
/** Dark offset, ADU [A]. */
const OFFSET: readonly [number, number] = [100, 300];
/** Open-beam level as a fraction of the ADC range [A: exposure set so that air does not quite saturate]. */
const OPEN_BEAM_FILL: readonly [number, number] = [0.6, 0.9];
/** 14-bit converter [U: 12-16 bits, dental-domain.md 2.1]. */
const ADC_MAX = 16383;
/** Window in L̂: low end near open beam, high end past a few mm of enamel and dentin [A]. */
const WINDOW_LOW: readonly [number, number] = [-0.1, 0.2];
const WINDOW_HIGH: readonly [number, number] = [3.2, 4.5];
/** Unsharp-mask gain and radius [U: vendor "sharpen" presets; radius a few pixels]. */
const SHARPEN_AMOUNT: readonly [number, number] = [0.3, 1.0];
const SHARPEN_SIGMA_MM: readonly [number, number] = [0.1, 0.3];

/**
 * Draws the settings of one image for a sensor of the given pixel pitch (mm, at the sensor). With
 * `edgeEnhancement: false` the image is left unsharpened (the config's switch).
 */
export function sampleDetectorSettings(
  rng: Rng,
  options: { pixelSizeMm: number; edgeEnhancement?: boolean; exposure?: Exposure },
): DetectorSettings & { exposure: Exposure; limitingLpPerMm: number } {
  const { pixelSizeMm } = options;
  if (!(pixelSizeMm > 0)) throw new RangeError(`invalid pixel size: ${pixelSizeMm}`);
  const exposure = options.exposure ?? sampleExposure(rng.fork("exposure"));
  const n0 = photonsPerPixel(exposure, pixelSizeMm);
  const draw = rng.fork("detector");
  const sensor = sampleSensorResolution(draw);
  const offset = draw.uniform(OFFSET[0], OFFSET[1]);
  const gain = (draw.uniform(OPEN_BEAM_FILL[0], OPEN_BEAM_FILL[1]) * (ADC_MAX - offset)) / n0;
  const heelSign = draw.bernoulli(0.5) ? 1 : -1;
  const heel: HeelEffect = { gradient: heelSign * draw.uniform(0, HEEL_MAX), axis: draw.bernoulli(0.5) ? "x" : "y" };
  const window = { low: draw.uniform(WINDOW_LOW[0], WINDOW_LOW[1]), high: draw.uniform(WINDOW_HIGH[0], WINDOW_HIGH[1]) };
  const sharpen = {
    amount: draw.uniform(SHARPEN_AMOUNT[0], SHARPEN_AMOUNT[1]),
    sigmaPx: draw.uniform(SHARPEN_SIGMA_MM[0], SHARPEN_SIGMA_MM[1]) / pixelSizeMm,
  };
  return {
    exposure,
    limitingLpPerMm: sensor.limitingLpPerMm,
    photonsPerPixel: n0,
    heel,
    psfSigmaPx: sensor.psfSigmaMm / pixelSizeMm,
    gain,
    offset,
    readNoise: draw.uniform(READ_NOISE[0], READ_NOISE[1]),
    adcMax: ADC_MAX,
    window,
    edgeEnhancement: options.edgeEnhancement === false ? null : sharpen,
  };
}
