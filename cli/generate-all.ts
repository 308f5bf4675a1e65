import type { Argv, CommandModule } from "yargs";
import { generateAll, type GenerateAllInput } from "../generators/generate-all.js";
import { patientsOption, presetOption, configOption, outOption, overwriteOption, quietOption, seedOption, shardOption, workersOption } from "./run-options.js";
import { readConfigFile, splitList } from "./options.js";

interface AllArgs {
  patients?: number;
  seed?: string;
  preset?: string;
  views?: string[];
  size?: string;
  kind?: string;
  format?: string[];
  dicom?: boolean;
  shard?: string;
  workers?: number;
  out: string;
  overwrite: boolean;
  config?: string;
  quiet: boolean;
}

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

// A --config file for `generate all` has the shared keys at the top level (patients, seed, preset, shard,
// workers) and optional `records`, `meshes`, `radiographs` objects with each part's own keys.

export const allCommand: CommandModule<object, AllArgs> = {
  command: "all",
  describe: "Generate records, meshes and radiographs of the same patients in one run (one folder each)",
  builder: (y) =>
    (y as Argv<object>)
      .option("patients", patientsOption)
      .option("seed", seedOption)
      .option("preset", presetOption)
      .option("views", { type: "array", string: true, describe: "Radiograph views: bitewing, periapical (default both)" })
      .option("size", { type: "string", describe: "Radiograph size WIDTHxHEIGHT (default 1024x768)" })
      .option("kind", { alias: "k", type: "string", describe: "Mesh kind: arch (default) or teeth" })
      .option("format", { alias: "f", type: "array", string: true, describe: "Mesh formats (default ply)" })
      .option("dicom", { type: "boolean", describe: "Also write the radiographs as DICOM" })
      .option("shard", shardOption())
      .option("workers", workersOption())
      .option("out", outOption())
      .option("overwrite", overwriteOption)
      .option("config", configOption("JSON config: shared keys at the top, per-part keys under records / meshes / radiographs"))
      .option("quiet", quietOption())
      .example("$0 generate all -n 5 -o out/dataset", "Records, arch scans and radiographs of 5 patients") as Argv<AllArgs>,
  handler: async (argv) => {
    const file = readConfigFile(argv.config);
    const { records: r = {}, meshes: m = {}, radiographs: x = {}, ...sharedFile } = file as Record<string, Record<string, unknown>>;
    const shared = { ...sharedFile, ...defined({ patients: argv.patients, seed: argv.seed, preset: argv.preset, shard: argv.shard, workers: argv.workers }) };
    const manifest = await generateAll(
      {
        // Validated by generateAll against each part's schema, every problem reported together.
        records: { ...shared, ...r } as GenerateAllInput["records"],
        meshes: { ...shared, ...m, ...defined({ kind: argv.kind, formats: argv.format }) } as GenerateAllInput["meshes"],
        radiographs: { ...shared, ...x, ...defined({ views: splitList(argv.views), size: argv.size, dicom: argv.dicom }) } as GenerateAllInput["radiographs"],
      },
      argv.out,
      {
        overwrite: argv.overwrite,
        command: `dentsynth ${process.argv.slice(2).join(" ")}`,
        outOptionName: "--out",
        onProgress: (part, done, total) => {
          if (!argv.quiet && done === total) process.stderr.write(`  ${part}: ${total} patients done\n`);
        },
      },
    );
    if (!argv.quiet) {
      process.stdout.write(
        `Wrote ${argv.out} in ${(manifest.timing.wallTimeMs / 1000).toFixed(1)} s: ${manifest.counts["patients"]} patients; ` +
          `records/, meshes/, radiographs/ (${manifest.counts["images"]} images), manifest.json\n`,
      );
    }
  },
};
