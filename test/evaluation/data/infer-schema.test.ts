import { describe, expect, it } from "vitest";
import { DataError } from "../../../core/errors.js";
import { inferSchema } from "../../../evaluation/data/infer-schema.js";
import { rawTableFromRecords } from "../../../evaluation/data/raw-table.js";
import { parseTableMetadata } from "../../../evaluation/data/table-metadata.js";

const kinds = (records: Record<string, unknown>[], options = {}) =>
  Object.fromEntries(inferSchema(rawTableFromRecords(records), undefined, options).columns.map((c) => [c.name, c.kind]));

describe("inferSchema", () => {
  it("applies the documented rules in order", () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({
      patient_id: `P${i % 5}`,
      toothId: `T${i}`,
      age: String(30 + i),
      smoker: i % 2 ? "true" : "FALSE",
      visit: `2024-03-${String((i % 28) + 1).padStart(2, "0")}`,
      note: `free text ${i}`,
      sex: i % 3 ? "F" : "M",
      code01: i % 2,
      empty: "NA",
    }));
    expect(kinds(rows)).toEqual({
      patient_id: "id",
      toothId: "id",
      age: "numeric",
      smoker: "boolean",
      visit: "datetime",
      note: "id",
      sex: "categorical",
      code01: "numeric",
      empty: "categorical",
    });
  });

  it("makes small integer codes categorical only when told", () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ tooth: String((i % 8) + 1), depth: (i % 8) + 0.5 }));
    expect(kinds(rows)).toEqual({ tooth: "numeric", depth: "numeric" });
    expect(kinds(rows, { categoricalIntegerMaxUnique: 10 })).toEqual({ tooth: "categorical", depth: "numeric" });
  });

  it("explains a number column spoiled by a stray word", () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ depth: i === 7 ? "n.a." : String(i) }));
    const [column] = inferSchema(rawTableFromRecords(rows)).columns;
    expect(column?.kind).toBe("categorical");
    expect(column?.reason).toBe("1 of 40 values are not numbers; add them to missingValues or set the kind in metadata");
  });

  it("lets metadata force kinds, drop columns and add missing tokens", () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ tooth: String(i % 4), depth: i === 3 ? "-9" : String(i), junk: "x" }));
    const metadata = parseTableMetadata({
      columns: { tooth: { kind: "categorical" }, depth: { missingValues: ["-9"] }, junk: { drop: true } },
    });
    const schema = inferSchema(rawTableFromRecords(rows), metadata);
    expect(schema.columns.map((c) => [c.name, c.kind, c.source])).toEqual([
      ["tooth", "categorical", "metadata"],
      ["depth", "numeric", "inferred"],
    ]);
  });

  it("rejects metadata naming absent columns, all at once", () => {
    const metadata = parseTableMetadata({ entity: "pid", columns: { agee: { kind: "numeric" } } });
    expect(() => inferSchema(rawTableFromRecords([{ age: 1 }], "train.csv"), metadata)).toThrowError(DataError);
    expect(() => inferSchema(rawTableFromRecords([{ age: 1 }], "train.csv"), metadata)).toThrowError(
      'train.csv: metadata names columns not in the data: "agee", "pid"',
    );
  });
});
