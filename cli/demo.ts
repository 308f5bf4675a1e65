import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { CommandModule } from "yargs";
import { DEFAULT_SEED } from "../core/config.js";
import { UsageError, messages } from "../core/errors.js";
import { generateRecords } from "../generators/records/generate-records.js";
import { defaultEvaluationInputs } from "../evaluation/reports/default-inputs.js";
import { evaluateRecords } from "../evaluation/reports/evaluate-records.js";
import { writeReport } from "../evaluation/reports/write-report.js";
import { progressReporter } from "./progress.js";
import { printRunSummary } from "./summary.js";

interface DemoArgs {
  out: string;
  patients: number;
  seed: string;
  mlp: boolean;
}

/**
 * The main job on bundled defaults, for a first run: generates case records of the default clinic preset into
 * one folder and says what to look at next. Re-running it replaces only a folder that an earlier demo wrote.
 */
export const demoCommand: CommandModule<object, DemoArgs> = {
  command: "demo",
  describe: "Run the main job on bundled defaults: generate case records and evaluate them against the bundled real table",
  builder: (y) =>
    y
      .option("out", { alias: "o", type: "string", default: "dentsynth-demo", describe: "Output folder" })
      .option("patients", { alias: "n", type: "number", default: 1000, describe: "Number of patients" })
      .option("seed", { alias: "s", type: "string", default: DEFAULT_SEED, describe: "Master seed" })
      .option("mlp", { type: "boolean", default: true, describe: "Include the MLP detector and MLP utility model in the evaluation" })
      .example("$0 demo", "1,000 patients into ./dentsynth-demo/records, evaluation into ./dentsynth-demo/report")
      .example("$0 demo -n 5000 -o /tmp/demo", "A bigger demo elsewhere"),
  handler: async (argv) => {
    const recordsDir = join(argv.out, "records");
    // Only a folder holding an earlier demo (a manifest in records/) is replaced; anything else is refused.
    const ours = existsSync(join(recordsDir, "manifest.json"));
    if (existsSync(argv.out) && readdirSync(argv.out).length > 0 && !ours) {
      throw new UsageError([{ path: "--out", message: messages.outputNotEmpty(argv.out) }], "Choose another folder with --out.");
    }
    process.stderr.write(`dentsynth demo: ${argv.patients} patients, seed ${argv.seed}, clinic preset\n`);
    let bar: ReturnType<typeof progressReporter> | undefined;
    const manifest = await generateRecords({ patients: argv.patients, seed: argv.seed }, recordsDir, {
      overwrite: ours,
      command: `dentsynth ${process.argv.slice(2).join(" ")}`,
      outOptionName: "--out",
      onProgress: (done, total) => {
        bar ??= progressReporter("patients", total);
        bar.update(done);
      },
    });
    bar?.stop();
    printRunSummary(manifest, recordsDir);

    // The evaluation half: generated patients in the Creighton shape against the bundled real table, split by patient.
    const reportDir = join(argv.out, "report");
    process.stderr.write(`\nEvaluating generated patients against the bundled real Creighton table (split by patient, seed ${argv.seed})\n`);
    const { loaded, sources } = await defaultEvaluationInputs(argv.seed);
    const report = await evaluateRecords(loaded, {
      seed: argv.seed,
      mlp: argv.mlp,
      sources,
      command: `dentsynth ${process.argv.slice(2).join(" ")}`,
      onStep: (step, i, total) => process.stderr.write(`  [${i + 1}/${total}] ${step}\n`),
    });
    writeReport(report, reportDir, { overwrite: true, optionName: "--out" });
    process.stdout.write(
      [
        `Wrote ${reportDir}/report.html, report.json and summary.md`,
        `  ML team:          ${report.verdicts.mlTeam.verdict.toUpperCase()}  ${report.verdicts.mlTeam.headline}`,
        `  Privacy reviewer: ${report.verdicts.privacyReviewer.verdict.toUpperCase()}  ${report.verdicts.privacyReviewer.headline}`,
        "",
        "Next:",
        `  open ${join(reportDir, "report.html")} in a browser (works offline)`,
        `  open ${join(recordsDir, "data_dictionary.md")} for what every column means`,
        "  dentsynth generate records --help   for sizes, presets, formats, shards and workers",
        "  dentsynth evaluate records --help   to evaluate your own tables",
        "",
      ].join("\n"),
    );
  },
};
