import { z } from "zod";
import { positiveIntegerSchema, seedSchema, shardSchema, workersSchema } from "../../core/config.js";
import { TABLE_FORMAT_NAMES } from "../../core/sinks/index.js";
import { MODEL_KINDS, MODEL_REGISTRY } from "../../models/registry.js";

/** Bump whenever the rows sampled for a fixed model, seed and config change. */
export const LEARNED_GENERATOR_VERSION = "1";

/** Units (patients, or rows of a flat model) per sampling block; each block has its own seed. */
export const SAMPLE_BLOCK = 256;

const positiveInt = (what: string) => positiveIntegerSchema().describe(what);

/**
 * The config of `dentsynth fit records` (also a JSON file with --config). Model-specific settings go in
 * `hyperparameters` and are checked by the model's own schema; `epsilon`, `delta` and `epochs` are shortcuts
 * for the common ones.
 */
export const fitConfigSchema = z
  .object({
    real: z.string().min(1).describe("Real training table (CSV, TSV, JSONL or Parquet; .gz allowed), e.g. the train half written by `dentsynth split`."),
    model: z.enum(MODEL_KINDS).describe("Model kind: copula, bayesnet or tvae."),
    seed: seedSchema,
    entity: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .describe('Column grouping rows into patients (linked model); "none" or null for independent rows; default: inferred.'),
    key: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .describe('Column numbering a patient\'s rows (e.g. tooth); "none" or null for none; default: detected.'),
    metadata: z.string().min(1).optional().describe("Metadata JSON overriding column kinds (same format as evaluate's --metadata)."),
    epsilon: z.number().positive().optional().describe("Differential-privacy budget epsilon (bayesnet, tvae). Absent: not differentially private."),
    delta: z.number().gt(0).lt(1).optional().describe("Differential-privacy delta (tvae; default chosen by the model)."),
    epochs: positiveInt("Training epochs (tvae).").optional(),
    hyperparameters: z.record(z.string(), z.unknown()).default({}).describe("Model-specific settings; see `dentsynth config --schema fit`."),
    // Two by default: a linked model's patients and rows models then fit at once, and the model bytes do not
    // depend on it (each component has its own stream).
    workers: z.number().int().min(1).max(64).default(2).describe("Worker threads: a linked model fits its patients and rows models at once with 2. Model bytes do not depend on it."),
  })
  .strict()
  .superRefine((config, ctx) => {
    // Cross-field checks, here so every problem is reported together and named by its flag.
    const entry = MODEL_REGISTRY[config.model];
    if (config.epsilon !== undefined && !entry.supportsEpsilon) {
      ctx.addIssue({ code: "custom", path: ["epsilon"], message: `the ${config.model} model has no differentially private version; use --model bayesnet or --model tvae` });
    }
    if (config.delta !== undefined && config.model !== "tvae") {
      ctx.addIssue({ code: "custom", path: ["delta"], message: `delta applies to the tvae model only (${config.model} is pure epsilon-DP or not DP)` });
    }
    if (config.delta !== undefined && config.epsilon === undefined) {
      ctx.addIssue({ code: "custom", path: ["delta"], message: "delta needs --epsilon as well" });
    }
    if (config.epochs !== undefined && !entry.neural) ctx.addIssue({ code: "custom", path: ["epochs"], message: `epochs applies to the tvae model only, not ${config.model}` });
  });

export type FitConfigInput = z.input<typeof fitConfigSchema>;
export type FitConfig = z.output<typeof fitConfigSchema>;

/** The config of `dentsynth sample`. */
export const sampleConfigSchema = z
  .object({
    model: z.string().min(1).describe("Model folder written by `dentsynth fit records`."),
    n: positiveInt("Patients to sample (rows, for a model fitted with --entity none), over all shards."),
    seed: seedSchema,
    format: z.enum(TABLE_FORMAT_NAMES).default("csv").describe("Table file format."),
    shard: shardSchema,
    workers: workersSchema,
  })
  .strict();

export type SampleConfigInput = z.input<typeof sampleConfigSchema>;
export type SampleConfig = z.output<typeof sampleConfigSchema>;
