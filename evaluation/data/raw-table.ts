/**
 * A table as read from a file, before any type is decided: one array of raw cells per column.
 *
 * Readers (CSV, JSONL, Parquet) produce this; {@link inferSchema} decides each column's kind from the real
 * training table; {@link buildTable} turns any raw table into a typed `Table` under that one schema. Splitting
 * reading from typing is what lets train, holdout and synthetic share a schema: a column that happens to hold
 * only digits in a small synthetic file is still categorical if it is categorical in the real data.
 */

/** One cell as a reader delivers it. CSV gives strings only; JSONL and Parquet give typed values. */
export type RawValue = string | number | boolean | bigint | Date | null | undefined;

export interface RawColumn {
  name: string;
  values: RawValue[];
}

export interface RawTable {
  /** Where the table came from (a path, or a label for in-memory data); used in messages only. */
  source: string;
  /** File format, kept for the load report. */
  format: "csv" | "jsonl" | "parquet" | "memory";
  columns: RawColumn[];
  nRows: number;
}

/**
 * Wraps in-memory records (e.g. from a generator, or a test fixture) as a {@link RawTable}. Columns appear in
 * first-seen key order; a key absent from a record is a missing cell.
 *
 * @example
 * const raw = rawTableFromRecords([{ age: 40, sex: "F" }, { age: 51 }]);
 */
export function rawTableFromRecords(records: readonly Record<string, unknown>[], source = "memory"): RawTable {
  const index = new Map<string, RawValue[]>();
  const order: string[] = [];
  records.forEach((record, row) => {
    for (const key of Object.keys(record)) {
      let values = index.get(key);
      if (!values) {
        // A column first seen at row k was missing in rows 0..k-1.
        values = new Array<RawValue>(records.length).fill(null);
        index.set(key, values);
        order.push(key);
      }
      values[row] = toRawValue(record[key]);
    }
  });
  return {
    source,
    format: "memory",
    columns: order.map((name) => ({ name, values: index.get(name) as RawValue[] })),
    nRows: records.length,
  };
}

/** Narrows an arbitrary JS value to a {@link RawValue}; nested objects and arrays become their JSON text. */
export function toRawValue(value: unknown): RawValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
    case "bigint":
      return value;
    default:
      if (value instanceof Date) return value;
      return JSON.stringify(value);
  }
}
