import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { precisionRecallDensityCoverage, prdcBreakdown } from "../../../../evaluation/metrics/fidelity/precision-recall-density-coverage.js";
import type { MetricContext, Table } from "../../../../evaluation/types.js";
import { samplePopulation, shuffleColumns } from "../../fixtures/population.js";

const ctx = (): MetricContext => ({ rng: new Rng("prdc"), ciLevel: 0.95, resamples: 50 });
const table = (rows: number[][]): Table => ({
  nRows: rows.length,
  columns: [0, 1, 2].map((j) => ({ name: `x${j}`, kind: "numeric" as const, values: Float64Array.from(rows, (r) => r[j] as number) })),
});
const real = table(Array.from({ length: 60 }, (_, i) => [Math.sin(1.3 * i), Math.cos(0.7 * i), Math.sin(0.31 * i + 1)]));

// Reference: the formulas of Naeem et al. 2020 (as in clovaai/generative-evaluation-prdc, strict "<") in numpy,
// on both tables standardised by the real mean and SD, k = 5:
// >>> i, j = np.arange(60), np.arange(50)
// >>> real = np.stack([np.sin(1.3*i), np.cos(0.7*i), np.sin(0.31*i+1)], 1)
// >>> fake = np.stack([1.2*np.sin(1.3*j+0.5), np.cos(0.7*j+0.2), np.sin(0.29*j)], 1)
// >>> R, F = (real-mu)/sd, (fake-mu)/sd;  rr = np.sort(d(R,R),1)[:,5]; ff = np.sort(d(F,F),1)[:,5]; rf = d(R,F)
// >>> (rf<rr[:,None]).any(0).mean(), (rf<ff[None,:]).any(1).mean(), (rf<rr[:,None]).sum(0).mean()/5, (rf.min(1)<rr).mean()
// 0.98 1.0 0.932 0.9666666666666667
// and with fake = [1.2*sin(1.3j+0.5)+0.6, cos(0.7j+0.2), 0.5*sin(0.29j)]:  0.82 0.95 0.828 0.9333333333333333
describe("precisionRecallDensityCoverage", () => {
  it("matches a direct implementation of Naeem et al.'s definitions", async () => {
    const fake = table(Array.from({ length: 50 }, (_, j) => [1.2 * Math.sin(1.3 * j + 0.5), Math.cos(0.7 * j + 0.2), Math.sin(0.29 * j)]));
    const r = await precisionRecallDensityCoverage({ real, synthetic: fake }, ctx());
    expect(r.details?.precision.value).toBeCloseTo(0.98, 12);
    expect(r.details?.recall.value).toBeCloseTo(1, 12);
    expect(r.details?.density.value).toBeCloseTo(0.932, 12);
    expect(r.details?.coverage.value).toBeCloseTo(0.9666666666666667, 12);
    expect(r.value).toBe(r.details?.coverage.value);

    const shifted = table(Array.from({ length: 50 }, (_, j) => [1.2 * Math.sin(1.3 * j + 0.5) + 0.6, Math.cos(0.7 * j + 0.2), 0.5 * Math.sin(0.29 * j)]));
    const s = await precisionRecallDensityCoverage({ real, synthetic: shifted }, ctx());
    expect([s.details?.precision.value, s.details?.recall.value, s.details?.density.value, s.details?.coverage.value]).toEqual([
      0.82, 0.95, expect.closeTo(0.828, 12), expect.closeTo(0.9333333333333333, 12),
    ]);
  });

  it("drops on a column-shuffled copy and splits into four results", async () => {
    const train = samplePopulation({ patients: 200, seed: "t", idPrefix: "T" });
    const syn = samplePopulation({ patients: 200, seed: "s" });
    const plain = await precisionRecallDensityCoverage({ real: train, synthetic: syn, entity: "patient_id" }, ctx());
    const shuffled = await precisionRecallDensityCoverage({ real: train, synthetic: shuffleColumns(syn, "x"), entity: "patient_id" }, ctx());
    // Rows of one patient sit together, so even a perfect sample stays below the i.i.d. ideal of ≈ 0.97.
    expect(plain.value).toBeGreaterThan(0.8);
    expect(shuffled.value).toBeLessThan((plain.interval?.lower as number) - 0.1);
    expect(shuffled.details?.density.value).toBeLessThan(0.6);
    const parts = prdcBreakdown(plain);
    expect(parts.map((p) => p.metric)).toEqual(["prdc-precision", "prdc-recall", "prdc-density", "prdc-coverage"]);
    expect(parts[3]?.value).toBe(plain.value);
  });
});
