import { csvFormat } from "./csv-sink.js";
import { jsonlFormat } from "./jsonl-sink.js";
import { parquetFormat } from "./parquet-sink.js";
import type { TableFormat } from "./table-format.js";

/** Table formats by name: the registry the CLI's --format choices come from. */
export const TABLE_FORMATS: Readonly<Record<TableFormat["name"], TableFormat>> = {
  csv: csvFormat,
  parquet: parquetFormat,
  jsonl: jsonlFormat,
};

export const TABLE_FORMAT_NAMES = Object.keys(TABLE_FORMATS) as TableFormat["name"][];

export type { TableFormat, TableWriter, WrittenFile, EncodedChunk } from "./table-format.js";
export * from "./table-spec.js";
