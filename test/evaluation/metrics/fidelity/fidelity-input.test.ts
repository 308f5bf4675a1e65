import { describe, expect, it } from "vitest";
import { preparePair } from "../../../../evaluation/metrics/fidelity/fidelity-input.js";
import type { Table } from "../../../../evaluation/types.js";

const real: Table = {
  nRows: 3,
  columns: [
    { name: "pid", kind: "id", values: ["a", "a", "b"] },
    { name: "age", kind: "numeric", values: Float64Array.of(1, 2, 3) },
    { name: "sex", kind: "categorical", values: ["F", "F", "M"] },
  ],
};

describe("preparePair", () => {
  it("lists shared comparable columns and counts entities", () => {
    const syn: Table = { nRows: 2, columns: [real.columns[0] as Table["columns"][number], { name: "age", kind: "categorical", values: ["1", "2"] }] };
    const p = preparePair({ real, synthetic: { ...syn, columns: [{ name: "pid", kind: "id", values: ["x", "y"] }, { name: "sex", kind: "categorical", values: ["F", "M"] }] }, entity: "pid" });
    expect(p.shared).toEqual([{ name: "sex", kind: "categorical" }]);
    expect(p.n).toEqual({ real: 3, synthetic: 2, entities: { real: 2, synthetic: 2 } });
    expect(preparePair({ real, synthetic: syn }).shared).toEqual([]); // age differs in kind, sex absent
  });

  it("treats synthetic rows as independent when the entity column is missing there, with a warning", () => {
    const syn: Table = { nRows: 2, columns: [{ name: "age", kind: "numeric", values: Float64Array.of(1, 2) }] };
    const p = preparePair({ real, synthetic: syn, entity: "pid" });
    expect(p.syntheticIndex.nEntities).toBe(2);
    expect(p.warnings).toEqual(["the synthetic table has no pid column; its rows are treated as independent"]);
  });
});
