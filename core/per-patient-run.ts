/**
 * The run loop shared by the generators that write files per patient (meshes, radiographs): open a staged output
 * folder, take the shard's patient range, encode each patient on the main thread or in worker threads, write
 * the files in patient order with their sha256, let the generator add dataset-level files, then write the
 * manifest and rename the folder into place. On any failure the staging folder is removed, so no half-written
 * output is left behind.
 *
 * Determinism: a patient's files depend only on (config, index), and results are written in index order
 * whatever the worker count, so the folder's bytes (manifest timing aside) depend on seed and config only.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { shardRange, type Shard } from "./config.js";
import { sha256Hex } from "./hash.js";
import { buildManifest, writeManifest, type ManifestFile, type RunManifest } from "./manifest.js";
import { StagedOutputDir } from "./output-dir.js";
import { orderedParallelMap } from "./worker-pool.js";

/** One output file of a patient: path relative to the output folder (forward slashes), bytes, and what it holds. */
export interface EncodedFile {
  path: string;
  role: string;
  format: string;
  bytes: Uint8Array;
}

/** What encoding one patient gives: its files, and optional data the generator gathers for dataset-level files. */
export interface PatientOutput<D = undefined> {
  files: EncodedFile[];
  data?: D;
}

export interface PerPatientRunOptions {
  overwrite?: boolean;
  onProgress?: (done: number, total: number) => void;
  command?: string;
  outOptionName?: string;
}

export interface PerPatientRun<C extends { patients: number; seed: string; shard: Shard; workers: number }, D> {
  config: C;
  outDir: string;
  generator: { name: string; version: string };
  /** Encodes patient `index`; pure in (config, index). */
  encode: (config: C, index: number) => Promise<PatientOutput<D>>;
  /** Worker module serving `encode` (see serveWorker); used when config.workers > 1. */
  workerModule: URL;
  /** Dataset-level files written after every patient, from the patients' data in index order. */
  finish?: (data: D[], range: { start: number; end: number }) => EncodedFile[];
  /** Counts for the manifest besides `patients` and `files`. */
  counts?: (data: D[]) => Record<string, number>;
  options?: PerPatientRunOptions;
}

export async function runPerPatient<C extends { patients: number; seed: string; shard: Shard; workers: number }, D = undefined>(
  run: PerPatientRun<C, D>,
): Promise<RunManifest> {
  const { config, options = {} } = run;
  const out = StagedOutputDir.open(run.outDir, { overwrite: options.overwrite ?? false, optionName: options.outOptionName ?? "out" });
  const started = Date.now();
  try {
    const { start, end } = shardRange(config.patients, config.shard);
    const files: ManifestFile[] = [];
    const gathered: D[] = [];
    const writeFiles = (encoded: readonly EncodedFile[]) => {
      for (const f of encoded) {
        const path = join(out.staging, f.path);
        if (f.path.includes("/")) mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, f.bytes);
        files.push({ path: f.path, role: f.role, format: f.format, bytes: f.bytes.length, sha256: sha256Hex(f.bytes) });
      }
    };
    let done = 0;
    const write = (result: PatientOutput<D>) => {
      writeFiles(result.files);
      if (result.data !== undefined) gathered.push(result.data);
      done++;
      options.onProgress?.(done, end - start);
    };
    const tasks = Array.from({ length: end - start }, (_, k) => start + k);
    if (config.workers === 1 || tasks.length < 2) {
      for (const i of tasks) write(await run.encode(config, i));
    } else {
      await orderedParallelMap<number, PatientOutput<D>>({
        moduleUrl: run.workerModule,
        init: config,
        workers: Math.min(config.workers, tasks.length),
        tasks,
        onResult: write,
        maxAhead: config.workers + 1,
      });
    }
    if (run.finish) writeFiles(run.finish(gathered, { start, end }));
    const finished = Date.now();
    const manifest = buildManifest({
      command: options.command ?? `generate ${run.generator.name}`,
      generator: run.generator,
      seed: config.seed,
      config,
      shard: { ...config.shard, firstRecord: start, endRecord: end },
      counts: { patients: end - start, files: files.length, ...(run.counts?.(gathered) ?? {}) },
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

/** Transfer list for a patient's output crossing a worker boundary (the file bytes move, not copy). */
export function transferOf<D>(result: PatientOutput<D>): ArrayBuffer[] {
  return result.files.map((f) => f.bytes.buffer as ArrayBuffer);
}
