/**
 * `generate all`: records, meshes and radiographs of the same patients in one run, one folder each under the
 * output folder, plus a top-level manifest that lists the three runs' manifests with their sha256. The three
 * generators already draw patient i from the same stream, so the folders describe the same people: the lesion
 * ids in radiographs/annotations/coco.json are the ids in records/lesions.csv, and the teeth in the meshes are
 * the teeth in the images.
 *
 * The whole output is staged: the sub-runs write into the staging folder, which is renamed into place only when
 * all three have finished, so a failure leaves nothing behind.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseConfig } from "../core/config.js";
import { UsageError, type Problem } from "../core/errors.js";
import { sha256Hex } from "../core/hash.js";
import { buildManifest, writeManifest, type RunManifest } from "../core/manifest.js";
import { StagedOutputDir } from "../core/output-dir.js";
import { meshesConfigSchema, type MeshesConfigInput } from "./meshes/config.js";
import { generateMeshes } from "./meshes/generate-meshes.js";
import { radiographsConfigSchema, type RadiographsConfigInput } from "./radiographs/config.js";
import { generateRadiographs } from "./radiographs/generate-radiographs.js";
import { recordsConfigSchema, type RecordsConfigInput } from "./records/config.js";
import { generateRecords } from "./records/generate-records.js";

/** Bump whenever the layout of an `all` folder changes. */
export const ALL_GENERATOR_VERSION = "1";

export interface GenerateAllInput {
  records: RecordsConfigInput;
  meshes: MeshesConfigInput;
  radiographs: RadiographsConfigInput;
}

export interface GenerateAllOptions {
  overwrite?: boolean;
  command?: string;
  outOptionName?: string;
  /** Progress of each part in turn: its name, done and total patients. */
  onProgress?: (part: string, done: number, total: number) => void;
}

/** The three sub-configs must describe the same patients. */
function checkSamePatients(input: GenerateAllInput): void {
  const parsed = {
    records: parseConfig(recordsConfigSchema, input.records, "records"),
    meshes: parseConfig(meshesConfigSchema, input.meshes, "meshes"),
    radiographs: parseConfig(radiographsConfigSchema, input.radiographs, "radiographs"),
  };
  const problems: Problem[] = [];
  for (const key of ["patients", "seed", "preset"] as const) {
    const values = new Set(Object.values(parsed).map((c) => JSON.stringify(c[key])));
    if (values.size > 1) problems.push({ path: key, message: `records, meshes and radiographs must share ${key}; pass it once` });
  }
  if (new Set(Object.values(parsed).map((c) => JSON.stringify(c.shard))).size > 1) problems.push({ path: "shard", message: "the three parts must share the shard" });
  if (problems.length > 0) throw new UsageError(problems);
}

export async function generateAll(input: GenerateAllInput, outDir: string, options: GenerateAllOptions = {}): Promise<RunManifest> {
  // Validate all three configs before any work, so every problem is reported together.
  const problems: Problem[] = [];
  for (const [name, schema, value] of [
    ["records", recordsConfigSchema, input.records],
    ["meshes", meshesConfigSchema, input.meshes],
    ["radiographs", radiographsConfigSchema, input.radiographs],
  ] as const) {
    try {
      parseConfig(schema, value);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      for (const p of error.problems) if (!problems.some((q) => q.path === p.path && q.message === p.message)) problems.push(p);
      void name;
    }
  }
  if (problems.length > 0) throw new UsageError(problems);
  checkSamePatients(input);
  const out = StagedOutputDir.open(outDir, { overwrite: options.overwrite ?? false, optionName: options.outOptionName ?? "out" });
  const started = Date.now();
  try {
    const progress = (part: string) => (done: number, total: number) => options.onProgress?.(part, done, total);
    const command = options.command ?? "generate all";
    const records = await generateRecords(input.records, join(out.staging, "records"), { command, onProgress: progress("records") });
    const meshes = await generateMeshes(input.meshes, join(out.staging, "meshes"), { command, onProgress: progress("meshes") });
    const radiographs = await generateRadiographs(input.radiographs, join(out.staging, "radiographs"), { command, onProgress: progress("radiographs") });
    const files = (["records", "meshes", "radiographs"] as const).map((part) => {
      const bytes = readFileSync(join(out.staging, part, "manifest.json"));
      return { path: `${part}/manifest.json`, role: `manifest:${part}`, format: "json", bytes: bytes.length, sha256: sha256Hex(bytes) };
    });
    const finished = Date.now();
    const manifest = buildManifest({
      command,
      generator: { name: "all", version: ALL_GENERATOR_VERSION },
      seed: records.seed,
      config: { records: records.config, meshes: meshes.config, radiographs: radiographs.config },
      shard: records.shard,
      counts: { patients: records.counts["patients"] ?? 0, images: radiographs.counts["images"] ?? 0, meshFiles: meshes.counts["files"] ?? 0 },
      files,
      timing: { startedAt: new Date(started).toISOString(), finishedAt: new Date(finished).toISOString(), wallTimeMs: finished - started },
    });
    writeManifest(out.file("manifest.json"), manifest);
    writeFileSync(out.file("README.md"), readme(manifest));
    out.commit();
    return manifest;
  } catch (error) {
    out.abort();
    throw error;
  }
}

function readme(manifest: RunManifest): string {
  return [
    `# dentsynth synthetic dental dataset (seed ${manifest.seed})`,
    "",
    "Synthetic data: no real patient is in it. The same virtual patients in three modalities:",
    "",
    "- `records/`: linked case-record tables (patients, teeth, lesions, lab cases) and their data dictionary.",
    "- `meshes/`: 3D teeth or intraoral arch scans per patient and jaw (Teeth3DS labels).",
    "- `radiographs/`: bitewing and periapical radiographs with COCO, YOLO and mask annotations.",
    "",
    "Lesion ids (`P...-L<n>`) join `records/lesions.*` to `radiographs/annotations/coco.json` (attributes.lesion_id).",
    "Each folder has its own manifest.json with the sha256 of every file; the top-level manifest lists theirs.",
    "",
  ].join("\n");
}
