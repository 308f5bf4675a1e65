import type { ColumnBatch, Row, TableSpec } from "./table-spec.js";

/** What a writer reports when it closes: it feeds the manifest. */
export interface WrittenFile {
  rows: number;
  bytes: number;
  sha256: string;
}

export interface TableWriter {
  /** Appends one encoded batch (the value `encode` returned for it). */
  write(chunk: EncodedChunk, rowCount: number): void;
  close(): WrittenFile;
  /** Closes the file handle without finishing it (the staging folder is being discarded). */
  destroy(): void;
}

/** Text for CSV and JSONL; a column-major batch for Parquet, which encodes whole row groups in the writer. */
export type EncodedChunk = string | ColumnBatch;

/**
 * A table file format. `encode` is pure and runs inside worker threads, so the expensive part of writing text
 * formats is parallel; `open` runs on the main thread, which appends chunks in record order.
 */
export interface TableFormat {
  name: "csv" | "jsonl" | "parquet";
  extension: string;
  encode(spec: TableSpec, rows: readonly Row[]): EncodedChunk;
  open(path: string, spec: TableSpec): TableWriter;
}
