import { describe, expect, it } from "vitest";
import { inferEntityColumn } from "../../../evaluation/data/infer-entity-column.js";
import type { Table } from "../../../evaluation/types.js";

const table: Table = {
  nRows: 6,
  columns: [
    { name: "tooth_id", kind: "id", values: ["t1", "t2", "t3", "t4", "t5", "t6"] },
    { name: "visit_id", kind: "id", values: ["v1", "v1", "v2", "v3", "v3", "v4"] },
    { name: "subject_id", kind: "id", values: ["s1", "s1", "s1", "s2", "s2", "s2"] },
    { name: "x", kind: "numeric", values: new Float64Array(6) },
  ],
};

describe("inferEntityColumn", () => {
  it("prefers a person-like repeating id, and lists the other repeating ids", () => {
    expect(inferEntityColumn(table)).toEqual({
      column: "subject_id",
      reason: "id column whose values repeat (2 entities)",
      alternatives: ["visit_id"],
    });
  });

  it("otherwise takes the coarsest repeating id; a row key never qualifies", () => {
    const noPerson: Table = { nRows: 6, columns: table.columns.filter((c) => c.name !== "subject_id") };
    expect(inferEntityColumn(noPerson).column).toBe("visit_id");
    const onlyKeys: Table = { nRows: 6, columns: [table.columns[0] as Table["columns"][number]] };
    expect(inferEntityColumn(onlyKeys).column).toBeNull();
  });

  it("obeys an explicit choice, including null for independent rows", () => {
    expect(inferEntityColumn(table, "visit_id").column).toBe("visit_id");
    expect(inferEntityColumn(table, null).column).toBeNull();
    expect(inferEntityColumn(table, "nope")).toMatchObject({ column: null, reason: 'requested entity column "nope" is absent' });
  });
});
