/**
 * The detector model, end to end: line-integral image L → 12-bit radiograph (radiopaque = bright).
 *
 *   expected counts N0·h·e^(−L) → Poisson quantum noise → scintillator blur (Gaussian PSF) → read noise, gain,
 *   offset, ADC ceiling → offset/flat-field correction and log → optional unsharp mask → window to 12 bits.
 *
 * The order follows the physics: photons are counted (noise) where they are absorbed, the scintillator's light
 * then spreads (so the blur correlates the noise, as in real sensors), and electronics add their noise after.
 */
import type { Rng } from "../../../core/rng.js";
import { scratchFloat32 } from "../scratch.js";
import type { DetectorSettings } from "./detector-settings.js";
import { expNeg, logOf } from "./exp-log-tables.js";
import { expectedCounts, heelScale } from "./expected-counts.js";
import { blurColumnsAtRow, blurRows, gaussianBlur, gaussianKernel } from "./gaussian-blur.js";
import { logTransform } from "./log-transform.js";
import { addQuantumNoise, poissonDraw } from "./quantum-noise.js";
import { checkReadout, readOut } from "./readout.js";
import { maskBlur, unsharpMask } from "./unsharp-mask.js";
import { windowTo12Bit } from "./window.js";

/**
 * The 12-bit image (values 0..4095 in a Uint16Array, row-major). Pure in (L, settings, rng state): the same seed
 * gives the same bytes. Cost O(w·h·(1 + σ_PSF)).
 *
 * Computed in three sweeps over the image instead of one per stage: (1) expected counts and quantum noise, row
 * by row; (2) the PSF's row pass, then its column pass one output row at a time, with readout and log applied to
 * each finished row; (3) the unsharp mask's blur, then sharpening and windowing in one loop. Values are rounded
 * to float32 where the stages store them, and each stage draws the same random numbers in the same order, so the
 * bytes equal those of {@link exposeSensorByStages}, the stages composed one at a time.
 */
export function exposeSensor(L: Float32Array, width: number, height: number, settings: DetectorSettings, rng: Rng): Uint16Array {
  const n = width * height;
  const { photonsPerPixel, gain, offset, readNoise, adcMax, psfSigmaPx, edgeEnhancement } = settings;
  const { low, high } = settings.window;
  if (L.length !== n) throw new RangeError(`line-integral image has ${L.length} values, expected ${width}x${height}`);
  if (!(photonsPerPixel > 0)) throw new RangeError(`invalid photons per pixel: ${photonsPerPixel}`);
  checkReadout(settings);
  if (edgeEnhancement && !(edgeEnhancement.amount >= 0)) throw new RangeError(`invalid edge enhancement amount: ${edgeEnhancement.amount}`);
  if (!(high > low)) throw new RangeError(`invalid window: [${low}, ${high}]`);
  // (1) Counts: N0·h·e^(−L) (float32, as expectedCounts stores it), then one Poisson draw per pixel.
  const quantum = rng.fork("quantum");
  const { column, row } = heelScale(width, height, photonsPerPixel, settings.heel);
  // Intermediates live in scratch buffers (scratch.ts), each fully overwritten before it is read.
  const counts = scratchFloat32("expose:counts", n);
  drawCounts(L, counts, width, height, column, row, quantum.fork("gaussian"), quantum.fork("exact"));

  // (2) PSF blur, then readout (gain, read noise, offset, ADC clip) and log, a row at a time.
  const kernel = psfSigmaPx > 0 ? gaussianKernel(psfSigmaPx) : null;
  const rows = kernel ? scratchFloat32("expose:rows", n) : counts;
  if (kernel) blurRows(counts, rows, width, height, kernel);
  const log = scratchFloat32("expose:log", n);
  readOutLog(rows, log, width, height, kernel, gain, offset, readNoise, adcMax, Math.log(gain * photonsPerPixel), rng.fork("readout"));

  // (3) Unsharp mask and 12-bit window (round half up, clip; see windowTo12Bit).
  const out = new Uint16Array(n);
  const scale = 4095 / (high - low);
  if (edgeEnhancement) sharpenWindow(log, maskBlur(log, width, height, edgeEnhancement.sigmaPx, scratchFloat32("expose:blurred", n)), edgeEnhancement.amount, low, scale, out);
  else sharpenWindow(log, log, 0, low, scale, out);
  return out;
}

/*
 * The sweeps, each its own function of numbers and arrays: V8 then optimises each loop once, instead of
 * deoptimising one long function at every stage it had not reached when it compiled it.
 */

function drawCounts(L: Float32Array, counts: Float32Array, width: number, height: number, column: Float64Array, row: Float64Array, gaussian: Rng, exact: Rng): void {
  const fround = Math.fround;
  const z = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    const ry = row[y]!;
    gaussian.fillNormalsZiggurat(z);
    for (let x = 0; x < width; x++) counts[base + x] = poissonDraw(fround(column[x]! * ry * expNeg(L[base + x]!)), z[x]!, exact);
  }
}

function readOutLog(
  rows: Float32Array,
  log: Float32Array,
  width: number,
  height: number,
  kernel: Float64Array | null,
  gain: number,
  offset: number,
  readNoise: number,
  adcMax: number,
  open: number,
  readout: Rng,
): void {
  const fround = Math.fround;
  const floor = 0.5 * gain;
  const acc = new Float64Array(width);
  const z = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    if (kernel) blurColumnsAtRow(rows, width, height, kernel, y, acc);
    else for (let x = 0; x < width; x++) acc[x] = rows[base + x]!;
    if (readNoise > 0) readout.fillNormalsZiggurat(z);
    for (let x = 0; x < width; x++) {
      const v = offset + gain * (fround(acc[x]!) + readNoise * z[x]!);
      const signal = fround(v < 0 ? 0 : v > adcMax ? adcMax : v) - offset;
      log[base + x] = open - logOf(signal > floor ? signal : floor);
    }
  }
}

/** out = window(log + amount·(log − blurred)); with amount 0, the plain window of log. */
function sharpenWindow(log: Float32Array, blurred: Float32Array, amount: number, low: number, scale: number, out: Uint16Array): void {
  const fround = Math.fround;
  if (amount > 0) {
    for (let i = 0; i < log.length; i++) {
      const v = log[i]!;
      const t = (fround(v + amount * (v - blurred[i]!)) - low) * scale + 0.5;
      out[i] = t < 0 ? 0 : t > 4095 ? 4095 : t;
    }
  } else {
    for (let i = 0; i < log.length; i++) {
      const t = (log[i]! - low) * scale + 0.5;
      out[i] = t < 0 ? 0 : t > 4095 ? 4095 : t;
    }
  }
}

/**
 * The same image as {@link exposeSensor}, one stage at a time (each a new array): the reference the fused path
 * is tested against, and the clearest statement of the model.
 */
export function exposeSensorByStages(L: Float32Array, width: number, height: number, settings: DetectorSettings, rng: Rng): Uint16Array {
  const counts = addQuantumNoise(expectedCounts(L, width, height, settings.photonsPerPixel, settings.heel), rng.fork("quantum"));
  const blurred = settings.psfSigmaPx > 0 ? gaussianBlur(counts, width, height, settings.psfSigmaPx) : counts;
  const raw = readOut(blurred, settings, rng.fork("readout"));
  let log = logTransform(raw, settings, settings.photonsPerPixel);
  if (settings.edgeEnhancement) log = unsharpMask(log, width, height, settings.edgeEnhancement);
  return windowTo12Bit(log, settings.window.low, settings.window.high);
}
