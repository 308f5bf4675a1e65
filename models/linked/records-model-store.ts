import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DataError, VersionError } from "../../core/errors.js";
import { TOOL_NAME, TOOL_VERSION } from "../../core/version.js";
import { readModelFile, restoreModel, saveModel } from "../model-store.js";
import type { PrivacyLedger } from "../privacy-ledger.js";
import type { TabularModel } from "../tabular-model.js";
import { RecordsModel, type ComponentRole, type LinkedLayout, type OutputColumn } from "./records-model.js";

/**
 * A fitted records model on disk:
 * ```
 * MODEL_DIR/records-model.json   kind, versions, layout, output columns, privacy ledger, provenance
 * MODEL_DIR/table/  or  MODEL_DIR/patients/ + MODEL_DIR/rows/   component models (model-store.ts)
 * ```
 */
export const RECORDS_MODEL_FORMAT = "dentsynth-records-model";
export const RECORDS_MODEL_FORMAT_VERSION = 1;
const FILE = "records-model.json";

export interface RecordsModelFile {
  format: typeof RECORDS_MODEL_FORMAT;
  formatVersion: number;
  tool: { name: string; version: string };
  kind: string;
  hyperparameters: unknown;
  /** tfjs backend the model was fitted on (neural models), else null. */
  backend: string | null;
  /** The metadata overrides the training table was read with (`--metadata`), or null. */
  metadata: unknown;
  /** Where the training data came from: file name and sha256, never its content. */
  trainingData: { source: string; sha256: string | null; rows: number; patients: number | null };
  columns: OutputColumn[];
  linked: LinkedLayout | null;
  components: ComponentRole[];
  privacy: PrivacyLedger;
  fitSeconds: number;
}

export function saveRecordsModel(
  model: RecordsModel,
  dir: string,
  info: { hyperparameters: unknown; backend: string | null; trainingData: RecordsModelFile["trainingData"]; fitSeconds: number; metadata?: unknown },
): RecordsModelFile {
  const components = Object.keys(model.models).sort() as ComponentRole[];
  for (const role of components) saveModel(model.models[role] as TabularModel, join(dir, role));
  const file: RecordsModelFile = {
    format: RECORDS_MODEL_FORMAT,
    formatVersion: RECORDS_MODEL_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    kind: model.kind,
    hyperparameters: info.hyperparameters,
    backend: info.backend,
    metadata: info.metadata ?? null,
    trainingData: info.trainingData,
    columns: [...model.columns],
    linked: model.linked,
    components,
    privacy: model.privacy,
    fitSeconds: info.fitSeconds,
  };
  writeFileSync(join(dir, FILE), `${JSON.stringify(file, null, 2)}\n`);
  return file;
}

/** Reads and checks records-model.json; refuses other format versions with a message naming both versions. */
export function readRecordsModelFile(dir: string): RecordsModelFile {
  const path = join(dir, FILE);
  if (!existsSync(dir)) throw new DataError(`model folder ${dir} does not exist`, "Pass the --out folder of `dentsynth fit records`.");
  if (!existsSync(path)) throw new DataError(`${dir} is not a dentsynth model folder (no ${FILE})`, "Pass the --out folder of `dentsynth fit records`.");
  let file: Partial<RecordsModelFile>;
  try {
    file = JSON.parse(readFileSync(path, "utf8")) as Partial<RecordsModelFile>;
  } catch (error) {
    throw new DataError(`${path} is not valid JSON: ${(error as Error).message}`, "Refit the model with `dentsynth fit records`.");
  }
  if (file.format !== RECORDS_MODEL_FORMAT) throw new DataError(`${path} is not a dentsynth records model`, "Pass the --out folder of `dentsynth fit records`.");
  if (file.formatVersion !== RECORDS_MODEL_FORMAT_VERSION) {
    const newer = (file.formatVersion ?? 0) > RECORDS_MODEL_FORMAT_VERSION;
    throw new VersionError(
      `the model in ${dir} was saved by dentsynth ${file.tool?.version ?? "unknown"} in records-model format ${String(file.formatVersion)}; this dentsynth ${TOOL_VERSION} reads format ${RECORDS_MODEL_FORMAT_VERSION}`,
      newer ? `Upgrade dentsynth to ${file.tool?.version ?? "a newer version"} or later, or refit with this version.` : "Refit the model with this version of dentsynth (`dentsynth fit records`).",
    );
  }
  return file as RecordsModelFile;
}

/** Loads a fitted records model; `create` makes an unfitted component of the saved kind from hyperparameters. */
export function loadRecordsModel(dir: string, create: (kind: string, hyperparameters: unknown) => TabularModel): { model: RecordsModel; file: RecordsModelFile } {
  const file = readRecordsModelFile(dir);
  const components: Partial<Record<ComponentRole, TabularModel>> = {};
  for (const role of file.components) {
    const componentDir = join(dir, role);
    const componentFile = readModelFile(componentDir);
    if (componentFile.kind !== file.kind) throw new DataError(`${componentDir} holds a ${componentFile.kind} model, not ${file.kind}`, "Refit the model.");
    components[role] = restoreModel(componentDir, componentFile, (h) => create(file.kind, h));
  }
  return { model: RecordsModel.restore(file.kind, file.columns, file.linked, components), file };
}
