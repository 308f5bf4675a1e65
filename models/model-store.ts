import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DataError, VersionError } from "../core/errors.js";
import { TOOL_NAME, TOOL_VERSION } from "../core/version.js";
import type { ModelColumn } from "./model-schema.js";
import type { PrivacyLedger } from "./privacy-ledger.js";
import type { ModelState, StateArray, TabularModel, TrainingSummary } from "./tabular-model.js";

/**
 * A fitted model on disk: `model.json` (kind, versions, columns, privacy ledger, JSON state) and one raw
 * little-endian file per numeric array under `arrays/`, each with its sha256 so a corrupted file is caught on
 * load. Plain files, so a reviewer can read what a model kept without running dentsynth.
 */
export const MODEL_FORMAT = "dentsynth-model";
/** Bumped when the layout of model.json changes; load refuses other versions with a clear message. */
export const MODEL_FORMAT_VERSION = 1;

type DType = "float64" | "float32" | "int32";

interface ArrayEntry {
  file: string;
  dtype: DType;
  length: number;
  sha256: string;
}

export interface ModelFile {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  kind: string;
  stateVersion: number;
  tool: { name: string; version: string };
  hyperparameters: unknown;
  training: TrainingSummary;
  columns: ModelColumn[];
  contextColumns: ModelColumn[];
  privacy: PrivacyLedger;
  state: unknown;
  arrays: Record<string, ArrayEntry>;
}

function dtypeOf(a: StateArray): DType {
  if (a instanceof Float64Array) return "float64";
  if (a instanceof Float32Array) return "float32";
  return "int32";
}

/** Writes `model` into `dir` (created if needed). Returns the model.json content. */
export function saveModel(model: TabularModel, dir: string): ModelFile {
  const saved = model.exportState();
  mkdirSync(join(dir, "arrays"), { recursive: true });
  const arrays: Record<string, ArrayEntry> = {};
  for (const [name, array] of Object.entries(saved.state.arrays).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new Error(`array name ${JSON.stringify(name)} is not a safe file name`);
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    const file = `arrays/${name}.bin`;
    writeFileSync(join(dir, file), bytes);
    arrays[name] = { file, dtype: dtypeOf(array), length: array.length, sha256: createHash("sha256").update(bytes).digest("hex") };
  }
  const content: ModelFile = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    kind: model.kind,
    stateVersion: model.stateVersion,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    hyperparameters: model.hyperparameters,
    training: saved.training,
    columns: saved.columns,
    contextColumns: saved.contextColumns,
    privacy: saved.privacy,
    state: saved.state.json,
    arrays,
  };
  writeFileSync(join(dir, "model.json"), `${JSON.stringify(content, null, 2)}\n`);
  return content;
}

/**
 * Reads model.json from `dir` and checks the format before anything else, so an incompatible or foreign folder
 * gets one clear message rather than a failure deep inside a model.
 */
export function readModelFile(dir: string): ModelFile {
  const path = join(dir, "model.json");
  if (!existsSync(path)) throw new DataError(`${dir} is not a dentsynth model folder (no model.json)`, "Pass the --out folder of `dentsynth fit records`.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new DataError(`${path} is not valid JSON: ${(error as Error).message}`, "Refit the model with `dentsynth fit records`.");
  }
  const file = parsed as Partial<ModelFile>;
  if (file.format !== MODEL_FORMAT) throw new DataError(`${path} is not a dentsynth model (format ${JSON.stringify(file.format)})`, "Pass the --out folder of `dentsynth fit records`.");
  if (file.formatVersion !== MODEL_FORMAT_VERSION) {
    const by = file.tool?.version ? ` by dentsynth ${file.tool.version}` : "";
    throw new VersionError(
      `the model in ${dir} was saved${by} in model format ${String(file.formatVersion)}; this dentsynth ${TOOL_VERSION} reads format ${MODEL_FORMAT_VERSION}`,
      (file.formatVersion ?? 0) > MODEL_FORMAT_VERSION ? `Upgrade dentsynth to ${file.tool?.version ?? "a newer version"} or later, or refit the model with this version.` : "Refit the model with this version of dentsynth (`dentsynth fit records`).",
    );
  }
  return file as ModelFile;
}

/** Reads the numeric arrays listed in model.json, checking each file's length and sha256. */
export function readModelArrays(dir: string, file: ModelFile): Record<string, StateArray> {
  const out: Record<string, StateArray> = {};
  for (const [name, entry] of Object.entries(file.arrays)) {
    const path = join(dir, entry.file);
    if (!existsSync(path)) throw new DataError(`model file ${entry.file} is missing from ${dir}`, "Copy the whole model folder, or refit the model.");
    const bytes = readFileSync(path);
    if (createHash("sha256").update(bytes).digest("hex") !== entry.sha256) {
      throw new DataError(`model file ${entry.file} in ${dir} is corrupted (sha256 differs from model.json)`, "Copy the model folder again, or refit the model.");
    }
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    out[name] = entry.dtype === "float64" ? new Float64Array(copy) : entry.dtype === "float32" ? new Float32Array(copy) : new Int32Array(copy);
    if (out[name].length !== entry.length) throw new DataError(`model file ${entry.file} has the wrong length`, "Refit the model.");
  }
  return out;
}

/** Restores a model of the right kind from its folder; `create` makes an unfitted instance from hyperparameters. */
export function restoreModel<M extends TabularModel>(dir: string, file: ModelFile, create: (hyperparameters: unknown) => M): M {
  const model = create(file.hyperparameters);
  if (model.stateVersion !== file.stateVersion) {
    throw new VersionError(
      `the ${file.kind} model in ${dir} has state version ${file.stateVersion} (dentsynth ${file.tool.version}); this dentsynth ${TOOL_VERSION} reads version ${model.stateVersion}`,
      "Refit the model with this version of dentsynth (`dentsynth fit records`).",
    );
  }
  const state: ModelState = { json: file.state, arrays: readModelArrays(dir, file) };
  return model.importState({ columns: file.columns, contextColumns: file.contextColumns, privacy: file.privacy, training: file.training, state });
}
