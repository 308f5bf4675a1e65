import { describe, expect, it } from "vitest";
import { DataError } from "../../../core/errors.js";
import type { Column, Table } from "../../../evaluation/types.js";
import { entityStructure } from "../../../models/linked/entity-structure.js";
import { clusteredTable } from "./clustered-fixture.js";

describe("entityStructure", () => {
  const table = clusteredTable(50);

  it("splits patient-level from row-level columns and detects the tooth key", () => {
    const s = entityStructure(table, "id");
    expect(s.groups.length).toBe(50);
    expect(s.parent).toEqual(["age", "sex", "total_teeth"]);
    expect(s.key).toBe("tooth");
    expect(s.child).toEqual(["pocket", "molar", "decay"]);
    // Teeth 1..6 are present in ~95 % of patients, 7 and 8 less often: most common first.
    expect(s.keyValues.slice(-2).sort()).toEqual(["7", "8"]);
  });

  it("tolerates a few repeated keys (data-entry duplicates) and counts them", () => {
    const tooth = table.columns.find((c) => c.name === "tooth")!.values as Float64Array;
    const copy: Table = { ...table, columns: table.columns.map((c): Column => (c.name === "tooth" ? { name: "tooth", kind: "numeric", values: Float64Array.from(tooth) } : c)) };
    const t = copy.columns.find((c) => c.name === "tooth")!.values as Float64Array;
    t[1] = t[0] as number; // rows 0 and 1 belong to the first patient
    const s = entityStructure(copy, "id");
    expect(s.key).toBe("tooth");
    expect(s.keyRepeats).toBe(1);
  });

  it("honours an explicit 'no key'", () => {
    const s = entityStructure(table, "id", null);
    expect(s.key).toBeNull();
    expect(s.child).toContain("tooth");
  });

  it("refuses a key that repeats within a patient, and an unknown entity", () => {
    expect(() => entityStructure(table, "id", "molar")).toThrow(DataError);
    expect(() => entityStructure(table, "patient")).toThrow(/entity column patient is not in the training table/);
  });
});
