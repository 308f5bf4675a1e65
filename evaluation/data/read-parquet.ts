import { parquetReadObjects, type Compressors } from "hyparquet";
import { DataError } from "../../core/errors.js";
import { toRawValue, type RawTable, type RawValue } from "./raw-table.js";

export interface ReadParquetOptions {
  source?: string;
  /**
   * Extra decompressors by codec name. hyparquet reads UNCOMPRESSED and SNAPPY (what dentsynth's own sinks
   * write); ZSTD, GZIP, BROTLI or LZ4 files need a codec from the `hyparquet-compressors` package, passed here.
   */
  compressors?: Compressors;
}

/**
 * Reads a Parquet file's bytes into a {@link RawTable} with hyparquet (pure JS, no native code).
 *
 * Values keep their Parquet logical types: numbers, bigints (INT64), booleans, strings, and `Date` for
 * timestamp/date columns; nulls are missing cells. Typing is left to {@link inferSchema} as for CSV.
 * Source: https://github.com/hyparam/hyparquet
 *
 * @throws {DataError} unreadable file or unsupported codec (with a hint naming hyparquet-compressors)
 */
export async function readParquet(bytes: ArrayBuffer, options: ReadParquetOptions = {}): Promise<RawTable> {
  const { source = "parquet", compressors } = options;
  let rows: Record<string, unknown>[];
  try {
    rows = await parquetReadObjects({ file: bytes, ...(compressors ? { compressors } : {}) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = /compression|codec/i.test(reason)
      ? "Pass a decompressor from the hyparquet-compressors package, or rewrite the file with SNAPPY compression."
      : undefined;
    throw new DataError(`${source}: cannot read parquet: ${reason}`, hint);
  }
  // Parquet rows share one schema, so the first row's keys are the columns; later rows are read by name.
  const names = rows.length > 0 ? Object.keys(rows[0] as object) : [];
  const columns = names.map((name) => {
    const values = new Array<RawValue>(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = toRawValue((rows[i] as Record<string, unknown>)[name]);
    return { name, values };
  });
  return { source, format: "parquet", columns, nRows: rows.length };
}
