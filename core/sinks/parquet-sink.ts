import { closeSync, openSync, writeSync } from "node:fs";
import type { Hash } from "node:crypto";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { sha256 } from "../hash.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { batchFromRows, type ColumnBatch, type ColumnType, type TableSpec } from "./table-spec.js";
import type { EncodedChunk, TableFormat, TableWriter, WrittenFile } from "./table-format.js";

/** Parquet physical/logical type of each column type. Strings are UTF8 byte arrays; all columns are OPTIONAL. */
const PARQUET_TYPE: Record<ColumnType, { type: "BYTE_ARRAY" | "INT32" | "DOUBLE" | "BOOLEAN"; converted_type?: "UTF8" }> = {
  string: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  int32: { type: "INT32" },
  float64: { type: "DOUBLE" },
  boolean: { type: "BOOLEAN" },
};

/**
 * Streams row groups to disk: hyparquet-writer encodes each batch as one row group and calls `flush` after it,
 * where the bytes go to the file and the hash, so memory holds one row group at a time. SNAPPY compression
 * (hyparquet-writer's built-in codec) reads back in pyarrow, pandas, DuckDB and Spark.
 */
class ParquetTableWriter implements TableWriter {
  private readonly fd: number;
  private readonly hash: Hash = sha256();
  private readonly bytes: ByteWriter;
  private readonly writer: ParquetWriter;
  private readonly spec: TableSpec;
  private rows = 0;
  private written = 0;

  constructor(path: string, spec: TableSpec) {
    this.spec = spec;
    this.fd = openSync(path, "w");
    const bytes = new ByteWriter();
    const flush = () => {
      const chunk = new Uint8Array(bytes.buffer, 0, bytes.index);
      writeSync(this.fd, chunk);
      this.hash.update(chunk);
      this.written += chunk.length;
      bytes.index = 0;
    };
    Object.assign(bytes, { flush, finish: flush });
    this.bytes = bytes;
    this.writer = new ParquetWriter({
      writer: bytes,
      schema: [
        { name: "root", num_children: spec.columns.length },
        ...spec.columns.map((c) => ({ name: c.name, repetition_type: "OPTIONAL" as const, ...PARQUET_TYPE[c.type] })),
      ],
      createdBy: `${TOOL_NAME} version ${TOOL_VERSION}`,
    });
  }

  write(chunk: EncodedChunk, rowCount: number): void {
    if (typeof chunk === "string") throw new TypeError("parquet writer expects a column batch");
    if (rowCount === 0) return;
    const batch = chunk as ColumnBatch;
    void this.writer.write({
      columnData: this.spec.columns.map((c, i) => ({ name: c.name, data: batch.columns[i] as never })),
      rowGroupSize: rowCount,
    });
    this.rows += rowCount;
  }

  close(): WrittenFile {
    void this.writer.finish();
    closeSync(this.fd);
    return { rows: this.rows, bytes: this.written, sha256: this.hash.digest("hex") };
  }

  destroy(): void {
    closeSync(this.fd);
  }
}

export const parquetFormat: TableFormat = {
  name: "parquet",
  extension: "parquet",
  encode: (spec, rows) => batchFromRows(spec, rows),
  open: (path, spec) => new ParquetTableWriter(path, spec),
};
