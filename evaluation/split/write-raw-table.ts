import { TABLE_FORMATS, type CellValue, type ColumnSpec, type TableSpec } from "../../core/sinks/index.js";
import type { WrittenFile } from "../../core/sinks/table-format.js";
import type { RawTable, RawValue } from "../data/raw-table.js";

/** Column type a raw column can be written as without losing values (CSV text stays text, exactly). */
function columnType(values: readonly RawValue[]): ColumnSpec["type"] {
  let kind: "none" | "int" | "float" | "boolean" | "string" = "none";
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const k =
      typeof v === "boolean" ? "boolean" : typeof v === "number" || typeof v === "bigint" ? (Number.isInteger(Number(v)) && Math.abs(Number(v)) < 2 ** 31 ? "int" : "float") : "string";
    if (kind === "none") kind = k;
    else if (kind !== k) kind = (kind === "int" && k === "float") || (kind === "float" && k === "int") ? "float" : "string";
  }
  return kind === "int" ? "int32" : kind === "float" ? "float64" : kind === "boolean" ? "boolean" : "string";
}

function cell(v: RawValue, type: ColumnSpec["type"]): CellValue {
  if (v === null || v === undefined) return null;
  if (type === "string") return v instanceof Date ? v.toISOString() : String(v);
  if (typeof v === "bigint") return Number(v);
  return v as CellValue;
}

/**
 * Writes selected rows of a raw table in a table format, keeping values as read: CSV text cells are written back
 * as the same text, typed JSONL/Parquet cells keep their types.
 */
export function writeRawRows(table: RawTable, rows: readonly number[], path: string, format: keyof typeof TABLE_FORMATS): WrittenFile {
  const spec: TableSpec = {
    name: "split",
    description: "",
    primaryKey: [],
    foreignKeys: [],
    columns: table.columns.map((c) => ({ name: c.name, type: columnType(c.values), unit: "", meaning: "", nullable: true })),
  };
  const f = TABLE_FORMATS[format];
  const writer = f.open(path, spec);
  try {
    const chunk = 50_000;
    for (let start = 0; start < rows.length; start += chunk) {
      const slice = rows.slice(start, start + chunk);
      const rowsOut = slice.map((r) => table.columns.map((c, j) => cell(c.values[r], (spec.columns[j] as ColumnSpec).type)));
      writer.write(f.encode(spec, rowsOut), slice.length);
    }
    return writer.close();
  } catch (error) {
    writer.destroy();
    throw error;
  }
}
