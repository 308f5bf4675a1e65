import { Rng } from "../../core/rng.js";
import { TABLE_FORMATS, type EncodedChunk, type TableSpec } from "../../core/sinks/index.js";
import type { RecordsModel } from "../../models/linked/records-model.js";
import { tableRows } from "./output-spec.js";

export interface SampleBlockTask {
  block: number;
  start: number;
  end: number;
}

export interface EncodedBlock {
  units: number;
  rows: number;
  chunk: EncodedChunk;
}

/**
 * Samples and encodes one block of units [start, end). The block's stream depends only on (seed, block index),
 * and ids are numbered from `start`, so a block is the same bytes whichever worker or shard draws it.
 */
export async function sampleBlock(model: RecordsModel, seed: string, format: keyof typeof TABLE_FORMATS, spec: TableSpec, task: SampleBlockTask): Promise<EncodedBlock> {
  const rng = Rng.forRecord(seed, `learned:${model.kind}`, task.block);
  const table = await model.sample(task.end - task.start, rng, task.start);
  return { units: task.end - task.start, rows: table.nRows, chunk: TABLE_FORMATS[format].encode(spec, tableRows(table, spec)) };
}
