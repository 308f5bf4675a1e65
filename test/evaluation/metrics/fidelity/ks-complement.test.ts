import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { ksComplement } from "../../../../evaluation/metrics/fidelity/ks-complement.js";
import type { MetricContext, Table } from "../../../../evaluation/types.js";
import { samplePopulation, shuffleColumns } from "../../fixtures/population.js";

const ctx = (): MetricContext => ({ rng: new Rng("ks"), ciLevel: 0.95, resamples: 100 });
const a = [0.1, -0.1, 0.6, 0.1, -0.5, 0.4, 1.3, 0.9, -0.7, -1.3, -0.6, 0.0, -2.3, -0.2, -1.2, -0.7, -0.5, -0.3, 0.4, 1.0];
const b = [0.2, 1.7, -0.4, 0.7, 1.2, 0.4, -0.4, -0.6, -0.2, 0.5, -0.7, 0.1, 0.1, 0.8, 0.5, 0.7, -0.4, 0.2, 1.1, 1.8, -1.0, 1.8, 1.6, 1.1, 0.6, -0.0, 1.8, 2.3, 2.1, 1.6];
const table = (values: number[]): Table => ({ nRows: values.length, columns: [{ name: "x", kind: "numeric", values: Float64Array.from(values) }] });

describe("ksComplement", () => {
  it("is 1 − scipy's ks_2samp statistic per column, missing values left out and reported", () => {
    // >>> 1 - ks_2samp(a, b).statistic   (a, b: the n1=20, n2=30 fixture of the ks-two-sample test)
    // 0.6333333333333333; p-value 0.06610471842752416
    const r = ksComplement({ real: table([...a, Number.NaN]), synthetic: table(b) }, ctx());
    expect(r.value).toBeCloseTo(0.6333333333333333, 14);
    expect(r.normalized).toBe(r.value);
    expect(r.details?.columns[0]).toMatchObject({ column: "x", nReal: 20, nSynthetic: 30, pMethod: "exact" });
    expect(r.details?.columns[0]?.pValue).toBeCloseTo(0.06610471842752416, 12);
    expect(r.details?.columns[0]?.missingReal).toBe(1 / 21);
    expect(r.interpretation.verdict).toBe("poor");
    expect(r.interval?.lower).toBeLessThanOrEqual(r.value);
    expect(r.interval?.upper).toBeGreaterThanOrEqual(r.value);
  });

  it("is blind to broken dependence: a column-shuffled copy scores exactly as the original", () => {
    const train = samplePopulation({ patients: 150, seed: "t", idPrefix: "T" });
    const syn = samplePopulation({ patients: 150, seed: "s", idPrefix: "S" });
    const plain = ksComplement({ real: train, synthetic: syn, entity: "patient_id" }, ctx());
    const shuffled = ksComplement({ real: train, synthetic: shuffleColumns(syn, "x"), entity: "patient_id" }, ctx());
    expect(shuffled.value).toBe(plain.value);
    expect(plain.details?.columns.map((c) => c.column)).toEqual(["age", "visit_date", "plaque_index", "pocket_depth", "bleeding"]);
    expect(plain.n).toEqual({ real: train.nRows, synthetic: syn.nRows, entities: { real: 150, synthetic: 150 } });
  });

  it("is reproducible from the seed", () => {
    const train = samplePopulation({ patients: 60, seed: "t" });
    const syn = samplePopulation({ patients: 60, seed: "s" });
    const one = ksComplement({ real: train, synthetic: syn, entity: "patient_id" }, ctx());
    const two = ksComplement({ real: train, synthetic: syn, entity: "patient_id" }, ctx());
    expect(two.interval).toEqual(one.interval);
  });
});
