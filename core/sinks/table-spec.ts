/**
 * How a table is described to the sinks and to the data dictionary: typed columns with their unit, meaning and
 * allowed values, plus keys. Rows travel between workers and sinks column-major (one array per column), which
 * clones cheaply across threads and is what Parquet writes natively.
 */
export type ColumnType = "string" | "int32" | "float64" | "boolean";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Unit of measure ("years", "mm", "% of sites"), or "" when unitless. */
  unit: string;
  meaning: string;
  /** Allowed values for categorical columns; a [min, max] range is written in `range` instead. */
  allowed?: readonly (string | number | boolean)[];
  range?: readonly [number, number];
  /**
   * Decimal places a float64 column is recorded to. Values are rounded to it at the source; text formats then
   * print them with integer arithmetic, several times faster than JavaScript's shortest float formatting.
   */
  decimals?: number;
  /** Whether the column may hold null (written as an empty CSV field, JSON null, Parquet null). */
  nullable?: boolean;
}

export interface TableSpec {
  name: string;
  description: string;
  columns: readonly ColumnSpec[];
  primaryKey: readonly string[];
  foreignKeys: readonly { column: string; references: string }[];
}

export type CellValue = string | number | boolean | null;

/** Rows of one table, each in the spec's column order. */
export type Row = CellValue[];

/** The rows of one table produced from one batch of records, column-major: `columns[c][r]` (Parquet's layout). */
export interface ColumnBatch {
  rowCount: number;
  columns: CellValue[][];
}

/** Builds a batch column by column from row arrays (each row in the spec's column order). */
export function batchFromRows(spec: TableSpec, rows: readonly Row[]): ColumnBatch {
  const columns: CellValue[][] = spec.columns.map(() => new Array<CellValue>(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly CellValue[];
    for (let c = 0; c < columns.length; c++) (columns[c] as CellValue[])[r] = row[c] ?? null;
  }
  return { rowCount: rows.length, columns };
}
