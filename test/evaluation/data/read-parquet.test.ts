import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { buildTable } from "../../../evaluation/data/build-table.js";
import { inferSchema } from "../../../evaluation/data/infer-schema.js";
import { readParquet } from "../../../evaluation/data/read-parquet.js";

describe("readParquet", () => {
  it("reads typed columns written by hyparquet-writer, nulls as missing", async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: "patient_id", data: ["P1", "P1", "P2"], type: "STRING" },
        { name: "age", data: [40, 40, null], type: "DOUBLE" },
        { name: "smoker", data: [true, true, false], type: "BOOLEAN" },
        { name: "visit", data: [new Date(Date.UTC(2020, 0, 2)), new Date(Date.UTC(2021, 5, 1)), null], type: "TIMESTAMP" },
      ],
    });
    const raw = await readParquet(buffer, { source: "x.parquet" });
    expect(raw.nRows).toBe(3);
    expect(raw.columns.map((c) => c.name)).toEqual(["patient_id", "age", "smoker", "visit"]);
    const { table, report } = buildTable(raw, inferSchema(raw, undefined, { idMinRows: 1 }));
    expect(table.columns.map((c) => c.kind)).toEqual(["id", "numeric", "boolean", "datetime"]);
    expect(Array.from(table.columns[3]?.values as Float64Array)).toEqual([Date.UTC(2020, 0, 2), Date.UTC(2021, 5, 1), Number.NaN]);
    expect(report.columns.map((c) => c.missing)).toEqual([0, 1, 0, 1]);
  });

  it("wraps a read failure in a DataError naming the source", async () => {
    await expect(readParquet(new ArrayBuffer(8), { source: "bad.parquet" })).rejects.toThrowError(/bad.parquet: cannot read parquet/);
  });
});
