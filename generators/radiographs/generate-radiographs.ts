import { parseConfig } from "../../core/config.js";
import type { RunManifest } from "../../core/manifest.js";
import { runPerPatient, type PerPatientRunOptions } from "../../core/per-patient-run.js";
import { RADIOGRAPHS_GENERATOR_VERSION, radiographsConfigSchema, type RadiographsConfig, type RadiographsConfigInput } from "./config.js";
import { datasetFiles } from "./dataset-files.js";
import { encodePatientRadiographs, type PatientRadiographs } from "./encode-patient-radiographs.js";

export type GenerateRadiographsOptions = PerPatientRunOptions;

/**
 * Renders bitewing and periapical radiographs of the config's patients into `outDir` with their annotations
 * (COCO JSON for the whole run, YOLO labels and label masks per image, optional DICOM), staged and renamed into
 * place at the end. Patient i's images depend only on (config, i): the same bytes whatever the worker count or
 * shard split, and the same patient, teeth and lesions as in `generate records` and `generate meshes`.
 *
 * @example
 * await generateRadiographs({ patients: 2, views: ["bitewing"], size: "1024x768" }, "out/xrays");
 */
export async function generateRadiographs(input: RadiographsConfigInput, outDir: string, options: GenerateRadiographsOptions = {}): Promise<RunManifest> {
  const config: RadiographsConfig = parseConfig(radiographsConfigSchema, input);
  return runPerPatient<RadiographsConfig, PatientRadiographs>({
    config,
    outDir,
    generator: { name: "radiographs", version: RADIOGRAPHS_GENERATOR_VERSION },
    encode: encodePatientRadiographs,
    workerModule: new URL(`./radiographs-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url),
    finish: (patients) => datasetFiles(config, patients),
    counts: (patients) => ({
      images: patients.reduce((s, p) => s + p.coco.images.length, 0),
      lesionAnnotations: patients.reduce((s, p) => s + p.coco.annotations.filter((a) => a.attributes.kind === "lesion").length, 0),
    }),
    options: { command: "generate radiographs", ...options },
  });
}
