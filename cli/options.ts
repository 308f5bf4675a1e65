import { readFileSync } from "node:fs";
import { kebabCase } from "./text.js";
import { UsageError, messages, type Problem } from "../core/errors.js";
import { parseConfig } from "../core/config.js";
import type { z } from "zod";

/** The JSON object of a --config file ({} without one); a file that cannot be read or is not an object is a UsageError. */
export function readConfigFile(configPath: string | undefined): Record<string, unknown> {
  if (!configPath) return {};
  let text: string;
  try {
    text = readFileSync(configPath, "utf8");
  } catch (error) {
    throw new UsageError([{ path: "--config", message: messages.configUnreadable(configPath, (error as Error).message) }]);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("expected a JSON object");
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new UsageError([{ path: "--config", message: messages.configNotJson(configPath, (error as Error).message) }]);
  }
}

/** A list flag given as `--views a,b` or `--views a b`. */
export const splitList = (values: readonly string[] | undefined) =>
  values?.flatMap((v) => String(v).split(",")).map((v) => v.trim()).filter((v) => v !== "");

/**
 * Builds a run config from an optional JSON config file and the command-line flags (flags win), validates it
 * with the command's zod schema, and reports every problem at once: a flag's problem names the flag
 * (`--patients`), a file's problem names the file and key (`cfg.json: preset`).
 */
export function resolveConfig<S extends z.ZodType>(
  schema: S,
  flags: Record<string, unknown>,
  configPath: string | undefined,
): z.output<S> {
  const fromFile = readConfigFile(configPath);
  const given = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  try {
    return parseConfig(schema, { ...fromFile, ...given });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const problems: Problem[] = error.problems.map((p) => {
      const key = p.path.split(".")[0] ?? "";
      const where = key in given || !configPath ? `--${kebabCase(key)}` : `${configPath}: ${p.path}`;
      return { path: key in given || !configPath ? where + (p.path.includes(".") ? ` (${p.path})` : "") : where, message: p.message };
    });
    throw new UsageError(problems, error.hint);
  }
}
