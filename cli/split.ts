import type { CommandModule } from "yargs";
import { DEFAULT_SEED } from "../core/config.js";
import { UsageError, messages, type Problem } from "../core/errors.js";
import { buildManifest, writeManifest } from "../core/manifest.js";
import { StagedOutputDir } from "../core/output-dir.js";
import { TABLE_FORMAT_NAMES } from "../core/sinks/index.js";
import { detectFormat, readRawTable } from "../evaluation/data/load-table.js";
import { splitByEntity } from "../evaluation/split/split-by-entity.js";
import { writeRawRows } from "../evaluation/split/write-raw-table.js";

interface SplitArgs {
  in: string;
  by: string;
  holdout: number;
  seed: string;
  out: string;
  format: string | undefined;
  overwrite: boolean;
}

/** `dentsynth split`: a real table into train and holdout parts by patient, never by row. */
export const splitCommand: CommandModule<object, SplitArgs> = {
  command: "split",
  describe: "Split a real table into train and holdout by patient (all rows of a patient on one side)",
  builder: (y) =>
    y
      .option("in", { alias: "i", type: "string", demandOption: true, describe: "Input table (.csv, .jsonl, .parquet; .gz allowed for text)" })
      .option("by", { type: "string", default: "patient_id", describe: "Entity (patient) id column" })
      .option("holdout", { type: "number", default: 0.5, describe: "Fraction of patients held out (0 < f < 1)" })
      .option("seed", { alias: "s", type: "string", default: DEFAULT_SEED, describe: "Seed of the split" })
      .option("out", { alias: "o", type: "string", demandOption: true, describe: "Output folder for train.* and holdout.*" })
      .option("format", { alias: "f", type: "string", describe: `Output format: ${TABLE_FORMAT_NAMES.join(", ")} (default: the input's)` })
      .option("overwrite", { type: "boolean", default: false, describe: "Replace a non-empty output folder" })
      .example("$0 split --in samples/real/MST-Teeth-Creighton/Teeth.csv.gz --by id --holdout 0.5 -o out/split", "Half of the Creighton patients held out")
      .example("$0 split -i out/records/creighton.csv --by id -o out/syn-split -f parquet", "Split a generated table, write Parquet"),
  handler: async (argv) => {
    const problems: Problem[] = [];
    if (!(argv.holdout > 0 && argv.holdout < 1)) problems.push({ path: "--holdout", message: `must be a fraction between 0 and 1, got ${argv.holdout}` });
    const detected = detectFormat(argv.in);
    const format = argv.format ?? (detected?.format === "tsv" ? "csv" : detected?.format);
    if (!format || !(TABLE_FORMAT_NAMES as string[]).includes(format)) {
      problems.push({ path: "--format", message: messages.invalidChoice(argv.format ?? argv.in, TABLE_FORMAT_NAMES) });
    }
    if (problems.length > 0) throw new UsageError(problems);
    const out = StagedOutputDir.open(argv.out, { overwrite: argv.overwrite, optionName: "--out" });
    try {
      const started = Date.now();
      const table = await readRawTable(argv.in);
      const split = splitByEntity(table, argv.by, argv.holdout, argv.seed);
      const fmt = format as (typeof TABLE_FORMAT_NAMES)[number];
      const files = (["train", "holdout"] as const).map((part) => {
        const path = `${part}.${fmt}`;
        const written = writeRawRows(table, split[part], out.file(path), fmt);
        return { path, role: `split:${part}`, format: fmt, ...written };
      });
      const finished = Date.now();
      writeManifest(
        out.file("manifest.json"),
        buildManifest({
          command: `dentsynth ${process.argv.slice(2).join(" ")}`,
          generator: { name: "split", version: "1" },
          seed: argv.seed,
          config: { in: argv.in, by: argv.by, holdout: argv.holdout, format: fmt },
          shard: { index: 0, count: 1, firstRecord: 0, endRecord: table.nRows },
          counts: { rows: table.nRows, trainRows: split.train.length, holdoutRows: split.holdout.length, trainPatients: split.entities.train, holdoutPatients: split.entities.holdout },
          files,
          timing: { startedAt: new Date(started).toISOString(), finishedAt: new Date(finished).toISOString(), wallTimeMs: finished - started },
        }),
      );
      out.commit();
      process.stdout.write(
        `Split ${table.nRows} rows of ${split.entities.train + split.entities.holdout} patients (by ${argv.by}, seed ${argv.seed}):\n` +
          `  ${files[0]?.path}: ${split.train.length} rows, ${split.entities.train} patients\n` +
          `  ${files[1]?.path}: ${split.holdout.length} rows, ${split.entities.holdout} patients\n`,
      );
    } catch (error) {
      out.abort();
      throw error;
    }
  },
};
