import { describe, expect, it } from "vitest";
import { buildEntityIndex } from "../../../evaluation/data/entity-index.js";
import type { Table } from "../../../evaluation/types.js";

const table: Table = {
  nRows: 6,
  columns: [
    { name: "patient_id", kind: "id", values: ["A", "B", "A", null, "C", "B"] },
    { name: "x", kind: "numeric", values: Float64Array.of(1, 2, 3, 4, 5, 6) },
  ],
};

describe("buildEntityIndex", () => {
  it("groups rows by entity in first-appearance order; a missing id is an entity of its own", () => {
    const index = buildEntityIndex(table, "patient_id");
    expect(index.nEntities).toBe(4);
    expect(Array.from(index.rowEntity)).toEqual([0, 1, 0, 2, 3, 1]);
    expect(Array.from(index.offsets)).toEqual([0, 2, 4, 5, 6]);
    expect(Array.from(index.rows)).toEqual([0, 2, 1, 5, 3, 4]);
    expect(index.missingEntityRows).toBe(1);
  });

  it("makes each row its own entity without a column", () => {
    const index = buildEntityIndex(table, null);
    expect(index.nEntities).toBe(6);
    expect(Array.from(index.rows)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("rejects an unknown column", () => {
    expect(() => buildEntityIndex(table, "pid")).toThrowError('entity column not found: "pid"');
  });
});
