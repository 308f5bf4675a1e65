import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import type { Compressors } from "hyparquet";
import { DataError } from "../../core/errors.js";
import type { Table } from "../types.js";
import { buildTable, type LoadReport } from "./build-table.js";
import { inferSchema, type InferSchemaOptions, type TableSchema } from "./infer-schema.js";
import { parseCsv } from "./parse-csv.js";
import { parseJsonl } from "./parse-jsonl.js";
import type { RawTable } from "./raw-table.js";
import { readParquet } from "./read-parquet.js";
import type { TableMetadata } from "./table-metadata.js";

export type TableFormat = "csv" | "tsv" | "jsonl" | "parquet";

export interface ReadRawTableOptions {
  /** Overrides detection from the file extension. */
  format?: TableFormat;
  /** Parquet decompressors beyond SNAPPY (see {@link readParquet}). */
  compressors?: Compressors;
}

/**
 * The format of a file from its extension: `.csv`, `.tsv`, `.jsonl`/`.ndjson`, `.parquet`, each optionally
 * followed by `.gz` (not for Parquet, which compresses internally).
 */
export function detectFormat(path: string): { format: TableFormat; gzip: boolean } | undefined {
  const lower = path.toLowerCase();
  const gzip = lower.endsWith(".gz");
  const base = gzip ? lower.slice(0, -3) : lower;
  if (base.endsWith(".csv")) return { format: "csv", gzip };
  if (base.endsWith(".tsv")) return { format: "tsv", gzip };
  if (base.endsWith(".jsonl") || base.endsWith(".ndjson")) return { format: "jsonl", gzip };
  if (base.endsWith(".parquet") && !gzip) return { format: "parquet", gzip };
  return undefined;
}

/**
 * Reads a CSV, TSV, JSONL or Parquet file (optionally gzipped, except Parquet) into a {@link RawTable}.
 *
 * @throws {DataError} unreadable file, unknown extension, malformed content
 */
export async function readRawTable(path: string, options: ReadRawTableOptions = {}): Promise<RawTable> {
  const detected = detectFormat(path);
  const format = options.format ?? detected?.format;
  if (!format) {
    throw new DataError(
      `unknown table format: ${path}`,
      "Use a .csv, .tsv, .jsonl or .parquet file (optionally .gz), or pass the format explicitly.",
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new DataError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (detected?.gzip) bytes = gunzipSync(bytes);
  if (format === "parquet") {
    // Copy into a standalone ArrayBuffer: small Buffers share Node's pool, and hyparquet reads by offset.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return readParquet(buffer, { source: path, ...(options.compressors ? { compressors: options.compressors } : {}) });
  }
  const text = bytes.toString("utf8");
  if (format === "jsonl") return parseJsonl(text, { source: path });
  return parseCsv(text, { source: path, delimiter: format === "tsv" ? "\t" : "," });
}

/** A typed table with the report of how it was typed. */
export interface LoadedTable {
  table: Table;
  report: LoadReport;
}

export interface LoadTablesOptions extends ReadRawTableOptions, InferSchemaOptions {
  metadata?: TableMetadata;
}

/**
 * Loads the three tables of an evaluation with one schema, inferred from the real training table (never from the
 * synthetic one, whose quirks must not decide how real data is read) and applied to all three.
 *
 * @example
 * const { schema, train, holdout, synthetic } = await loadTables(
 *   { train: "train.csv", holdout: "holdout.csv", synthetic: "syn.parquet" }, { metadata });
 */
export async function loadTables(
  paths: { train: string; holdout: string; synthetic: string },
  options: LoadTablesOptions = {},
): Promise<{ schema: TableSchema; train: LoadedTable; holdout: LoadedTable; synthetic: LoadedTable }> {
  const readOptions: ReadRawTableOptions = {};
  if (options.format) readOptions.format = options.format;
  if (options.compressors) readOptions.compressors = options.compressors;
  const [trainRaw, holdoutRaw, syntheticRaw] = await Promise.all([
    readRawTable(paths.train, readOptions),
    readRawTable(paths.holdout, readOptions),
    readRawTable(paths.synthetic, readOptions),
  ]);
  const schema = inferSchema(trainRaw, options.metadata, options);
  return {
    schema,
    train: buildTable(trainRaw, schema),
    holdout: buildTable(holdoutRaw, schema),
    synthetic: buildTable(syntheticRaw, schema),
  };
}
