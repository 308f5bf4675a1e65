/**
 * Loading and preparing evaluation tables: readers, type inference with metadata overrides, missing-value
 * accounting, entity (patient) grouping, whole-entity subsampling and table alignment.
 */
export { alignTables, type AlignOptions, type AlignedTables } from "./align-tables.js";
export { buildTable, type ColumnLoadReport, type LoadReport } from "./build-table.js";
export { buildEntityIndex, type EntityIndex } from "./entity-index.js";
export { inferEntityColumn, type EntityColumnChoice } from "./infer-entity-column.js";
export { inferColumnKind, inferSchema, type ColumnSchema, type InferSchemaOptions, type TableSchema } from "./infer-schema.js";
export { detectFormat, loadTables, readRawTable, type LoadTablesOptions, type LoadedTable, type ReadRawTableOptions, type TableFormat } from "./load-table.js";
export { DEFAULT_MISSING_TOKENS, isMissing } from "./missing-values.js";
export { parseBooleanCell, parseDateCell, parseNumberCell } from "./parse-cell.js";
export { parseCsv, type ParseCsvOptions } from "./parse-csv.js";
export { parseJsonl, type ParseJsonlOptions } from "./parse-jsonl.js";
export { rawTableFromRecords, toRawValue, type RawColumn, type RawTable, type RawValue } from "./raw-table.js";
export { readParquet, type ReadParquetOptions } from "./read-parquet.js";
export { decimalPlaces, roundToPrecision, timeGranularity } from "./round-to-precision.js";
export { shuffledCodes, subsampleEntities, type SubsampleOptions, type SubsampleRecord } from "./subsample-entities.js";
export { columnMetadataSchema, parseTableMetadata, tableMetadataSchema, type ColumnMetadata, type TableMetadata } from "./table-metadata.js";
export { getColumn, selectColumns, takeRows } from "./take-rows.js";
