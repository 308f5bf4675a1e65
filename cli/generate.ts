import type { Argv, CommandModule } from "yargs";
import { TABLE_FORMAT_NAMES } from "../core/sinks/index.js";
import { generateRecords } from "../generators/records/generate-records.js";
import { MESH_FORMATS, meshesConfigSchema } from "../generators/meshes/config.js";
import { generateMeshes } from "../generators/meshes/generate-meshes.js";
import { recordsConfigSchema } from "../generators/records/config.js";
import { RECORD_TABLE_NAMES } from "../generators/records/tables.js";
import { resolveConfig } from "./options.js";
import { patientsOption, presetOption, seedOption, shardOption, workersOption, outOption, overwriteOption, configOption, quietOption } from "./run-options.js";
import { progressOption } from "./progress.js";
import { printRunSummary } from "./summary.js";
import { radiographsCommand } from "./generate-radiographs.js";
import { allCommand } from "./generate-all.js";

interface RecordsArgs {
  patients?: number;
  seed?: string;
  preset?: string;
  format?: string;
  tables?: string[];
  shard?: string;
  workers?: number;
  "batch-size"?: number;
  out: string;
  overwrite: boolean;
  config?: string;
  quiet: boolean;
}

const recordsCommand: CommandModule<object, RecordsArgs> = {
  command: "records",
  describe: "Generate linked case-record tables (patients, teeth, lesions, lab_cases, Creighton-shaped teeth)",
  builder: (y) =>
    (y as Argv<object>)
      .option("patients", patientsOption)
      .option("seed", seedOption)
      .option("preset", presetOption)
      .option("format", { alias: "f", type: "string", describe: `Table format: ${TABLE_FORMAT_NAMES.join(", ")} (default csv)` })
      .option("tables", { type: "array", string: true, describe: `Tables to write (default all): ${RECORD_TABLE_NAMES.join(", ")}` })
      .option("shard", shardOption())
      .option("workers", workersOption())
      .option("batch-size", { type: "number", describe: "Patients per batch / Parquet row group (default 1000)" })
      .option("out", outOption())
      .option("overwrite", overwriteOption)
      .option("config", configOption())
      .option("quiet", quietOption())
      .example("$0 generate records -n 1000 -o out/records", "1,000 patients of the default clinic preset, CSV")
      .example("$0 generate records -n 100000 --preset us-adult -f parquet -w 2 -o out/us", "Parquet, two worker threads")
      .example("$0 generate records -n 1000000 --shard 0/4 -o out/shard0", "First of four shards (run 1/4..3/4 elsewhere)")
      .example("$0 generate records --config run.json -o out/run", "Options from a JSON file (see `dentsynth config --schema`)") as Argv<RecordsArgs>,
  handler: async (argv) => {
    const config = resolveConfig(
      recordsConfigSchema,
      {
        patients: argv.patients,
        seed: argv.seed,
        preset: argv.preset,
        format: argv.format,
        tables: argv.tables,
        shard: argv.shard,
        workers: argv.workers,
        batchSize: argv["batch-size"],
      },
      argv.config,
    );
    if (!argv.quiet) process.stderr.write(`Seed: ${config.seed}  preset: ${config.preset}  format: ${config.format}\n`);
    const progress = progressOption("patients", argv.quiet);
    const manifest = await generateRecords(config, argv.out, {
      overwrite: argv.overwrite,
      command: `dentsynth ${process.argv.slice(2).join(" ")}`,
      outOptionName: "--out",
      ...progress.options,
    });
    progress.stop();
    if (!argv.quiet) printRunSummary(manifest, argv.out);
  },
};

interface MeshesArgs {
  patients?: number;
  seed?: string;
  preset?: string;
  kind?: string;
  format?: string[];
  resolution?: number;
  preview?: boolean;
  shard?: string;
  workers?: number;
  out: string;
  overwrite: boolean;
  config?: string;
  quiet: boolean;
}

const meshesCommand: CommandModule<object, MeshesArgs> = {
  command: "meshes",
  describe: "Generate 3D meshes of the same patients: layered teeth per jaw, or intraoral arch scans with Teeth3DS labels",
  builder: (y) =>
    (y as Argv<object>)
      .option("patients", patientsOption)
      .option("seed", seedOption)
      .option("preset", presetOption)
      .option("kind", { alias: "k", type: "string", describe: "teeth (outer, dentin, pulp per jaw) or arch (scan surface + Teeth3DS JSON; default)" })
      .option("format", { alias: "f", type: "array", string: true, describe: `Mesh formats: ${MESH_FORMATS.join(", ")} (default ply)` })
      .option("resolution", { type: "number", describe: "Mesh density multiplier (default 1, ~15k triangles per tooth)" })
      .option("preview", { type: "boolean", describe: "Also write a PNG thumbnail per jaw (no GPU needed)" })
      .option("shard", shardOption())
      .option("workers", workersOption())
      .option("out", outOption())
      .option("overwrite", overwriteOption)
      .option("config", configOption())
      .option("quiet", quietOption())
      .example("$0 generate meshes -n 10 --kind arch -f ply obj -o out/scans", "Upper and lower scans of 10 patients, Teeth3DS labels")
      .example("$0 generate meshes -n 1 -f glb --preview -o out/look", "GLB scene and a PNG thumbnail per jaw")
      .example("$0 generate meshes -n 2 --kind teeth -f stl -o out/teeth", "Layered teeth (outer, dentin, pulp) as STL") as Argv<MeshesArgs>,
  handler: async (argv) => {
    const config = resolveConfig(
      meshesConfigSchema,
      {
        patients: argv.patients,
        seed: argv.seed,
        preset: argv.preset,
        kind: argv.kind,
        formats: argv.format,
        resolution: argv.resolution,
        previews: argv.preview,
        shard: argv.shard,
        workers: argv.workers,
      },
      argv.config,
    );
    const progress = progressOption("patients", argv.quiet);
    const manifest = await generateMeshes(config, argv.out, {
      overwrite: argv.overwrite,
      command: `dentsynth ${process.argv.slice(2).join(" ")}`,
      outOptionName: "--out",
      ...progress.options,
    });
    progress.stop();
    if (!argv.quiet) {
      const bytes = manifest.files.reduce((s, f) => s + f.bytes, 0);
      process.stdout.write(`Wrote ${argv.out} in ${(manifest.timing.wallTimeMs / 1000).toFixed(1)} s: ${manifest.files.length} files, ${(bytes / 1e6).toFixed(1)} MB\n  manifest.json (seed ${manifest.seed}, sha256 of every file)\n`);
    }
  },
};

export const generateCommand: CommandModule = {
  command: "generate <kind>",
  describe: "Generate synthetic data",
  builder: (y) =>
    y
      .command(recordsCommand as unknown as CommandModule)
      .command(meshesCommand as unknown as CommandModule)
      .command(radiographsCommand as unknown as CommandModule)
      .command(allCommand as unknown as CommandModule)
      .demandCommand(1, "Name what to generate: records, meshes, radiographs or all")
      .example("$0 generate records -n 200 -o out/records", "200 patients as CSV tables"),
  handler: () => {},
};
