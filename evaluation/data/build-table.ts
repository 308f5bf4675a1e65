import type { Column, ColumnKind, Table } from "../types.js";
import type { TableSchema } from "./infer-schema.js";
import { isMissing } from "./missing-values.js";
import { parseBooleanCell, parseDateCell, parseNumberCell } from "./parse-cell.js";
import type { RawTable, RawValue } from "./raw-table.js";

/** What happened to one column while typing it: the basis of the "missing values" section of a report. */
export interface ColumnLoadReport {
  name: string;
  kind: ColumnKind;
  source: "metadata" | "inferred";
  reason: string;
  /** Cells that were missing in the file (null, empty, or a missing token). */
  missing: number;
  /** Cells present but not readable as the column's kind (e.g. "abc" in a numeric column); they become missing. */
  invalid: number;
}

export interface LoadReport {
  source: string;
  format: RawTable["format"];
  nRows: number;
  columns: ColumnLoadReport[];
  /** Schema columns this table lacks. */
  absentColumns: string[];
  /** Columns of this table the schema does not have (ignored). */
  extraColumns: string[];
  warnings: string[];
}

/**
 * Types a raw table under a schema: the same schema for train, holdout and synthetic, so all three agree on
 * every column's kind and on what counts as missing.
 *
 * Storage follows `Column` in evaluation/types.ts: numeric/boolean/datetime as Float64Array with NaN for
 * missing (booleans 0/1, datetimes epoch ms), categorical/id as strings with null for missing. A cell that is
 * present but unreadable as its kind (text in a numeric column, "maybe" in a boolean one) is stored as missing
 * and counted as `invalid`, never dropped silently: missing and invalid counts are in the report, and the
 * metrics exclude missing cells the same way everywhere (per column, as SDMetrics does).
 *
 * Columns keep the schema's order; schema columns absent from the table and extra table columns are listed in
 * the report for {@link alignTables} to act on.
 */
export function buildTable(raw: RawTable, schema: TableSchema): { table: Table; report: LoadReport } {
  const byName = new Map(raw.columns.map((c) => [c.name, c]));
  const schemaNames = new Set(schema.columns.map((c) => c.name));
  const columns: Column[] = [];
  const reports: ColumnLoadReport[] = [];
  const absentColumns: string[] = [];
  const warnings: string[] = [];
  for (const spec of schema.columns) {
    const rawColumn = byName.get(spec.name);
    if (!rawColumn) {
      absentColumns.push(spec.name);
      continue;
    }
    const tokens = new Set(spec.missingTokens);
    const forced = spec.source === "metadata";
    const { column, missing, invalid } = convertColumn(spec.name, spec.kind, rawColumn.values, tokens, forced);
    columns.push(column);
    reports.push({ name: spec.name, kind: spec.kind, source: spec.source, reason: spec.reason, missing, invalid });
    if (invalid > 0) {
      warnings.push(`${spec.name}: ${invalid} of ${raw.nRows} values could not be read as ${spec.kind} and count as missing`);
    }
  }
  const extraColumns = raw.columns.map((c) => c.name).filter((name) => !schemaNames.has(name));
  return {
    table: { columns, nRows: raw.nRows },
    report: { source: raw.source, format: raw.format, nRows: raw.nRows, columns: reports, absentColumns, extraColumns, warnings },
  };
}

function convertColumn(
  name: string,
  kind: ColumnKind,
  values: readonly RawValue[],
  tokens: ReadonlySet<string>,
  forced: boolean,
): { column: Column; missing: number; invalid: number } {
  let missing = 0;
  let invalid = 0;
  if (kind === "categorical" || kind === "id") {
    const out = new Array<string | null>(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (isMissing(v, tokens)) {
        out[i] = null;
        missing++;
      } else {
        out[i] = v instanceof Date ? v.toISOString() : String(v);
      }
    }
    return { column: { name, kind, values: out }, missing, invalid };
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissing(v, tokens)) {
      out[i] = Number.NaN;
      missing++;
      continue;
    }
    const x = kind === "numeric" ? toNumber(v) : kind === "boolean" ? toBoolean(v, forced) : toEpochMs(v);
    if (Number.isNaN(x)) invalid++;
    out[i] = x;
  }
  return { column: { name, kind, values: out }, missing, invalid };
}

function toNumber(v: RawValue): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : Number.NaN;
  if (typeof v === "string") return parseNumberCell(v);
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  return Number.NaN;
}

function toBoolean(v: RawValue, forced: boolean): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return parseBooleanCell(v, forced);
  if (typeof v === "number" || typeof v === "bigint") {
    const n = Number(v);
    return n === 1 ? 1 : n === 0 ? 0 : Number.NaN;
  }
  return Number.NaN;
}

/** Dates and ISO text to epoch ms; plain numbers are taken as epoch ms already (only reachable via metadata). */
function toEpochMs(v: RawValue): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v === "string") return parseDateCell(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : Number.NaN;
  if (typeof v === "bigint") return Number(v);
  return Number.NaN;
}
