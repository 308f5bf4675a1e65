import type { Argv, CommandModule } from "yargs";
import { TABLE_FORMAT_NAMES } from "../core/sinks/index.js";
import { sampleConfigSchema } from "../generators/learned/config.js";
import { sampleRecords } from "../generators/learned/sample-records.js";
import { resolveConfig } from "./options.js";
import { seedOption, shardOption, workersOption, outOption, overwriteOption, configOption, quietOption } from "./run-options.js";
import { progressOption } from "./progress.js";
import { printRunSummary } from "./summary.js";

interface SampleArgs {
  model?: string;
  n?: number;
  seed?: string;
  format?: string;
  shard?: string;
  workers?: number;
  out: string;
  overwrite: boolean;
  config?: string;
  quiet: boolean;
}

export const sampleCommand: CommandModule<object, SampleArgs> = {
  command: "sample",
  describe: "Sample synthetic records from a model fitted with `fit records`",
  builder: (y) =>
    (y as Argv<object>)
      .option("model", { alias: "m", type: "string", describe: "Model folder written by `dentsynth fit records`" })
      .option("n", { type: "number", describe: "Patients to sample (rows, for a model fitted with --entity none)" })
      .option("seed", seedOption)
      .option("format", { alias: "f", type: "string", describe: `Table format: ${TABLE_FORMAT_NAMES.join(", ")} (default csv)` })
      .option("shard", shardOption("Write only shard i of n, as i/n (shards own whole blocks of 256 patients)"))
      .option("workers", workersOption())
      .option("out", outOption())
      .option("overwrite", overwriteOption)
      .option("config", configOption())
      .option("quiet", quietOption())
      .example("$0 sample --model out/copula --n 1000 -o out/synthetic", "1,000 synthetic patients as CSV")
      .example("$0 sample --model out/tvae --n 50000 -f parquet -w 2 -o out/big", "Parquet, two worker threads") as Argv<SampleArgs>,
  handler: async (argv) => {
    const config = resolveConfig(
      sampleConfigSchema,
      { model: argv.model, n: argv.n, seed: argv.seed, format: argv.format, shard: argv.shard, workers: argv.workers },
      argv.config,
    );
    const progress = progressOption("patients", argv.quiet);
    const manifest = await sampleRecords(config, argv.out, {
      overwrite: argv.overwrite,
      command: `dentsynth ${process.argv.slice(2).join(" ")}`,
      outOptionName: "--out",
      ...progress.options,
    });
    progress.stop();
    if (argv.quiet) return;
    if (manifest.backend) process.stderr.write(`tfjs backend: ${manifest.backend}\n`);
    printRunSummary(manifest, argv.out);
  },
};
