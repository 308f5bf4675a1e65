import { z } from "zod";
import { positiveIntegerSchema, seedSchema, shardSchema, workersSchema } from "../../core/config.js";
import { TABLE_FORMAT_NAMES } from "../../core/sinks/index.js";
import { DEFAULT_PRESET, PRESETS } from "../patient/presets.js";
import { RECORD_TABLE_NAMES } from "./tables.js";

/** Bump whenever the records written for a fixed seed and config change. */
export const RECORDS_GENERATOR_VERSION = "1";

export const PRESET_NAMES = Object.keys(PRESETS) as [string, ...string[]];

/**
 * The config of `dentsynth generate records` (also accepted as a JSON file with --config). The schema is the
 * single source of the option types, defaults and descriptions; `dentsynth config --schema` prints it.
 */
export const recordsConfigSchema = z
  .object({
    patients: positiveIntegerSchema()
      .describe("Number of virtual patients to generate (over all shards)."),
    seed: seedSchema,
    preset: z.enum(PRESET_NAMES).default(DEFAULT_PRESET).describe("Population preset the patients are drawn from."),
    format: z.enum(TABLE_FORMAT_NAMES).default("csv").describe("Table file format."),
    tables: z
      .array(z.enum(RECORD_TABLE_NAMES as [string, ...string[]]))
      .min(1)
      .default([...RECORD_TABLE_NAMES])
      .describe("Which tables to write."),
    shard: shardSchema,
    workers: workersSchema,
    batchSize: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(1000)
      .describe("Patients per batch (and per Parquet row group). Part of the output's identity: keep it fixed to compare runs."),
  })
  .strict();

export type RecordsConfigInput = z.input<typeof recordsConfigSchema>;
export type RecordsConfig = z.output<typeof recordsConfigSchema>;
