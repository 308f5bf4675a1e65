import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.js";
import { initTf } from "../../core/tf-backend.js";
import { buildTable } from "../../evaluation/data/build-table.js";
import { inferSchema } from "../../evaluation/data/infer-schema.js";
import type { RawTable } from "../../evaluation/data/raw-table.js";
import { generatedCreightonTable, takeRawRows } from "../../evaluation/reports/default-inputs.js";
import { evaluateRecords } from "../../evaluation/reports/evaluate-records.js";
import type { EvaluationReport } from "../../evaluation/reports/report.js";
import { RecordsModel, componentHyperparameters } from "../../models/linked/records-model.js";
import { createModel } from "../../models/registry.js";

/**
 * Known answers for learned generators, judged by the evaluation suite on small data (60 training patients, one
 * Creighton-shaped row each, 55 columns; holdout: 60 other patients of the same population).
 *
 * The bound: an (ε, δ)-DP training algorithm limits every membership test to TPR ≤ e^ε·FPR + δ at every FPR
 * (Kairouz, Oh & Viswanath 2015, "The composition theorem for differential privacy", hypothesis-testing view;
 * Wasserman & Zhou 2010), and so ROC AUC ≤ e^ε / (1 + e^ε) for pure ε-DP (integrating that trade-off curve;
 * 0.731 at ε = 1). An overfit model has no such limit: its attacks exceed it.
 */
const N = 60;

function fixture() {
  const all = generatedCreightonTable(2 * N, "learned-privacy");
  const ids = all.columns.find((c) => c.name === "id")?.values as string[];
  const first = new Map<string, number>();
  ids.forEach((id, r) => {
    if (!first.has(id)) first.set(id, r);
  });
  const rowsOf = (lo: number, hi: number) => [...first.entries()].filter(([id]) => Number(id.slice(1)) >= lo && Number(id.slice(1)) < hi).map(([, r]) => r);
  const withoutId = (raw: RawTable): RawTable => ({ ...raw, columns: raw.columns.filter((c) => c.name !== "id") });
  const train = withoutId(takeRawRows(all, rowsOf(0, N), "train"));
  const holdout = withoutId(takeRawRows(all, rowsOf(N, 2 * N), "holdout"));
  const schema = { ...inferSchema(train), entity: null };
  return { train: buildTable(train, schema), holdout: buildTable(holdout, schema) };
}

async function fitAndEvaluate(kind: string, hyperparameters: Record<string, unknown>): Promise<{ report: EvaluationReport; epsilon: number | null }> {
  await initTf();
  const { train, holdout } = fixture();
  const model = await new RecordsModel(kind).fit(train.table, (job) => createModel(kind, componentHyperparameters(hyperparameters, job)), { rng: new Rng("fit"), entity: null });
  const synthetic = await model.sample(N, new Rng("sample"));
  const report = await evaluateRecords(
    { train, holdout, synthetic: { table: synthetic, report: train.report } },
    { seed: "known", mlp: false, sources: { train: "train", holdout: "holdout", synthetic: kind }, command: "test", resamples: 50, entity: null },
  );
  return { report, epsilon: model.privacy.epsilon };
}

const find = (r: EvaluationReport, key: string) => r.sections.flatMap((s) => s.results).find((x) => x.key === key);
const tprAt = (r: EvaluationReport, fpr: number) => ((find(r, "mia")?.details as { maxTprAtFpr?: { fpr: number; tpr: number }[] }).maxTprAtFpr ?? []).find((t) => t.fpr === fpr)?.tpr as number;

describe("learned generators against the evaluation's attacks", () => {
  it("a deliberately overfit TVAE (60 rows, 2,500 epochs) is flagged as risky", async () => {
    const { report } = await fitAndEvaluate("tvae", { epochs: 2500, learningRate: 0.005 });
    expect(report.verdicts.privacyReviewer.verdict).toBe("poor");
    // Synthetic rows sit closer to training rows than to unseen real rows of the same population.
    expect(find(report, "dcr")?.interval?.lower).toBeGreaterThan(0.5);
    // Membership inference above chance (measured: DCR share 0.73 [0.65, 0.85], MIA AUC 0.65 [0.50, 0.80]).
    expect(find(report, "mia")?.value).toBeGreaterThan(0.6);
  });

  it.each([
    ["bayesnet", { epsilon: 1 }],
    ["tvae", { epsilon: 1, epochs: 300, learningRate: 0.005 }],
  ] as const)("a %s fitted with epsilon = 1 stays within the attack bound epsilon implies", async (kind, hyperparameters) => {
    const { report, epsilon } = await fitAndEvaluate(kind, hyperparameters);
    expect(epsilon).toBeLessThanOrEqual(1 + 1e-9);
    const bound = Math.exp(1) / (1 + Math.exp(1));
    expect(find(report, "mia")?.value).toBeLessThan(bound);
    expect(tprAt(report, 0.1)).toBeLessThanOrEqual(Math.E * 0.1 + 1e-5);
    expect(find(report, "exact_copies")?.value).toBe(0);
  });
});
