import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { correlationSimilarity } from "../../../../evaluation/metrics/fidelity/correlation-similarity.js";
import type { MetricContext, Table } from "../../../../evaluation/types.js";
import { samplePopulation, shuffleColumns } from "../../fixtures/population.js";

const ctx = (): MetricContext => ({ rng: new Rng("corr"), ciLevel: 0.95, resamples: 100 });
const pair = (x: number[], y: number[]): Table => ({
  nRows: x.length,
  columns: [
    { name: "x", kind: "numeric", values: Float64Array.from(x) },
    { name: "y", kind: "numeric", values: Float64Array.from(y) },
  ],
});
const real = pair([1.2, 2.4, 2.4, 3.1, 4.8, 5.0, 5.0, 6.7, 7.1, 8.3], [2.0, 1.9, 3.5, 3.3, 4.1, 6.2, 5.9, 5.5, 8.0, 7.7]);
const syn = pair([1, 2, 3, 4, 5, 6, 7, 8], [3, 1, 4, 1.5, 5, 9, 2, 6]);

describe("correlationSimilarity", () => {
  it("is 1 − |ρ_real − ρ_syn| / 2 with scipy's correlations", () => {
    // >>> pearsonr(x, y)[0], pearsonr(xs, ys)[0]   -> 0.9242092726496173, 0.48447617076989014
    // >>> 1 - abs(0.9242092726496173 - 0.48447617076989014) / 2  -> 0.7801334490601364
    const r = correlationSimilarity({ real, synthetic: syn }, ctx());
    expect(r.value).toBeCloseTo(0.7801334490601364, 14);
    expect(r.details?.pairs[0]?.real).toBeCloseTo(0.9242092726496173, 14);
    expect(r.details?.averagedOver).toBe("threshold");
    // spearmanr: 0.9085534756454652 and 0.523809523809524 -> 0.8076280240820294
    expect(correlationSimilarity({ real, synthetic: syn }, ctx(), { coefficient: "spearman" }).value).toBeCloseTo(0.8076280240820294, 14);
  });

  it("averages only pairs correlated in the real data when there are any", () => {
    const train = samplePopulation({ patients: 200, seed: "t", idPrefix: "T" });
    const r = correlationSimilarity({ real: train, synthetic: samplePopulation({ patients: 200, seed: "s" }), entity: "patient_id" }, ctx());
    const meets = r.details?.pairs.filter((p) => p.meetsThreshold).map((p) => p.columns.join("×"));
    expect(meets).toEqual(["plaque_index×pocket_depth", "plaque_index×bleeding", "pocket_depth×bleeding"]);
    const scores = r.details?.pairs.filter((p) => p.meetsThreshold).map((p) => p.score) as number[];
    expect(r.value).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / 3, 14);
  });

  it("exposes a column-shuffled copy: about 1 − |ρ_real| / 2", () => {
    const train = samplePopulation({ patients: 200, seed: "t", idPrefix: "T" });
    const shuffled = shuffleColumns(samplePopulation({ patients: 200, seed: "s" }), "x");
    const r = correlationSimilarity({ real: train, synthetic: shuffled, entity: "patient_id" }, ctx());
    const rhos = r.details?.pairs.filter((p) => p.meetsThreshold).map((p) => p.real) as number[];
    expect(r.value).toBeCloseTo(rhos.reduce((a, rho) => a + 1 - Math.abs(rho) / 2, 0) / rhos.length, 1);
    expect(r.interpretation.verdict).toBe("poor");
  });

  it("skips pairs with a constant column, with a warning", () => {
    const flat = pair([1, 1, 1], [1, 2, 3]);
    const r = correlationSimilarity({ real: flat, synthetic: flat }, ctx());
    expect(r.value).toBeNaN();
    expect(r.interpretation.verdict).toBe("not-applicable");
    expect(r.warnings[0]).toMatch(/^x × y: correlation undefined/);
  });
});
