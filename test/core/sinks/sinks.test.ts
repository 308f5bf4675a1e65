import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { parquetReadObjects } from "hyparquet";
import { TABLE_FORMATS, type CellValue, type TableSpec } from "../../../core/sinks/index.js";
import { csvField, formatFixed } from "../../../core/sinks/text-format.js";
import { sha256Hex } from "../../../core/hash.js";

const dir = mkdtempSync(join(tmpdir(), "dentsynth-sinks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec: TableSpec = {
  name: "t",
  description: "fixture",
  primaryKey: ["id"],
  foreignKeys: [],
  columns: [
    { name: "id", type: "string", unit: "", meaning: "" },
    { name: "n", type: "int32", unit: "", meaning: "" },
    { name: "x", type: "float64", unit: "mm", meaning: "", nullable: true },
    { name: "ok", type: "boolean", unit: "", meaning: "" },
  ],
};
const rows: CellValue[][] = [
  ["a", 1, 0.5, true],
  ['has "quote", comma', -2, null, false],
  ["line\nbreak", 3, 1e-7, true],
  ["ünïcode", 4, 2.25, false],
];

function writeTable(format: keyof typeof TABLE_FORMATS, batches: CellValue[][][]) {
  const f = TABLE_FORMATS[format];
  const path = join(dir, `t-${format}-${batches.length}.${f.extension}`);
  const writer = f.open(path, spec);
  for (const b of batches) writer.write(f.encode(spec, b), b.length);
  return { path, written: writer.close() };
}

async function duckdbRows(sql: string) {
  const db = await DuckDBInstance.create();
  const con = await db.connect();
  const reader = await con.runAndReadAll(sql);
  return reader.getRowObjectsJson();
}

describe("csvField", () => {
  it("quotes only when needed, per RFC 4180", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b"')).toBe('"a ""b"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(true)).toBe("true");
  });
});

describe("formatFixed", () => {
  it("prints a rounded number exactly as String() would, with integer arithmetic", () => {
    for (const x of [0, 2.5, -0.05, 3.14, 10, 1234.5678, -7.001, 0.1 + 0.2]) {
      expect(formatFixed(x, 4)).toBe(String(Math.round(x * 1e4) / 1e4));
    }
    expect(formatFixed(2.8333333, 2)).toBe("2.83");
    expect(formatFixed(Number.NaN, 2)).toBeNull();
  });
});

describe.each(["csv", "jsonl", "parquet"] as const)("%s sink", (format) => {
  it("reports rows, bytes and the sha256 of what it wrote", () => {
    const { path, written } = writeTable(format, [rows]);
    const bytes = readFileSync(path);
    expect(written.rows).toBe(rows.length);
    expect(written.bytes).toBe(bytes.length);
    expect(written.sha256).toBe(sha256Hex(bytes));
  });

  it("reads back in DuckDB (an independent reader) with the same values", async () => {
    const { path } = writeTable(format, [rows.slice(0, 2), rows.slice(2)]);
    const reader = format === "csv" ? `read_csv('${path}', header=true)` : format === "jsonl" ? `read_json('${path}', format='newline_delimited')` : `'${path}'`;
    const back = await duckdbRows(`select * from ${reader}`);
    expect(back.map((r) => r.id)).toEqual(rows.map((r) => r[0]));
    expect(back.map((r) => Number(r.n))).toEqual([1, -2, 3, 4]);
    expect(back.map((r) => (r.x === null ? null : Number(r.x)))).toEqual([0.5, null, 1e-7, 2.25]);
    expect(back.map((r) => r.ok)).toEqual([true, false, true, false]);
  });
});

describe("parquet sink", () => {
  it("declares column types that readers see (VARCHAR, INTEGER, DOUBLE, BOOLEAN)", async () => {
    const { path } = writeTable("parquet", [rows]);
    const types = await duckdbRows(`select column_name, column_type from (describe select * from '${path}')`);
    expect(types).toEqual([
      { column_name: "id", column_type: "VARCHAR" },
      { column_name: "n", column_type: "INTEGER" },
      { column_name: "x", column_type: "DOUBLE" },
      { column_name: "ok", column_type: "BOOLEAN" },
    ]);
  });

  it("writes one row group per batch, so memory holds one batch at a time", async () => {
    const { path } = writeTable("parquet", [rows.slice(0, 1), rows.slice(1, 3), rows.slice(3)]);
    const groups = await duckdbRows(`select row_group_id, row_group_num_rows from parquet_metadata('${path}') where path_in_schema = 'id' order by 1`);
    expect(groups.map((g) => Number(g.row_group_num_rows))).toEqual([1, 2, 1]);
    const buf = readFileSync(path);
    const objects = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) });
    expect(objects.map((o) => o.id)).toEqual(rows.map((r) => r[0]));
  });
});
