import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseConfig, shardRange } from "../../core/config.js";
import { sha256Hex } from "../../core/hash.js";
import { buildManifest, writeManifest, type ManifestFile, type RunManifest } from "../../core/manifest.js";
import { StagedOutputDir } from "../../core/output-dir.js";
import { orderedParallelMap } from "../../core/worker-pool.js";
import { MESHES_GENERATOR_VERSION, meshesConfigSchema, type MeshesConfig, type MeshesConfigInput } from "./config.js";
import { encodePatientMeshes, type EncodedFile } from "./encode-patient-meshes.js";

export interface GenerateMeshesOptions {
  overwrite?: boolean;
  onProgress?: (done: number, total: number) => void;
  command?: string;
  outOptionName?: string;
}

/**
 * Generates mesh files for a config into `outDir` (staged, renamed into place at the end) and returns the
 * manifest. Patient i's files depend only on (seed, preset, kind, resolution, i): the same bytes whatever the
 * worker count or shard split, and the same patient as in the records.
 *
 * @example
 * await generateMeshes({ patients: 2, kind: "arch", formats: ["ply", "obj"] }, "out/scans");
 */
export async function generateMeshes(input: MeshesConfigInput, outDir: string, options: GenerateMeshesOptions = {}): Promise<RunManifest> {
  const config: MeshesConfig = parseConfig(meshesConfigSchema, input);
  const out = StagedOutputDir.open(outDir, { overwrite: options.overwrite ?? false, optionName: options.outOptionName ?? "out" });
  const started = Date.now();
  try {
    const { start, end } = shardRange(config.patients, config.shard);
    const files: ManifestFile[] = [];
    let done = 0;
    const write = (encoded: EncodedFile[]) => {
      for (const f of encoded) {
        writeFileSync(join(out.staging, f.path), f.bytes);
        files.push({ path: f.path, role: f.role, format: f.format, bytes: f.bytes.length, sha256: sha256Hex(f.bytes) });
      }
      done++;
      options.onProgress?.(done, end - start);
    };
    const tasks = Array.from({ length: end - start }, (_, k) => start + k);
    if (config.workers === 1 || tasks.length < 2) {
      for (const i of tasks) write(await encodePatientMeshes(config, i));
    } else {
      await orderedParallelMap<number, EncodedFile[]>({
        moduleUrl: new URL(`./meshes-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url),
        init: config,
        workers: Math.min(config.workers, tasks.length),
        tasks,
        onResult: write,
        maxAhead: config.workers + 1,
      });
    }
    const finished = Date.now();
    const manifest = buildManifest({
      command: options.command ?? "generate meshes",
      generator: { name: "meshes", version: MESHES_GENERATOR_VERSION },
      seed: config.seed,
      config,
      shard: { ...config.shard, firstRecord: start, endRecord: end },
      counts: { patients: end - start, files: files.length },
      files,
      timing: { startedAt: new Date(started).toISOString(), finishedAt: new Date(finished).toISOString(), wallTimeMs: finished - started },
    });
    writeManifest(out.file("manifest.json"), manifest);
    out.commit();
    return manifest;
  } catch (error) {
    out.abort();
    throw error;
  }
}
