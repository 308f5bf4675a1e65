import { DentsynthError, UsageError } from "../core/errors.js";
import { abortAllStagedOutputs } from "../core/output-dir.js";

/**
 * Prints an error the way every command does: "error: ..." lines naming the option, then a hint with the next
 * step, and no stack trace (set DENTSYNTH_DEBUG=1 to see it). Returns the exit code: 2 for bad input.
 */
export function reportError(error: unknown, commandHint = "dentsynth --help"): number {
  abortAllStagedOutputs();
  if (error instanceof DentsynthError) {
    const lines = error instanceof UsageError ? error.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)) : [error.message];
    for (const line of lines) process.stderr.write(`error: ${line}\n`);
    process.stderr.write(`${error.hint ?? `Run \`${commandHint}\` for the options and examples.`}\n`);
    if (process.env.DENTSYNTH_DEBUG) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  process.stderr.write(`error: ${e.message}\nThis is a bug in dentsynth; please report it with the command you ran.\n`);
  if (process.env.DENTSYNTH_DEBUG) process.stderr.write(`${e.stack}\n`);
  return 1;
}
