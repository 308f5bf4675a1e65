import { readFileSync } from "node:fs";
import type { CommandModule } from "yargs";
import { DEFAULT_SEED } from "../core/config.js";
import { UsageError, type Problem } from "../core/errors.js";
import { StagedOutputDir } from "../core/output-dir.js";
import { loadTables, type LoadedTable } from "../evaluation/data/load-table.js";
import type { TableSchema } from "../evaluation/data/infer-schema.js";
import { inferEntityColumn } from "../evaluation/data/infer-entity-column.js";
import { shadowGeneratorFromSpec } from "../evaluation/reports/shadow-generator.js";
import { parseTableMetadata } from "../evaluation/data/table-metadata.js";
import { defaultEvaluationInputs } from "../evaluation/reports/default-inputs.js";
import { evaluateRecords } from "../evaluation/reports/evaluate-records.js";
import { formatValue } from "../evaluation/reports/format.js";
import { checkGates, parseGate } from "../evaluation/reports/gates.js";
import { writeReport } from "../evaluation/reports/write-report.js";
import { initTf } from "../core/tf-backend.js";

interface EvaluateArgs {
  train: string | undefined;
  holdout: string | undefined;
  synthetic: string | undefined;
  out: string;
  target: string | undefined;
  "quasi-identifiers": string | undefined;
  sensitive: string | undefined;
  entity: string | undefined;
  metadata: string | undefined;
  seed: string;
  "fail-on": string[] | undefined;
  "shadow-generator": string | undefined;
  mlp: boolean;
  overwrite: boolean;
  quiet: boolean;
}

const list = (text: string | undefined) => (text === undefined ? undefined : text.split(",").map((s) => s.trim()).filter(Boolean));

/** Loads the three named tables, or the bundled default when none is named; refuses a partial set. */
async function loadInputs(argv: EvaluateArgs) {
  const named = { train: argv.train, holdout: argv.holdout, synthetic: argv.synthetic };
  const given = Object.entries(named).filter(([, v]) => v !== undefined);
  if (given.length === 0) return defaultEvaluationInputs(argv.seed);
  if (given.length < 3) {
    const missing = Object.entries(named).filter(([, v]) => v === undefined).map(([k]) => k);
    throw new UsageError(
      missing.map((k) => ({ path: `--${k}`, message: "missing: name all of --train, --holdout and --synthetic, or none for the bundled demo" })),
    );
  }
  let metadata;
  if (argv.metadata) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(argv.metadata, "utf8"));
    } catch (error) {
      throw new UsageError([{ path: "--metadata", message: `cannot read ${argv.metadata} as JSON: ${(error as Error).message}` }]);
    }
    metadata = parseTableMetadata(json, argv.metadata);
  }
  const paths = named as { train: string; holdout: string; synthetic: string };
  const { schema, ...loaded }: { schema: TableSchema; train: LoadedTable; holdout: LoadedTable; synthetic: LoadedTable } = await loadTables(
    paths,
    metadata ? { metadata } : {},
  );
  return { loaded, schema, sources: { train: paths.train, holdout: paths.holdout, synthetic: paths.synthetic } };
}

export const evaluateCommand: CommandModule = {
  command: "evaluate <kind>",
  describe: "Evaluate synthetic data against held-out real data",
  builder: (y) =>
    y
      .command({
        command: "records",
        describe: "Score a synthetic table for fidelity, privacy risk and utility against real train and holdout tables",
        builder: (yy) =>
          yy
            .option("train", { type: "string", describe: "Real table the generator was fit on (.csv, .jsonl, .parquet)" })
            .option("holdout", { type: "string", describe: "Real table from the same population, never shown to the generator" })
            .option("synthetic", { type: "string", describe: "The synthetic table to evaluate" })
            .option("out", { alias: "o", type: "string", default: "dentsynth-report", describe: "Report folder" })
            .option("target", { type: "string", describe: "Column to predict for utility (default: a known column, e.g. x15_crown)" })
            .option("quasi-identifiers", { type: "string", describe: "Comma-separated quasi-identifier columns" })
            .option("sensitive", { type: "string", describe: "Comma-separated sensitive columns" })
            .option("entity", { type: "string", describe: "Patient id column (default: inferred from a repeating id column)" })
            .option("metadata", { type: "string", describe: "Metadata JSON overriding inferred column types" })
            .option("seed", { alias: "s", type: "string", default: DEFAULT_SEED, describe: "Seed of every subsample, fold and bootstrap" })
            .option("fail-on", { type: "array", string: true, describe: 'Exit 1 when a gate holds, e.g. "privacy.mia.auc>0.6"' })
            .option("shadow-generator", { type: "string", describe: "Also run the shadow-model attack with this generator: preset:NAME (Creighton-shaped tables) or model:DIR (refits the model saved by `fit records` on each shadow set)" })
            .option("mlp", { type: "boolean", default: true, describe: "Also run the MLP detector and MLP utility models (--no-mlp to skip)" })
            .option("overwrite", { type: "boolean", default: false, describe: "Replace a non-empty report folder" })
            .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print nothing but errors and gate failures" })
            .example("$0 evaluate records", "Bundled demo: generated patients vs the real Creighton table, split by patient")
            .example(
              "$0 evaluate records --train split/train.csv --holdout split/holdout.csv --synthetic syn/creighton.csv --entity id -o report",
              "Your own tables",
            )
            .example("$0 evaluate records --shadow-generator preset:clinic", "Add the shadow-model membership attack against the clinic preset")
            .example('$0 evaluate records ... --fail-on "privacy.mia.auc>0.6" --fail-on "fidelity.detection>0.8"', "CI gates: exit 1 when crossed"),
        handler: async (args) => {
          const argv = args as unknown as EvaluateArgs;
          const problems: Problem[] = [];
          const gates = (argv["fail-on"] ?? []).map((g) => {
            try {
              return parseGate(g);
            } catch (error) {
              if (error instanceof UsageError) problems.push(...error.problems);
              return null;
            }
          });
          if (problems.length) throw new UsageError(problems);
          // Check the report folder before the (long) evaluation, so a bad --out fails at once.
          StagedOutputDir.open(argv.out, { overwrite: argv.overwrite, optionName: "--out" }).abort();
          const say = (text: string) => (argv.quiet ? undefined : process.stderr.write(text));
          if (argv.mlp) say(`tfjs backend: ${await initTf()}\n`);
          const { loaded, sources, schema } = await loadInputs(argv);
          const shadow = argv["shadow-generator"]
            ? shadowGeneratorFromSpec(argv["shadow-generator"], schema, inferEntityColumn(loaded.train.table, argv.entity).column)
            : undefined;
          say(`Evaluating ${sources.synthetic} against ${sources.train} (seed ${argv.seed})\n`);
          const report = await evaluateRecords(loaded, {
            seed: argv.seed,
            ...(argv.entity !== undefined ? { entity: argv.entity } : {}),
            ...(argv.target !== undefined ? { target: argv.target } : {}),
            ...(argv["quasi-identifiers"] !== undefined ? { quasiIdentifiers: list(argv["quasi-identifiers"]) as string[] } : {}),
            ...(argv.sensitive !== undefined ? { sensitive: list(argv.sensitive) as string[] } : {}),
            mlp: argv.mlp,
            ...(shadow ? { generate: shadow } : {}),
            sources,
            command: `dentsynth ${process.argv.slice(2).join(" ")}`,
            onStep: (() => {
              let last = Date.now();
              return (step: string, i: number, total: number) => {
                if (i > 0) say(`    done in ${((Date.now() - last) / 1000).toFixed(1)} s\n`);
                last = Date.now();
                say(`  [${i + 1}/${total}] ${step}\n`);
              };
            })(),
          });
          const failed = checkGates(report, gates.filter((g) => g !== null));
          writeReport(report, argv.out, { overwrite: argv.overwrite, optionName: "--out" });
          if (!argv.quiet) {
            process.stdout.write(
              [
                `Wrote ${argv.out}/report.html, report.json and summary.md (${(report.info.durationMs / 1000).toFixed(0)} s).`,
                `  ML team:          ${report.verdicts.mlTeam.verdict.toUpperCase()}  ${report.verdicts.mlTeam.headline}`,
                `  Privacy reviewer: ${report.verdicts.privacyReviewer.verdict.toUpperCase()}  ${report.verdicts.privacyReviewer.headline}`,
                ...report.sections.map((s) => `  ${s.id.padEnd(12)} ${s.verdict.padEnd(15)} score ${formatValue(s.score)}`),
                "",
              ].join("\n"),
            );
          }
          for (const f of failed) process.stderr.write(`gate failed: ${f.gate.text} (value ${formatValue(f.value)})\n`);
          if (failed.length > 0) process.exitCode = 1;
        },
      })
      .demandCommand(1, "Name what to evaluate: records")
      .example("$0 evaluate records", "Bundled demo: generated patients vs the real Creighton table, split by patient"),
  handler: () => {},
};

