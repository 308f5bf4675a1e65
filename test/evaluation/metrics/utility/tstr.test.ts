import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { tstrUtility } from "../../../../evaluation/metrics/utility/tstr.js";
import type { ClassifierFactory } from "../../../../evaluation/stats/classifier.js";
import type { Matrix } from "../../../../evaluation/stats/matrix.js";
import type { MetricContext, Table } from "../../../../evaluation/types.js";
import { samplePopulation, shuffleColumns } from "../../fixtures/population.js";

const ctx = (): MetricContext => ({ rng: new Rng("utility"), ciLevel: 0.95, resamples: 100 });

/** A stand-in model whose holdout probabilities are fixed, to check the scoring against sklearn. */
const fixed = (proba: number[][]): ClassifierFactory => ({
  name: "fixed",
  create: () => ({
    fit() {},
    predictProba: (X: Matrix): Matrix => ({ data: Float64Array.from(proba.flat()), rows: X.rows, cols: (proba[0] as number[]).length }),
  }),
});
const small = (y: string[]): Table => ({
  nRows: y.length,
  columns: [
    { name: "x", kind: "numeric", values: Float64Array.from(y, (_, i) => i) },
    { name: "y", kind: "categorical", values: y },
  ],
});

describe("tstrUtility scoring", () => {
  it("binary: AUC and F1 of the rarer train class match sklearn", async () => {
    // >>> roc_auc_score([0,0,1,1,0,1], [0.1,0.4,0.35,0.8,0.2,0.7]), f1_score([0,0,1,1,0,1], [0,0,0,1,0,1])
    // 0.888888888888889 0.8
    const p1 = [0.1, 0.4, 0.35, 0.8, 0.2, 0.7];
    const r = await tstrUtility(
      { train: small(["a", "a", "a", "b", "b"]), holdout: small(["a", "a", "b", "b", "a", "b"]), synthetic: small(["a", "b"]), target: "y" },
      ctx(),
      { classifier: fixed(p1.map((p) => [1 - p, p])) },
    );
    expect(r.details?.positiveClass).toBe("b");
    expect(r.value).toBeCloseTo(0.888888888888889, 14);
    expect(r.details?.tstr.f1?.value).toBeCloseTo(0.8, 14);
    expect(r.noiseFloor?.value).toBe(r.value);
    expect(r.details?.difference.value).toBe(0);
    expect(r.normalized).toBe(1);
  });

  it("multiclass: macro one-vs-rest AUC and macro F1 match sklearn", async () => {
    // >>> y = [0,1,2,1,0,2]; P = [[.6,.3,.1],[.2,.5,.3],[.1,.3,.6],[.3,.3,.4],[.5,.4,.1],[.2,.2,.6]]
    // >>> roc_auc_score(y, P, multi_class="ovr", average="macro"), f1_score(y, P.argmax(1), average="macro")
    // 0.9166666666666666 0.8222222222222223
    const P = [[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.3, 0.3, 0.4], [0.5, 0.4, 0.1], [0.2, 0.2, 0.6]];
    // Train frequencies make the class order c0, c1, c2.
    const train = small(["c0", "c0", "c0", "c1", "c1", "c2"]);
    const r = await tstrUtility({ train, holdout: small(["c0", "c1", "c2", "c1", "c0", "c2"]), synthetic: train, target: "y" }, ctx(), { classifier: fixed(P) });
    expect(r.details?.classes).toEqual(["c0", "c1", "c2"]);
    expect(r.value).toBeCloseTo(0.9166666666666666, 14);
    expect(r.details?.tstr.f1?.value).toBeCloseTo(0.8222222222222223, 14);
  });

  it("leaves out rows without a target or with a class train lacks, and says so", async () => {
    const r = await tstrUtility(
      { train: small(["a", "a", "b", "b"]), holdout: small(["a", "b", "a", "b"]), synthetic: { ...small(["a", "b", "z", "a"]), columns: [...small(["a", "b", "z", "a"]).columns.slice(0, 1), { name: "y", kind: "categorical", values: ["a", "b", "z", null] }] }, target: "y" },
      ctx(),
      { classifier: fixed([[0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]) },
    );
    expect(r.warnings).toEqual([
      "synthetic: 1 rows without a target value left out",
      "synthetic: 1 rows with a target class absent from train left out",
      "the model trained on real data has no skill on the holdout (AUC 0.500); utility cannot be judged",
    ]);
    expect(r.interpretation.verdict).toBe("not-applicable");
    expect(r.n.synthetic).toBe(2);
  });
});

describe("tstrUtility on seeded populations", () => {
  const train = samplePopulation({ patients: 300, seed: "train", idPrefix: "T" });
  const holdout = samplePopulation({ patients: 300, seed: "holdout", idPrefix: "H" });
  const fresh = samplePopulation({ patients: 300, seed: "fresh", idPrefix: "S" });
  const shuffled = shuffleColumns(fresh, "x");

  it("classification: a fresh sample keeps the real-data skill, a shuffled one loses it", async () => {
    const good = await tstrUtility({ train, holdout, synthetic: fresh, target: "decayed", entity: "patient_id" }, ctx());
    expect(good.details?.task).toBe("classification");
    expect(good.noiseFloor?.value).toBeGreaterThan(0.7); // the real model has skill
    expect(good.value).toBeGreaterThan((good.noiseFloor?.value as number) - 0.03);
    expect(good.interpretation.verdict).toBe("good");
    expect(good.details?.difference.interval.lower).toBeLessThan(0);
    expect(good.n.entities).toEqual({ real: 300, synthetic: 300, holdout: 300 });
    const bad = await tstrUtility({ train, holdout, synthetic: shuffled, target: "decayed", entity: "patient_id" }, ctx());
    expect(bad.value).toBeLessThan(0.6);
    expect(bad.interpretation.verdict).toBe("poor");
    expect(bad.details?.difference.interval.upper).toBeLessThan(0);
  });

  it("regression: R² on a numeric target", async () => {
    const good = await tstrUtility({ train, holdout, synthetic: fresh, target: "bleeding", entity: "patient_id" }, ctx());
    expect(good.details?.task).toBe("regression");
    expect(good.details?.primaryName).toBe("r2");
    expect(good.noiseFloor?.value).toBeGreaterThan(0.7);
    expect(good.normalized).toBeGreaterThan(0.95);
    const bad = await tstrUtility({ train, holdout, synthetic: shuffled, target: "bleeding", entity: "patient_id" }, ctx());
    expect(bad.value).toBeLessThan(0.1);
    expect(bad.normalized).toBeLessThan(0.15);
  });

  it("multiclass target with entity-grouped intervals", async () => {
    const r = await tstrUtility({ train, holdout, synthetic: fresh, target: "restoration", entity: "patient_id" }, ctx());
    expect(r.details?.classes).toHaveLength(3);
    expect(r.interval?.lower).toBeLessThan(r.value);
    expect(r.interval?.upper).toBeGreaterThan(r.value);
  });
});
