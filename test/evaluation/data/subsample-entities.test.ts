import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { buildEntityIndex } from "../../../evaluation/data/entity-index.js";
import { subsampleEntities } from "../../../evaluation/data/subsample-entities.js";
import type { Table } from "../../../evaluation/types.js";

// 100 patients with 1..5 rows each.
const ids: string[] = [];
for (let p = 0; p < 100; p++) for (let r = 0; r <= p % 5; r++) ids.push(`P${p}`);
const table: Table = {
  nRows: ids.length,
  columns: [
    { name: "patient_id", kind: "id", values: ids },
    { name: "row", kind: "numeric", values: Float64Array.from(ids, (_, i) => i) },
  ],
};
const index = buildEntityIndex(table, "patient_id");

describe("subsampleEntities", () => {
  it("keeps whole patients until the row budget is met, in original row order", () => {
    const { table: sub, record } = subsampleEntities(table, index, { maxRows: 100 }, new Rng("s"));
    expect(record.applied).toBe(true);
    expect(record.rowsKept).toBe(sub.nRows);
    expect(sub.nRows).toBeGreaterThanOrEqual(100);
    expect(sub.nRows).toBeLessThan(105); // overshoots by less than one patient
    const kept = sub.columns[0]?.values as string[];
    for (const id of new Set(kept)) expect(kept.filter((v) => v === id).length).toBe(ids.filter((v) => v === id).length);
    const rows = Array.from(sub.columns[1]?.values as Float64Array);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it("is reproducible from the seed and changes with it", () => {
    const a = subsampleEntities(table, index, { maxEntities: 10 }, new Rng("s")).table.columns[0]?.values as string[];
    const b = subsampleEntities(table, index, { maxEntities: 10 }, new Rng("s")).table.columns[0]?.values;
    const c = subsampleEntities(table, index, { maxEntities: 10 }, new Rng("t")).table.columns[0]?.values;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a).size).toBe(10);
  });

  it("returns the table untouched when it is within budget", () => {
    const { table: same, record } = subsampleEntities(table, index, { maxRows: 1e6 }, new Rng("s"));
    expect(same).toBe(table);
    expect(record).toEqual({ applied: false, seed: "s", entitiesKept: 100, entitiesTotal: 100, rowsKept: 300, rowsTotal: 300 });
  });
});
