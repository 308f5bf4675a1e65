import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { detection } from "../../../../evaluation/metrics/fidelity/detection.js";
import type { MetricContext, Table } from "../../../../evaluation/types.js";
import { knnClassifier } from "../../fixtures/knn-classifier.js";
import { samplePopulation, shuffleColumns } from "../../fixtures/population.js";

const ctx = (seed = "det"): MetricContext => ({ rng: new Rng(seed), ciLevel: 0.95, resamples: 60 });
const train = samplePopulation({ patients: 300, seed: "train", idPrefix: "T" });
const fresh = samplePopulation({ patients: 300, seed: "fresh", idPrefix: "S" });

describe("detection", () => {
  it("cannot tell a fresh sample of the same population from the real one", async () => {
    const r = await detection({ real: train, synthetic: fresh, entity: "patient_id" }, ctx());
    expect(r.value).toBeGreaterThan(0.4);
    expect(r.value).toBeLessThan(0.58);
    expect(r.interval?.lower).toBeLessThan(0.5 + 0.02);
    expect(r.interpretation.verdict).toBe("good");
    expect(r.details?.foldsGroupedBy).toBe("patient_id");
    expect(r.details?.foldAuc).toHaveLength(3);
    expect(r.value).toBeCloseTo((r.details?.foldAuc.reduce((a, b) => a + b, 0) as number) / 3, 12);
    expect(r.n.entities).toEqual({ real: 300, synthetic: 300 });
  });

  it("exposes a column-shuffled copy through the interaction features", async () => {
    const shuffled = shuffleColumns(fresh, "x");
    const r = await detection({ real: train, synthetic: shuffled, entity: "patient_id" }, ctx());
    expect(r.value).toBeGreaterThan(0.65);
    expect(r.interval?.lower).toBeGreaterThan(0.6);
    expect(r.interpretation.verdict).not.toBe("good");
    expect(r.details?.interactionFeatures).toBeGreaterThan(0);
    // A purely linear detector (SDMetrics' LogisticDetection) only compares feature means and misses it.
    const linear = await detection({ real: train, synthetic: shuffled, entity: "patient_id" }, ctx(), { interactions: 0 });
    expect(linear.value).toBeLessThan(0.58);
  });

  it("with row-level folds a flexible detector recognises patients; grouped folds stop it", async () => {
    // Two disjoint real samples with strong per-patient signatures: the distributions are identical, so any AUC
    // above 0.5 is leakage. The issue reports 0.99 vs 0.48 for gradient boosting on the Creighton table.
    const a = samplePopulation({ patients: 250, seed: "ca", idPrefix: "A", patientEffect: 1.5 });
    const b = samplePopulation({ patients: 250, seed: "cb", idPrefix: "B", patientEffect: 1.5 });
    const options = { classifier: knnClassifier(5), interactions: 0 };
    const rowFolds = await detection({ real: a, synthetic: b, entity: "patient_id" }, ctx(), { ...options, groupFolds: false });
    const grouped = await detection({ real: a, synthetic: b, entity: "patient_id" }, ctx(), options);
    expect(rowFolds.details?.foldsGroupedBy).toBeNull();
    expect(rowFolds.value).toBeGreaterThan(0.65);
    expect(rowFolds.details?.entityAuc).toBeGreaterThan(0.7);
    expect(grouped.value).toBeLessThan(0.56);
    expect(grouped.value).toBeGreaterThan(0.44);
  });

  it("rounds synthetic numbers to the real precision and records it", async () => {
    const noisy: Table = {
      nRows: fresh.nRows,
      columns: fresh.columns.map((c) =>
        c.name === "pocket_depth" ? { name: c.name, kind: "numeric" as const, values: Float64Array.from(c.values as Float64Array, (v) => v + 0.0123) } : c,
      ),
    };
    const r = await detection({ real: train, synthetic: noisy, entity: "patient_id" }, ctx());
    expect(r.details?.rounding).toContainEqual({ column: "pocket_depth", decimals: 1 });
    expect(r.details?.rounding).toContainEqual({ column: "visit_date", unitMs: 86_400_000 });
  });

  it("subsamples whole entities above the row budget, seeded and recorded", async () => {
    const r = await detection({ real: train, synthetic: fresh, entity: "patient_id" }, ctx(), { maxRowsPerTable: 500 });
    expect(r.details?.subsample.real).toMatchObject({ applied: true, entitiesTotal: 300 });
    expect(r.n.real).toBe(r.details?.subsample.real.rowsKept);
    expect(r.warnings[0]).toMatch(/seeded subsample of whole entities/);
  });
});
