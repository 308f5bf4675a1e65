import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { boundaryAdherence } from "../../../../evaluation/metrics/fidelity/boundary-adherence.js";
import { categoryAdherence } from "../../../../evaluation/metrics/fidelity/category-adherence.js";
import type { MetricContext, Table } from "../../../../evaluation/types.js";

const ctx = (): MetricContext => ({ rng: new Rng("adh"), ciLevel: 0.95, resamples: 50 });

describe("boundaryAdherence", () => {
  it("is the share of synthetic values within the real [min, max], averaged over columns", () => {
    const real: Table = { nRows: 3, columns: [{ name: "depth", kind: "numeric", values: Float64Array.of(1, 4, Number.NaN) }] };
    const syn: Table = { nRows: 5, columns: [{ name: "depth", kind: "numeric", values: Float64Array.of(0.5, 1, 2, 4, Number.NaN) }] };
    const r = boundaryAdherence({ real, synthetic: syn }, ctx());
    expect(r.value).toBe(0.75);
    expect(r.details?.columns[0]).toEqual({ column: "depth", min: 1, max: 4, score: 0.75, below: 1, above: 0 });
    expect(r.family).toBe("diagnostic");
  });
});

describe("categoryAdherence", () => {
  it("is the share of synthetic cells whose category exists in the real column; missing counts as a category", () => {
    const real: Table = { nRows: 3, columns: [{ name: "resto", kind: "categorical", values: ["none", "crown", "none"] }] };
    const syn: Table = { nRows: 4, columns: [{ name: "resto", kind: "categorical", values: ["none", "implant", null, "crown"] }] };
    const r = categoryAdherence({ real, synthetic: syn }, ctx());
    expect(r.value).toBe(0.5);
    expect(r.details?.columns[0]).toEqual({ column: "resto", score: 0.5, unseenCategories: 2 });
    expect(r.interpretation.verdict).toBe("poor");
  });
});
