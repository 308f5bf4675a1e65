import { DEFAULT_SEED } from "../core/config.js";
import { UsageError, messages } from "../core/errors.js";
import { DEFAULT_PRESET, PRESETS } from "./patient/presets.js";
import { samplePatient } from "./patient/sample-patient.js";
import type { VirtualPatient } from "./patient/types.js";

export interface GeneratePatientsOptions {
  /** How many patients. */
  count: number;
  /** Master seed (default "42"). */
  seed?: string | number;
  /** Population preset name (default "clinic"). */
  preset?: string;
  /** Index of the first patient (default 0): patients [start, start + count). */
  start?: number;
}

/**
 * Virtual patients in memory, for fixtures and notebooks. Patient i is the same object whatever `start` and
 * `count` are, and the same patient the CLI writes for that seed and preset.
 *
 * @example
 * import { generatePatients } from "dentsynth";
 * const [patient] = generatePatients({ count: 1, seed: 7 });
 * patient.teeth.filter((t) => t.lesions.length > 0);
 */
export function generatePatients(options: GeneratePatientsOptions): VirtualPatient[] {
  const { count, start = 0 } = options;
  const presetName = options.preset ?? DEFAULT_PRESET;
  const preset = PRESETS[presetName];
  const problems = [];
  if (!Number.isInteger(count) || count < 0) problems.push({ path: "count", message: messages.mustBePositiveInteger(count) });
  if (!Number.isInteger(start) || start < 0) problems.push({ path: "start", message: messages.mustBePositiveInteger(start) });
  if (!preset) problems.push({ path: "preset", message: messages.invalidChoice(presetName, Object.keys(PRESETS)) });
  if (problems.length > 0 || !preset) throw new UsageError(problems);
  const seed = String(options.seed ?? DEFAULT_SEED);
  const out: VirtualPatient[] = [];
  for (let i = start; i < start + count; i++) out.push(samplePatient(i, seed, preset));
  return out;
}
