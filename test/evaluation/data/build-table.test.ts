import { describe, expect, it } from "vitest";
import { buildTable } from "../../../evaluation/data/build-table.js";
import { inferSchema } from "../../../evaluation/data/infer-schema.js";
import { parseCsv } from "../../../evaluation/data/parse-csv.js";
import { parseTableMetadata } from "../../../evaluation/data/table-metadata.js";

describe("buildTable", () => {
  it("types every table under the training schema, counting missing and invalid cells", () => {
    const train = parseCsv("age,sex,smoker\n40,F,true\n,M,false\nNA,F,true\n", { source: "train" });
    const synthetic = parseCsv("age,sex,smoker,extra\n41.5,F,TRUE,1\nold,,maybe,2\n", { source: "syn" });
    const schema = inferSchema(train);
    const built = buildTable(synthetic, schema);
    expect(Array.from(built.table.columns[0]?.values as Float64Array)).toEqual([41.5, Number.NaN]);
    expect(built.table.columns[1]?.values).toEqual(["F", null]);
    expect(Array.from(built.table.columns[2]?.values as Float64Array)).toEqual([1, Number.NaN]);
    expect(built.report.columns.map((c) => [c.name, c.missing, c.invalid])).toEqual([
      ["age", 0, 1],
      ["sex", 1, 0],
      ["smoker", 0, 1],
    ]);
    expect(built.report.extraColumns).toEqual(["extra"]);
    expect(built.report.warnings).toEqual([
      "age: 1 of 2 values could not be read as numeric and count as missing",
      "smoker: 1 of 2 values could not be read as boolean and count as missing",
    ]);
    expect(buildTable(train, schema).report.columns[0]?.missing).toBe(2);
  });

  it("lists schema columns a table lacks", () => {
    const schema = inferSchema(parseCsv("a,b\n1,2\n"));
    expect(buildTable(parseCsv("a\n1\n"), schema).report.absentColumns).toEqual(["b"]);
  });

  it("reads forced booleans from yes/no and datetimes as UTC epoch ms", () => {
    const raw = parseCsv("flag,when\nyes,2024-01-02\nN,2024-01-02T10:00:00+02:00\n");
    const schema = inferSchema(raw, parseTableMetadata({ columns: { flag: { kind: "boolean" } } }));
    const { table } = buildTable(raw, schema);
    expect(Array.from(table.columns[0]?.values as Float64Array)).toEqual([1, 0]);
    expect(Array.from(table.columns[1]?.values as Float64Array)).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 2, 8)]);
  });
});
