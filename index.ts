/**
 * dentsynth library API. Everything the CLI does is a typed call here first, so tests and pipelines get the same
 * bytes as the command line.
 */
export { Rng, type RngState } from "./core/rng.js";
export { DEFAULT_SEED, parseShard, shardRange, type Shard } from "./core/config.js";
export { DentsynthError, UsageError, DataError, VersionError, NotFittedError, type Problem } from "./core/errors.js";
export type { RunManifest, ManifestFile } from "./core/manifest.js";
export { TABLE_FORMATS, type TableSpec, type ColumnSpec } from "./core/sinks/index.js";

export * from "./generators/patient/types.js";
export * from "./generators/patient/dentition.js";
export { PRESETS, DEFAULT_PRESET } from "./generators/patient/presets.js";
export { samplePatient } from "./generators/patient/sample-patient.js";
export { dmftOf } from "./generators/patient/dmft.js";
export { checkDomainRules } from "./generators/patient/rules.js";
export { generatePatients } from "./generators/generate-patients.js";

export { generateRecords, type GenerateRecordsOptions } from "./generators/records/generate-records.js";
export { recordsConfigSchema, type RecordsConfig, type RecordsConfigInput } from "./generators/records/config.js";
export { RECORD_TABLES, patientRows } from "./generators/records/tables.js";

export { fitRecords, type FitRecordsOptions, type FitRecordsResult } from "./generators/learned/fit-records.js";
export { sampleRecords, type SampleRecordsOptions } from "./generators/learned/sample-records.js";
export { fitConfigSchema, sampleConfigSchema, type FitConfigInput, type SampleConfigInput } from "./generators/learned/config.js";
export { TabularModel, type FitOptions, type SampleOptions } from "./models/tabular-model.js";
export { MODEL_KINDS, MODEL_REGISTRY, createModel, CopulaModel, BayesNetModel, TvaeModel, type ModelKind } from "./models/registry.js";
export { RecordsModel } from "./models/linked/records-model.js";
export { loadRecordsModel, saveRecordsModel } from "./models/linked/records-model-store.js";
export type { PrivacyLedger } from "./models/privacy-ledger.js";
