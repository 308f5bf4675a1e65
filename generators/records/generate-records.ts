import { writeFileSync } from "node:fs";
import { parseConfig, shardRange } from "../../core/config.js";
import { sha256Hex } from "../../core/hash.js";
import { buildManifest, writeManifest, type ManifestFile, type RunManifest } from "../../core/manifest.js";
import { StagedOutputDir } from "../../core/output-dir.js";
import { TABLE_FORMATS, type TableWriter } from "../../core/sinks/index.js";
import { orderedParallelMap } from "../../core/worker-pool.js";
import { RECORDS_GENERATOR_VERSION, recordsConfigSchema, type RecordsConfig, type RecordsConfigInput } from "./config.js";
import { dataDictionaryJson, dataDictionaryMarkdown } from "./data-dictionary.js";
import { encodeRecordBatch, type EncodedBatch } from "./encode-batch.js";
import { RECORD_TABLES } from "./tables.js";

export interface GenerateRecordsOptions {
  /** Replace a non-empty output folder. */
  overwrite?: boolean;
  /** Called after each batch is written, with patients written so far and the shard's total. */
  onProgress?: (done: number, total: number) => void;
  /** The command line, recorded in the manifest. */
  command?: string;
  /** How problems with the output folder name it ("--out" from the CLI). */
  outOptionName?: string;
}

/**
 * Generates the linked record tables for a config into `outDir` and returns the manifest.
 *
 * Patients stream through in batches of `batchSize`; batch k always covers the same patient indices, and batches
 * are written in index order whatever the worker count, so the bytes depend on (seed, config) only. Output goes
 * to a staging folder renamed into place at the end; on failure nothing is left behind.
 *
 * @example
 * const manifest = await generateRecords({ patients: 200, seed: "42" }, "out/records");
 */
export async function generateRecords(
  input: RecordsConfigInput,
  outDir: string,
  options: GenerateRecordsOptions = {},
): Promise<RunManifest> {
  const config: RecordsConfig = parseConfig(recordsConfigSchema, input);
  const out = StagedOutputDir.open(outDir, { overwrite: options.overwrite ?? false, optionName: options.outOptionName ?? "out" });
  const started = Date.now();
  const format = TABLE_FORMATS[config.format];
  const specs = RECORD_TABLES.filter((t) => config.tables.includes(t.name));
  const writers = new Map<string, TableWriter>();
  try {
    for (const spec of specs) writers.set(spec.name, format.open(out.file(`${spec.name}.${format.extension}`), spec));

    const { start, end } = shardRange(config.patients, config.shard);
    // Batch boundaries are aligned to multiples of batchSize over the global index space, so a shard that starts
    // mid-batch produces the same batches as the unsharded run for the patients it owns.
    const tasks: { start: number; end: number }[] = [];
    for (let b = start; b < end; b = Math.min(end, (Math.floor(b / config.batchSize) + 1) * config.batchSize)) {
      tasks.push({ start: b, end: Math.min(end, (Math.floor(b / config.batchSize) + 1) * config.batchSize) });
    }
    let done = 0;
    const write = (batch: EncodedBatch) => {
      for (const [name, { rowCount, chunk }] of Object.entries(batch.tables)) writers.get(name)?.write(chunk, rowCount);
      done += batch.patients;
      options.onProgress?.(done, end - start);
    };
    if (config.workers === 1) {
      for (const task of tasks) write(encodeRecordBatch(config, task.start, task.end));
    } else {
      await orderedParallelMap<{ start: number; end: number }, EncodedBatch>({
        moduleUrl: new URL(`./records-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url),
        init: config,
        workers: config.workers,
        tasks,
        onResult: write,
        // One batch waiting per worker is enough to keep the writer busy; more only holds memory.
        maxAhead: config.workers + 1,
        // A worker's garbage is one batch's rows (~40 MB per 1,000 patients); a tight old generation makes it
        // collect early instead of growing to V8's default limit, which took 2 workers from 570 to 360 MB peak.
        resourceLimits: { maxOldGenerationSizeMb: Math.max(96, Math.ceil(config.batchSize / 10)) },
      });
    }

    const files: ManifestFile[] = [];
    const counts: Record<string, number> = { patients: end - start };
    for (const spec of specs) {
      const written = (writers.get(spec.name) as TableWriter).close();
      writers.delete(spec.name);
      files.push({ path: `${spec.name}.${format.extension}`, role: `table:${spec.name}`, format: format.name, ...written });
      counts[spec.name] = written.rows;
    }
    for (const [name, text, fmt] of [
      ["data_dictionary.json", dataDictionaryJson(specs), "json"],
      ["data_dictionary.md", dataDictionaryMarkdown(specs), "markdown"],
    ] as const) {
      writeFileSync(out.file(name), text);
      files.push({ path: name, role: "data-dictionary", format: fmt, bytes: Buffer.byteLength(text), sha256: sha256Hex(text) });
    }
    const finished = Date.now();
    const manifest = buildManifest({
      command: options.command ?? "generate records",
      generator: { name: "records", version: RECORDS_GENERATOR_VERSION },
      seed: config.seed,
      config,
      shard: { ...config.shard, firstRecord: start, endRecord: end },
      counts,
      files,
      timing: { startedAt: new Date(started).toISOString(), finishedAt: new Date(finished).toISOString(), wallTimeMs: finished - started },
    });
    writeManifest(out.file("manifest.json"), manifest);
    out.commit();
    return manifest;
  } catch (error) {
    for (const w of writers.values()) w.destroy();
    out.abort();
    throw error;
  }
}
