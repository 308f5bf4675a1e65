import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { tvComplement } from "../../../../evaluation/metrics/fidelity/tv-complement.js";
import type { MetricContext, Table } from "../../../../evaluation/types.js";

const ctx = (): MetricContext => ({ rng: new Rng("tv"), ciLevel: 0.95, resamples: 50 });

describe("tvComplement", () => {
  it("is SDMetrics' 1 − ½ Σ|p_real − p_syn| over categories of either table", () => {
    // real (missing dropped): a .5, b .25, c .25; synthetic: a .25, b .5, d .25
    // ½(|.5−.25| + |.25−.5| + |.25−0| + |0−.25|) = 0.5  →  TVComplement 0.5
    const real: Table = { nRows: 5, columns: [{ name: "c", kind: "categorical", values: ["a", "a", "b", "c", null] }] };
    const syn: Table = { nRows: 4, columns: [{ name: "c", kind: "categorical", values: ["a", "b", "b", "d"] }] };
    const r = tvComplement({ real, synthetic: syn }, ctx());
    expect(r.value).toBeCloseTo(0.5, 15);
    expect(r.details?.columns[0]).toMatchObject({ realCategories: 3, syntheticCategories: 3, syntheticOnlyCategories: 1, missingReal: 0.2, missingSynthetic: 0 });
    expect(r.warnings).toEqual(["c: missing share differs by 0.200 between real and synthetic"]);
  });

  it("scores booleans and averages columns", () => {
    const real: Table = {
      nRows: 4,
      columns: [
        { name: "f", kind: "boolean", values: Float64Array.of(1, 1, 0, 0) },
        { name: "g", kind: "categorical", values: ["x", "x", "x", "x"] },
      ],
    };
    const syn: Table = {
      nRows: 4,
      columns: [
        { name: "f", kind: "boolean", values: Float64Array.of(1, 1, 1, 0) },
        { name: "g", kind: "categorical", values: ["x", "x", "x", "x"] },
      ],
    };
    // f: ½(|.5 − .75| + |.5 − .25|) = .25 → .75; g: 1; mean .875
    expect(tvComplement({ real, synthetic: syn }, ctx()).value).toBeCloseTo(0.875, 15);
  });
});
