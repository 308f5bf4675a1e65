import type { Argv, CommandModule } from "yargs";
import { fitConfigSchema } from "../generators/learned/config.js";
import { fitRecords } from "../generators/learned/fit-records.js";
import { MODEL_KINDS, MODEL_REGISTRY } from "../models/registry.js";
import { resolveConfig } from "./options.js";
import { seedOption, workersOption, outOption, overwriteOption, configOption, quietOption } from "./run-options.js";

interface FitArgs {
  real?: string;
  model?: string;
  epsilon?: number;
  delta?: number;
  epochs?: number;
  entity?: string;
  key?: string;
  metadata?: string;
  seed?: string;
  workers?: number;
  out: string;
  overwrite: boolean;
  config?: string;
  quiet: boolean;
}

const fitRecordsCommand: CommandModule<object, FitArgs> = {
  command: "records",
  describe: "Fit a learned model (copula, bayesnet, tvae) on a real records table and save it",
  builder: (y) =>
    (y as Argv<object>)
      .option("real", { alias: "r", type: "string", describe: "Real training table (CSV/TSV/JSONL/Parquet, .gz ok), e.g. from `dentsynth split`" })
      .option("model", { alias: "m", type: "string", describe: `Model: ${MODEL_KINDS.map((k) => `${k} (${MODEL_REGISTRY[k].describe})`).join("; ")}` })
      .option("epsilon", { type: "number", describe: "Differential privacy budget (bayesnet, tvae); absent = not DP" })
      .option("delta", { type: "number", describe: "Differential privacy delta (tvae)" })
      .option("epochs", { type: "number", describe: "Training epochs (tvae)" })
      .option("entity", { type: "string", describe: 'Patient id column (default: inferred); "none" for independent rows' })
      .option("key", { type: "string", describe: 'Column numbering a patient\'s rows, e.g. tooth (default: detected); "none" for none' })
      .option("metadata", { type: "string", describe: "Metadata JSON overriding column kinds (as for evaluate)" })
      .option("seed", seedOption)
      .option("workers", workersOption("Worker threads (default 2: the patients and rows models fit at once; same model bytes)"))
      .option("out", outOption("Model folder to write (must be new or empty)"))
      .option("overwrite", overwriteOption)
      .option("config", configOption("JSON config file (model hyperparameters under \"hyperparameters\"); flags override"))
      .option("quiet", quietOption("No progress output"))
      .example("$0 fit records --real split/train.csv --model copula -o out/copula", "Gaussian copula, linked by patient")
      .example("$0 fit records --real split/train.csv --model bayesnet --epsilon 1 -o out/privbayes", "Differentially private Bayesian network")
      .example("$0 fit records --real split/train.csv --model tvae --epochs 50 -w 2 -o out/tvae", "TVAE, patients and rows models on two threads") as Argv<FitArgs>,
  handler: async (argv) => {
    const config = resolveConfig(
      fitConfigSchema,
      {
        real: argv.real,
        model: argv.model,
        epsilon: argv.epsilon,
        delta: argv.delta,
        epochs: argv.epochs,
        entity: argv.entity,
        key: argv.key,
        metadata: argv.metadata,
        seed: argv.seed,
        workers: argv.workers,
      },
      argv.config,
    );
    const log = (line: string) => {
      if (!argv.quiet) process.stderr.write(`${line}\n`);
    };
    const { file } = await fitRecords(config, argv.out, { overwrite: argv.overwrite, outOptionName: "--out", onStage: log });
    if (argv.quiet) return;
    const lines = [`Wrote ${argv.out}: ${file.kind} model fitted in ${file.fitSeconds.toFixed(1)} s on ${file.trainingData.rows.toLocaleString("en-US")} rows${file.trainingData.patients ? ` (${file.trainingData.patients.toLocaleString("en-US")} patients)` : ""}`];
    if (file.linked) {
      lines.push(`  linked by ${file.linked.entity}: ${file.linked.parent.length} patient-level columns, ${file.linked.child.length} row-level columns, key ${file.linked.key ?? "none (row count modelled)"}`);
    }
    if (file.backend) lines.push(`  tfjs backend: ${file.backend}`);
    const p = file.privacy;
    lines.push(p.epsilon === null ? "  privacy: not differentially private (measure the risk with `dentsynth evaluate records`)" : `  privacy: (${p.epsilon.toPrecision(3)}, ${p.delta ?? 0})-DP per ${p.unit}, ${p.mechanism}; ${p.accountant ?? ""}`);
    if (p.epsilon !== null) for (const note of p.notes) lines.push(`  note: ${note}`);
    lines.push(`Next: dentsynth sample --model ${argv.out} --n 1000 --out synthetic/`);
    process.stdout.write(lines.join("\n") + "\n");
  },
};

export const fitCommand: CommandModule = {
  command: "fit <kind>",
  describe: "Fit a learned generator on real data",
  builder: (y) =>
    y
      .command(fitRecordsCommand as unknown as CommandModule)
      .demandCommand(1, "Name what to fit: records")
      .example("$0 fit records --real train.csv --model copula -o model/", "Fit a Gaussian copula"),
  handler: () => {},
};
