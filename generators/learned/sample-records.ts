import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseConfig, shardRange } from "../../core/config.js";
import { sha256Hex } from "../../core/hash.js";
import { buildManifest, writeManifest, type ManifestFile, type RunManifest } from "../../core/manifest.js";
import { StagedOutputDir } from "../../core/output-dir.js";
import { TABLE_FORMATS, type TableWriter } from "../../core/sinks/index.js";
import { orderedParallelMap } from "../../core/worker-pool.js";
import { dataDictionaryJson, dataDictionaryMarkdown } from "../records/data-dictionary.js";
import { LEARNED_GENERATOR_VERSION, SAMPLE_BLOCK, sampleConfigSchema, type SampleConfig, type SampleConfigInput } from "./config.js";
import { loadForSampling } from "./load-for-sampling.js";
import { SAMPLED_TABLE } from "./output-spec.js";
import { sampleBlock, type EncodedBlock, type SampleBlockTask } from "./sample-block.js";

export interface SampleRecordsOptions {
  overwrite?: boolean;
  onProgress?: (done: number, total: number) => void;
  command?: string;
  outOptionName?: string;
}

/**
 * Samples synthetic records from a fitted model folder into `outDir`: `records.<ext>`, the data dictionary and
 * manifest.json (with the model's sha256, kind, privacy ledger and tfjs backend).
 *
 * Units (patients of a linked model, rows of a flat one) are drawn in fixed blocks of SAMPLE_BLOCK, block b with
 * the stream (seed, "learned:<kind>", b): the bytes depend on (model, seed, n) only, whatever the worker count,
 * and shard outputs concatenate to the unsharded output.
 *
 * @example
 * const manifest = await sampleRecords({ model: "out/model", n: 500, seed: "7" }, "out/synthetic");
 */
export async function sampleRecords(input: SampleConfigInput, outDir: string, options: SampleRecordsOptions = {}): Promise<RunManifest> {
  const config: SampleConfig = parseConfig(sampleConfigSchema, input);
  const sampler = await loadForSampling(config.model);
  const out = StagedOutputDir.open(outDir, { overwrite: options.overwrite ?? false, optionName: options.outOptionName ?? "out" });
  const started = Date.now();
  const format = TABLE_FORMATS[config.format];
  const fileName = `${SAMPLED_TABLE}.${format.extension}`;
  let writer: TableWriter | undefined;
  try {
    writer = format.open(out.file(fileName), sampler.spec);
    // Shards own whole blocks (block b = units [b*B, (b+1)*B)), so a shard never needs part of another's block
    // and shard outputs concatenate to the unsharded output.
    const blocks = shardRange(Math.ceil(config.n / SAMPLE_BLOCK), config.shard);
    const start = Math.min(config.n, blocks.start * SAMPLE_BLOCK);
    const end = Math.min(config.n, blocks.end * SAMPLE_BLOCK);
    const tasks: SampleBlockTask[] = [];
    for (let block = blocks.start; block < blocks.end; block++) {
      tasks.push({ block, start: block * SAMPLE_BLOCK, end: Math.min(config.n, (block + 1) * SAMPLE_BLOCK) });
    }
    let done = 0;
    let rows = 0;
    const write = (encoded: EncodedBlock) => {
      (writer as TableWriter).write(encoded.chunk, encoded.rows);
      done += encoded.units;
      rows += encoded.rows;
      options.onProgress?.(done, end - start);
    };
    if (config.workers === 1 || tasks.length < 2) {
      for (const task of tasks) write(await sampleBlock(sampler.model, config.seed, config.format, sampler.spec, task));
    } else {
      await orderedParallelMap<SampleBlockTask, EncodedBlock>({
        moduleUrl: new URL(`./sample-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url),
        init: { modelDir: resolve(config.model), seed: config.seed, format: config.format },
        workers: Math.min(config.workers, tasks.length),
        tasks,
        onResult: write,
        maxAhead: config.workers + 1,
      });
    }
    const written = writer.close();
    writer = undefined;
    const files: ManifestFile[] = [{ path: fileName, role: `table:${SAMPLED_TABLE}`, format: format.name, ...written }];
    for (const [name, text, fmt] of [
      ["data_dictionary.json", dataDictionaryJson([sampler.spec]), "json"],
      ["data_dictionary.md", dataDictionaryMarkdown([sampler.spec]), "markdown"],
    ] as const) {
      writeFileSync(out.file(name), text);
      files.push({ path: name, role: "data-dictionary", format: fmt, bytes: Buffer.byteLength(text), sha256: sha256Hex(text) });
    }
    const modelJson = readFileSync(join(config.model, "records-model.json"));
    const finished = Date.now();
    const manifest = buildManifest({
      command: options.command ?? "sample",
      generator: { name: `learned:${sampler.file.kind}`, version: LEARNED_GENERATOR_VERSION },
      seed: config.seed,
      config: {
        ...config,
        model: {
          path: config.model,
          kind: sampler.file.kind,
          sha256: createHash("sha256").update(modelJson).digest("hex"),
          fittedWith: sampler.file.tool,
          trainingData: sampler.file.trainingData,
          privacy: sampler.file.privacy,
        },
      },
      shard: { ...config.shard, firstRecord: start, endRecord: end },
      counts: sampler.file.linked ? { patients: end - start, rows } : { rows },
      files,
      ...(sampler.backend ? { backend: sampler.backend } : {}),
      timing: { startedAt: new Date(started).toISOString(), finishedAt: new Date(finished).toISOString(), wallTimeMs: finished - started },
    });
    writeManifest(out.file("manifest.json"), manifest);
    out.commit();
    return manifest;
  } catch (error) {
    writer?.destroy();
    out.abort();
    throw error;
  }
}
