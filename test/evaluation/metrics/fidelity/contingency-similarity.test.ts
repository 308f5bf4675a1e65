import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { contingencySimilarity } from "../../../../evaluation/metrics/fidelity/contingency-similarity.js";
import type { MetricContext, Table } from "../../../../evaluation/types.js";
import { samplePopulation, shuffleColumns } from "../../fixtures/population.js";

const ctx = (): MetricContext => ({ rng: new Rng("cont"), ciLevel: 0.95, resamples: 100 });
const mixed = (a: (string | null)[], b: number[]): Table => ({
  nRows: a.length,
  columns: [
    { name: "a", kind: "categorical", values: a },
    { name: "b", kind: "numeric", values: Float64Array.from(b) },
  ],
});

describe("contingencySimilarity", () => {
  it("bins the numeric member on real edges and treats missing as a cell (pandas reference)", () => {
    // >>> edges = np.histogram_bin_edges(real.b); edges[0], edges[-1] = -inf, inf
    // >>> r = pd.crosstab(real.a.fillna("NaN"), np.digitize(real.b, edges), normalize=True).stack()  (same for syn)
    // >>> 1 - 0.5 * abs(r - s).sum()   over the union of cells
    // 0.5
    const real = mixed(["u", "u", "v", "v", "v", null], [1, 2, 2.5, 9, 4, 3]);
    const syn = mixed(["u", "v", "v", "w"], [0, 2, 12, 5]);
    const r = contingencySimilarity({ real, synthetic: syn }, ctx(), { realAssociationThreshold: 0 });
    expect(r.value).toBeCloseTo(0.5, 15);
  });

  it("sees a shifted numeric column that per-table binning would hide", () => {
    const n = 200;
    const real = mixed(Array.from({ length: n }, (_, i) => (i % 2 ? "x" : "y")), Array.from({ length: n }, (_, i) => (i % 2) * 10 + (i % 10)));
    // Same shape, moved up by 20: binned on its own range it would look identical.
    const shifted = mixed(real.columns[0]?.values as string[], Array.from(real.columns[1]?.values as Float64Array, (v) => v + 20));
    expect(contingencySimilarity({ real, synthetic: real }, ctx()).value).toBe(1);
    expect(contingencySimilarity({ real, synthetic: shifted }, ctx()).value).toBeLessThan(0.6);
  });

  it("exposes a column-shuffled copy", () => {
    const train = samplePopulation({ patients: 200, seed: "t", idPrefix: "T" });
    const syn = samplePopulation({ patients: 200, seed: "s" });
    const plain = contingencySimilarity({ real: train, synthetic: syn, entity: "patient_id" }, ctx());
    const shuffled = contingencySimilarity({ real: train, synthetic: shuffleColumns(syn, "x"), entity: "patient_id" }, ctx());
    expect(plain.details?.averagedOver).toBe("threshold");
    expect(plain.details?.pairs.filter((p) => p.meetsThreshold).map((p) => p.columns.join("×"))).toContain("decayed×restoration");
    expect(shuffled.value).toBeLessThan((plain.interval?.lower as number) - 0.05);
  });
});
