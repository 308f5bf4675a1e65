/**
 * Typed errors, and every user-facing message template in one place (like zod's locales/en.ts), so wording stays
 * consistent and a message can be found from its text.
 *
 * Two levels: library errors are lowercase fragments naming the option and the bad value; the CLI prints them
 * as "error: ..." followed by a hint sentence with the next step. Problems found while validating are reported
 * together, each with its dotted path.
 */

/** One problem found in user input: where it is, and what is wrong. */
export interface Problem {
  /** Dotted path of the offending option or field ("patients", "shard", "config.preset"). */
  path: string;
  message: string;
}

/** Base of every error dentsynth throws on purpose. `exitCode` is what the CLI exits with. */
export class DentsynthError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;
  constructor(message: string, options: { exitCode?: number; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 1;
    this.hint = options.hint;
  }
}

/** Bad input from the user: options, config files, output folders. The CLI exits 2. */
export class UsageError extends DentsynthError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[], hint?: string) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("\n"), {
      exitCode: 2,
      ...(hint === undefined ? {} : { hint }),
    });
    this.problems = problems;
  }
}

/** Input data that cannot be used as it is (wrong columns, unreadable file). The CLI exits 2. */
export class DataError extends DentsynthError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: 2, ...(hint === undefined ? {} : { hint }) });
  }
}

/** A saved artifact (model, manifest) written by an incompatible version. The CLI exits 2. */
export class VersionError extends DentsynthError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: 2, ...(hint === undefined ? {} : { hint }) });
  }
}

/** Sampling from a model that was never fitted. */
export class NotFittedError extends DentsynthError {
  constructor(model: string) {
    super(messages.notFitted(model), { exitCode: 2, hint: "Fit the model first with `dentsynth fit records`." });
  }
}

/** Message templates. Keep user-facing wording here. */
export const messages = {
  notFitted: (model: string) => `${model} has not been fitted`,
  mustBePositiveInteger: (value: unknown) => `must be a positive whole number, got ${JSON.stringify(value)}`,
  invalidChoice: (value: unknown, valid: readonly string[]) =>
    `invalid value ${JSON.stringify(value)}; valid values are ${valid.map((v) => JSON.stringify(v)).join(", ")}`,
  invalidShard: (value: unknown) =>
    `invalid shard ${JSON.stringify(value)}; write it as i/n with 0 <= i < n, e.g. 0/4`,
  outputNotEmpty: (dir: string) => `output folder ${dir} exists and is not empty`,
  outputNotEmptyHint: "Choose a new folder, empty this one, or pass --overwrite to replace it.",
  outputIsFile: (path: string) => `output path ${path} is a file, not a folder`,
  unknownOption: (names: readonly string[]) =>
    `unknown option${names.length > 1 ? "s" : ""}: ${names.map((n) => (n.length === 1 ? `-${n}` : `--${n}`)).join(", ")}`,
  configUnreadable: (path: string, reason: string) => `cannot read config file ${path}: ${reason}`,
  configNotJson: (path: string, reason: string) => `config file ${path} is not valid JSON: ${reason}`,
} as const;
