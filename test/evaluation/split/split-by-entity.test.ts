import { describe, expect, it } from "vitest";
import { rawTableFromRecords } from "../../../evaluation/data/raw-table.js";
import { splitByEntity } from "../../../evaluation/split/split-by-entity.js";

// 40 patients with 1-5 rows each, rows interleaved the way clinic exports often are.
const records = Array.from({ length: 120 }, (_, r) => ({ pid: `p${(r * 7) % 40}`, tooth: r % 32 }));
const table = rawTableFromRecords(records, "fixture");

describe("splitByEntity", () => {
  it("puts every row of a patient on one side and keeps row order", () => {
    const s = splitByEntity(table, "pid", 0.5, "1");
    const side = new Map<string, string>();
    for (const [part, rows] of [["train", s.train], ["holdout", s.holdout]] as const) {
      for (const r of rows) {
        const pid = records[r]?.pid as string;
        expect(side.get(pid) ?? part).toBe(part);
        side.set(pid, part);
      }
      expect([...rows]).toEqual([...rows].sort((a, b) => a - b));
    }
    expect(s.train.length + s.holdout.length).toBe(records.length);
    expect(s.entities).toEqual({ train: 20, holdout: 20 });
  });

  it("depends on the seed and the set of patients, not on row order", () => {
    const a = splitByEntity(table, "pid", 0.3, "seed");
    const reversed = rawTableFromRecords([...records].reverse(), "reversed");
    const b = splitByEntity(reversed, "pid", 0.3, "seed");
    const holdoutIds = (rows: number[], recs: typeof records) => new Set(rows.map((r) => recs[r]?.pid));
    expect(holdoutIds(b.holdout, [...records].reverse())).toEqual(holdoutIds(a.holdout, records));
    expect(a.entities.holdout).toBe(12);
    const c = splitByEntity(table, "pid", 0.3, "other");
    expect(holdoutIds(c.holdout, records)).not.toEqual(holdoutIds(a.holdout, records));
  });

  it("names the columns when the id column is absent, and refuses rows without an id", () => {
    expect(() => splitByEntity(table, "patient_id", 0.5, "1")).toThrow(/no column "patient_id" in fixture/);
    const holes = rawTableFromRecords([{ pid: "a" }, { pid: null }, { pid: "b" }], "holes");
    expect(() => splitByEntity(holes, "pid", 0.5, "1")).toThrow(/1 rows of holes have no pid/);
  });
});
