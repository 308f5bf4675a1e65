#!/usr/bin/env node
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { UsageError } from "../core/errors.js";
import { abortAllStagedOutputs } from "../core/output-dir.js";
import { TOOL_VERSION } from "../core/version.js";
import { configCommand } from "./config-command.js";
import { demoCommand } from "./demo.js";
import { reportError } from "./errors.js";
import { generateCommand } from "./generate.js";
import { splitCommand } from "./split.js";
import { evaluateCommand } from "./evaluate.js";
import { fitCommand } from "./fit.js";
import { sampleCommand } from "./sample.js";

/**
 * The dentsynth command line. Each command lives in its own file and is a thin layer: parse (yargs), validate
 * (zod), call the library, print. Bad input exits 2 with one message naming the option and the fix.
 */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const parser = yargs(argv)
    .scriptName("dentsynth")
    .usage("$0 <command> [options]\n\nSeeded synthetic dental datasets, and how good and how safe they are.")
    .command(demoCommand as never)
    .command(generateCommand)
    .command(splitCommand as never)
    .command(fitCommand)
    .command(sampleCommand as never)
    .command(evaluateCommand)
    .command(configCommand as never)
    .demandCommand(1, "Name a command.")
    .strict()
    .recommendCommands()
    .version(TOOL_VERSION)
    .alias("h", "help")
    .alias("V", "version")
    .wrap(Math.min(110, process.stdout.columns || 110))
    .epilogue("Docs: README.md and docs/ in the repository. Same seed and config give byte-identical output.")
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError([{ path: "", message: message ?? "invalid command line" }]);
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    exitCode = reportError(error);
  }
  return exitCode;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    abortAllStagedOutputs();
    process.exit(130);
  });
}

const code = await main(hideBin(process.argv));
// A command may set a non-zero exit code without failing (a --fail-on gate holds): keep it.
if (code !== 0 || process.exitCode === undefined) process.exitCode = code;
