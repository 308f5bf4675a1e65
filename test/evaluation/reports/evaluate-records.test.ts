import { describe, expect, it } from "vitest";
import { evaluateRecords } from "../../../evaluation/reports/evaluate-records.js";
import { renderHtml } from "../../../evaluation/reports/render-html.js";
import { renderJson } from "../../../evaluation/reports/render-json.js";
import { renderMarkdown } from "../../../evaluation/reports/render-markdown.js";
import type { EvaluationReport } from "../../../evaluation/reports/report.js";
import { reportFixture } from "./fixture.js";

const fx = reportFixture(120);
const sources = { train: "train.csv", holdout: "holdout.csv", synthetic: "synthetic.csv" };
const run = (synthetic: ReturnType<typeof fx.load>) =>
  evaluateRecords({ train: fx.load(fx.train), holdout: fx.load(fx.holdout), synthetic }, { seed: "t", mlp: false, sources, command: "test", resamples: 100 });
const result = (r: EvaluationReport, section: string, key: string) => r.sections.find((s) => s.id === section)?.results.find((x) => x.key === key);

describe("evaluateRecords known answers", () => {
  it("flags a copy of the training data as maximally risky", async () => {
    const report = await run(fx.load(fx.train));
    expect(result(report, "privacy", "exact_copies")?.value).toBe(1);
    expect(result(report, "privacy", "mia")?.value).toBeGreaterThan(0.95);
    expect(report.verdicts.privacyReviewer.verdict).toBe("poor");
    expect(result(report, "privacy", "dcr")?.value).toBeGreaterThan(0.95);
  });

  it("does not flag an independent sample of the same population", async () => {
    const report = await run(fx.load(fx.independent));
    const mia = result(report, "privacy", "mia");
    expect(result(report, "privacy", "exact_copies")?.value).toBeLessThan(0.02);
    // The headline is a maximum over attacks, so it sits a little above 0.5 by selection; its interval covers 0.5.
    expect(mia?.interval?.lower).toBeLessThan(0.5);
    expect(mia?.value).toBeLessThan(0.65);
    // Fidelity at the noise floor: an independent sample is itself a second real sample.
    const ks = result(report, "fidelity", "ks");
    expect(Math.abs((ks?.value ?? 0) - (ks?.noiseFloor?.value ?? 1))).toBeLessThan(0.05);
    const det = result(report, "fidelity", "detection");
    expect(det?.interval?.lower).toBeLessThan(0.6);
  });

  it("renders every section to JSON, Markdown and HTML with intervals, noise floors and sample sizes", async () => {
    const report = await run(fx.load(fx.independent));
    const json = JSON.parse(renderJson(report)) as EvaluationReport;
    expect(json.reportVersion).toBe("1.0");
    expect(json.sections.map((s) => s.id)).toEqual(["fidelity", "privacy", "utility", "diagnostics"]);
    for (const s of json.sections) for (const r of s.results) expect(r.n.real).toBeGreaterThan(0);
    expect(json.info.steps.length).toBeGreaterThan(5);
    const md = renderMarkdown(report);
    for (const heading of ["## Verdicts", "## Threat model", "For the privacy reviewer", "For the ML team", "noise floor"]) expect(md).toContain(heading);
    const html = renderHtml(report);
    expect(html).toContain('src="plotly.min.js"');
    expect(html).toContain('data-figure="mia-roc"');
  });
});

describe("shadow-model attack with a named generator", () => {
  it("runs as a third attack and, against a generator that never reads its training rows, finds nothing", async () => {
    const { shadowGeneratorFromSpec } = await import("../../../evaluation/reports/shadow-generator.js");
    const generate = shadowGeneratorFromSpec("preset:clinic", fx.schema, "id");
    const report = await evaluateRecords(
      { train: fx.load(fx.train), holdout: fx.load(fx.holdout), synthetic: fx.load(fx.independent) },
      { seed: "t", mlp: false, sources, command: "test", resamples: 100, generate },
    );
    const shadow = result(report, "privacy", "mia_shadow");
    expect(shadow).toBeDefined();
    expect(shadow?.interval?.lower).toBeLessThan(0.5);
    expect(shadow?.interval?.upper).toBeGreaterThan(0.5);
    expect(() => shadowGeneratorFromSpec("preset:mars", fx.schema, "id")).toThrow(/unknown shadow generator "preset:mars"/);
  });
});

describe("shadow-model attack against a saved learned model (model:DIR)", () => {
  it("refits the model's kind and settings on each shadow set and reports the attack", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { Rng } = await import("../../../core/rng.js");
    const { RecordsModel } = await import("../../../models/linked/records-model.js");
    const { saveRecordsModel } = await import("../../../models/linked/records-model-store.js");
    const { createModel } = await import("../../../models/registry.js");
    const { shadowGeneratorFromSpec } = await import("../../../evaluation/reports/shadow-generator.js");
    const train = fx.load(fx.train);
    const dir = mkdtempSync(join(tmpdir(), "dentsynth-shadow-model-"));
    try {
      const model = await new RecordsModel("copula").fit(train.table, () => createModel("copula", {}), { rng: new Rng("fit"), entity: "id" });
      saveRecordsModel(model, dir, { hyperparameters: {}, backend: null, trainingData: { source: "train", sha256: null, rows: train.table.nRows, patients: 120 }, fitSeconds: 0 });
      const synthetic = await model.sample(120, new Rng("sample"));
      const generate = shadowGeneratorFromSpec(`model:${dir}`, fx.schema, "id");
      const report = await evaluateRecords(
        { train, holdout: fx.load(fx.holdout), synthetic: { table: synthetic, report: train.report } },
        { seed: "t", mlp: false, sources, command: "test", resamples: 100, generate },
      );
      const shadow = result(report, "privacy", "mia_shadow");
      expect(shadow).toBeDefined();
      expect(shadow?.value).toBeGreaterThan(0);
      expect(shadow?.value).toBeLessThan(1);
      expect(() => shadowGeneratorFromSpec(`model:${dir}`, fx.schema, "patient")).toThrow(/linked by id/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
