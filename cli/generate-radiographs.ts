import type { Argv, CommandModule } from "yargs";
import { RADIOGRAPH_VIEWS, radiographsConfigSchema } from "../generators/radiographs/config.js";
import { generateRadiographs } from "../generators/radiographs/generate-radiographs.js";
import { resolveConfig, splitList } from "./options.js";
import { progressOption } from "./progress.js";
import { patientsOption, presetOption, configOption, outOption, overwriteOption, quietOption, seedOption, shardOption, workersOption } from "./run-options.js";

interface RadiographsArgs {
  patients?: number;
  seed?: string;
  preset?: string;
  views?: string[];
  periapicals?: number;
  size?: string;
  dicom?: boolean;
  png8?: boolean;
  preview?: boolean;
  "edge-enhancement"?: boolean;
  resolution?: number;
  shard?: string;
  workers?: number;
  out: string;
  overwrite: boolean;
  config?: string;
  quiet: boolean;
}


export const radiographsCommand: CommandModule<object, RadiographsArgs> = {
  command: "radiographs",
  describe: "Render bitewing and periapical radiographs of the same patients, with caries annotations (COCO, YOLO, masks; optional DICOM)",
  builder: (y) =>
    (y as Argv<object>)
      .option("patients", patientsOption)
      .option("seed", seedOption)
      .option("preset", presetOption)
      .option("views", { type: "array", string: true, describe: `Views: ${RADIOGRAPH_VIEWS.join(", ")} (default both)` })
      .option("periapicals", { type: "number", describe: "Periapical images per patient (default 2)" })
      .option("size", { type: "string", describe: "Image size WIDTHxHEIGHT in pixels (default 1024x768)" })
      .option("dicom", { type: "boolean", describe: "Also write DICOM Digital Intra-Oral X-Ray objects" })
      .option("png8", { type: "boolean", describe: "Also write 8-bit windowed PNGs" })
      .option("preview", { type: "boolean", describe: "Also write an RGB preview per image with its annotations drawn over it" })
      .option("edge-enhancement", { type: "boolean", describe: "Vendor-style unsharp mask (default on; --no-edge-enhancement for raw)" })
      .option("resolution", { type: "number", describe: "Tooth mesh density multiplier (default 1)" })
      .option("shard", shardOption())
      .option("workers", workersOption())
      .option("out", outOption())
      .option("overwrite", overwriteOption)
      .option("config", configOption())
      .option("quiet", quietOption())
      .example("$0 generate radiographs -n 10 --views bitewing,periapical --size 1024x768 -o out/xrays", "Bitewings and 2 periapicals each for 10 patients")
      .example("$0 generate radiographs -n 2 --views bitewing --dicom -o out/bw", "Bitewings, also as DICOM")
      .example("$0 generate radiographs -n 1 --views bitewing --preview -o out/look", "Bitewings with annotation overlays in previews/") as Argv<RadiographsArgs>,
  handler: async (argv) => {
    const config = resolveConfig(
      radiographsConfigSchema,
      {
        patients: argv.patients,
        seed: argv.seed,
        preset: argv.preset,
        views: splitList(argv.views),
        periapicals: argv.periapicals,
        size: argv.size,
        dicom: argv.dicom,
        png8: argv.png8,
        previews: argv.preview,
        edgeEnhancement: argv["edge-enhancement"],
        resolution: argv.resolution,
        shard: argv.shard,
        workers: argv.workers,
      },
      argv.config,
    );
    const progress = progressOption("patients", argv.quiet);
    const manifest = await generateRadiographs(config, argv.out, {
      overwrite: argv.overwrite,
      command: `dentsynth ${process.argv.slice(2).join(" ")}`,
      outOptionName: "--out",
      ...progress.options,
    });
    progress.stop();
    if (!argv.quiet) {
      const bytes = manifest.files.reduce((s, f) => s + f.bytes, 0);
      process.stdout.write(
        `Wrote ${argv.out} in ${(manifest.timing.wallTimeMs / 1000).toFixed(1)} s: ${manifest.counts["images"]} images, ` +
          `${manifest.counts["lesionAnnotations"]} lesion annotations, ${manifest.files.length} files, ${(bytes / 1e6).toFixed(1)} MB\n` +
          `  annotations/coco.json (COCO, DENTEX-style), labels/*.txt + data.yaml (YOLO), masks/*.png, manifest.json\n`,
      );
    }
  },
};
