import { z } from "zod";
import { UsageError, messages, type Problem } from "./errors.js";

/**
 * Pieces shared by every run config (one zod schema per config lives beside its generator; they are built from
 * these). The schema is the single source of types, defaults, descriptions and the JSON Schema export.
 */

/** Documented default master seed: used and printed when no --seed is given, and written to the manifest. */
export const DEFAULT_SEED = "42";

export const seedSchema = z
  .union([z.string().min(1), z.number().int()])
  .transform((v) => String(v))
  .default(DEFAULT_SEED)
  .describe("Master seed. Any string or integer; the same seed and config give byte-identical output.");

/** A shard is a contiguous range of record indices: shard i of n owns [floor(i*N/n), floor((i+1)*N/n)). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses "i/n" (0 <= i < n). Returns null when malformed, so callers report it with their own path. */
export function parseShard(text: string): Shard | null {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count) return null;
  return { index, count };
}

export const shardSchema = z
  .union([
    z.string(),
    z.object({ index: z.number().int().min(0), count: z.number().int().min(1) }).strict(),
  ])
  .transform((v, ctx): Shard => {
    const shard = typeof v === "string" ? parseShard(v) : v.index < v.count ? v : null;
    if (!shard) {
      ctx.addIssue({ code: "custom", message: messages.invalidShard(typeof v === "string" ? v : `${v.index}/${v.count}`) });
      return z.NEVER;
    }
    return shard;
  })
  .default({ index: 0, count: 1 })
  .describe('This run\'s part of the records, "i/n": shard outputs concatenated in order equal the unsharded output.');

/** The index range [start, end) that a shard owns out of `total` records. */
export function shardRange(total: number, shard: Shard): { start: number; end: number } {
  return {
    start: Math.floor((shard.index * total) / shard.count),
    end: Math.floor(((shard.index + 1) * total) / shard.count),
  };
}

/** A count of records that must be a whole number >= 1, with the CLI's wording of the problem. */
export const positiveIntegerSchema = () =>
  z
    .number({ error: (issue) => messages.mustBePositiveInteger(issue.input) })
    .int({ error: (issue) => messages.mustBePositiveInteger(issue.input) })
    .positive({ error: (issue) => messages.mustBePositiveInteger(issue.input) });

export const workersSchema = z
  .number()
  .int()
  .min(1)
  .max(64)
  .default(1)
  .describe("Worker threads. Output bytes do not depend on it.");

/**
 * Validates `input` against `schema` and throws one UsageError listing every problem with its dotted path
 * (prefixed by `pathPrefix`, e.g. "config" for a config file), or returns the parsed value.
 */
export function parseConfig<S extends z.ZodType>(schema: S, input: unknown, pathPrefix = ""): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const problems: Problem[] = result.error.issues.map((issue) => {
    const path = [pathPrefix, ...issue.path.map(String)].filter((p) => p !== "").join(".");
    return { path, message: describeIssue(issue) };
  });
  throw new UsageError(problems);
}

/** Zod's issue text, with enum failures rewritten to name the valid values the way the rest of the CLI does. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value" && "values" in issue) {
    return messages.invalidChoice((issue as { input?: unknown }).input, issue.values.map(String));
  }
  if (issue.code === "unrecognized_keys") {
    return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
  }
  return issue.message;
}
