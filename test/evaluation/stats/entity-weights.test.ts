import { describe, expect, it } from "vitest";
import { buildEntityIndex } from "../../../evaluation/data/entity-index.js";
import { entityRows, entityRowWeights } from "../../../evaluation/stats/entity-weights.js";
import type { Table } from "../../../evaluation/types.js";

const table: Table = { nRows: 5, columns: [{ name: "pid", kind: "id", values: ["a", "b", "a", "c", "b"] }] };
const index = buildEntityIndex(table, "pid");

describe("entity resample helpers", () => {
  it("weigh each row by how often its entity was drawn", () => {
    // entities: a=0, b=1, c=2; drawn a, a, c
    expect(Array.from(entityRowWeights(Int32Array.of(0, 0, 2), index))).toEqual([2, 0, 2, 1, 0]);
  });

  it("list the rows of the drawn entities, repeats included", () => {
    expect(Array.from(entityRows(Int32Array.of(1, 0, 1), index))).toEqual([1, 4, 0, 2, 1, 4]);
  });
});
