import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import type { Column, Table } from "../../../evaluation/types.js";
import { RecordsModel, budgetForComponent, combineLedgers } from "../../../models/linked/records-model.js";
import { loadRecordsModel, saveRecordsModel } from "../../../models/linked/records-model-store.js";
import { NO_PRIVACY } from "../../../models/privacy-ledger.js";
import { createModel } from "../../../models/registry.js";
import { serialise } from "../model-contract.js";
import { clusteredTable } from "./clustered-fixture.js";

const col = (t: Table, name: string): Column => t.columns.find((c) => c.name === name) as Column;

// A Bayesian network learns molar | tooth as a table (near-deterministic); a Gaussian copula only through one
// latent correlation with the tooth's frequency-ordered interval, so it keeps most but not all of the rule.
describe.each([
  ["copula", 0.85],
  ["bayesnet", 0.95],
] as const)("RecordsModel (linked, %s)", (kind, molarAgreement) => {
  const table = clusteredTable(300);
  const fit = () => new RecordsModel(kind).fit(table, () => createModel(kind, {}), { rng: new Rng("fit"), entity: "id" });

  it("samples whole patients: one value of each patient-level column per patient, each tooth once", async () => {
    const model = await fit();
    const sample = await model.sample(60, new Rng("s"), 100);
    expect(sample.columns.map((c) => c.name)).toEqual(table.columns.map((c) => c.name));
    const ids = col(sample, "id").values as string[];
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: 60 }, (_, i) => String(101 + i))));
    const byPatient = new Map<string, number[]>();
    ids.forEach((id, r) => byPatient.set(id, [...(byPatient.get(id) ?? []), r]));
    const age = col(sample, "age").values as Float64Array;
    const sex = col(sample, "sex").values as string[];
    const tooth = col(sample, "tooth").values as Float64Array;
    for (const rows of byPatient.values()) {
      expect(new Set(rows.map((r) => age[r])).size).toBe(1);
      expect(new Set(rows.map((r) => sex[r])).size).toBe(1);
      const teeth = rows.map((r) => tooth[r]);
      expect(new Set(teeth).size).toBe(teeth.length);
      for (const t of teeth) expect(Number.isInteger(t) && (t as number) >= 1 && (t as number) <= 8).toBe(true);
    }
  });

  it("keeps the tooth-dependent row columns: molars (6-8) are flagged and deeper", async () => {
    const sample = await (await fit()).sample(200, new Rng("s"));
    const tooth = col(sample, "tooth").values as Float64Array;
    const molar = col(sample, "molar").values as string[];
    const pocket = col(sample, "pocket").values as Float64Array;
    let agree = 0;
    let molarDepth = 0;
    let nMolar = 0;
    let otherDepth = 0;
    for (let r = 0; r < sample.nRows; r++) {
      const isMolar = (tooth[r] as number) >= 6;
      if ((molar[r] === "True") === isMolar) agree++;
      if (isMolar) {
        molarDepth += pocket[r] as number;
        nMolar++;
      } else otherDepth += pocket[r] as number;
    }
    expect(agree / sample.nRows).toBeGreaterThan(molarAgreement);
    // Truth: +0.8 mm on molars.
    expect(molarDepth / nMolar - otherDepth / (sample.nRows - nMolar)).toBeGreaterThan(0.4);
  });

  it("saves and loads to the same samples", async () => {
    const model = await fit();
    const dir = mkdtempSync(join(tmpdir(), "dentsynth-records-model-"));
    try {
      saveRecordsModel(model, dir, { hyperparameters: {}, backend: null, trainingData: { source: "fixture", sha256: null, rows: table.nRows, patients: 300 }, fitSeconds: 0 });
      const { model: loaded, file } = loadRecordsModel(dir, createModel);
      expect(file.linked?.key).toBe("tooth");
      expect(serialise(await loaded.sample(30, new Rng("x")))).toBe(serialise(await model.sample(30, new Rng("x"))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("RecordsModel (flat)", () => {
  it("models independent rows with one model and drops id columns", async () => {
    const table = clusteredTable(40);
    const model = await new RecordsModel("copula").fit(table, () => createModel("copula", {}), { rng: new Rng("fit"), entity: null });
    expect(model.linked).toBeNull();
    const sample = await model.sample(25, new Rng("s"));
    expect(sample.nRows).toBe(25);
    expect(sample.columns.map((c) => c.name)).not.toContain("id");
  });
});

describe("combineLedgers and budgetForComponent", () => {
  const dp = (epsilon: number, delta: number) => ({ ...NO_PRIVACY, mechanism: "privbayes" as const, epsilon, delta, accountant: "basic", notes: [] });

  it("converts the rows model to the patient by group privacy and adds the patients model", () => {
    // Rows model at (0.05, 1e-8) per row, 10 rows per patient: (0.5, 10 * e^{9 * 0.05} * 1e-8) per patient.
    const combined = combineLedgers(dp(0.5, 0), dp(0.05, 1e-8), 10);
    expect(combined.unit).toBe("patient");
    expect(combined.epsilon).toBeCloseTo(1, 12);
    expect(combined.delta).toBeCloseTo(10 * Math.exp(0.45) * 1e-8, 20);
    expect(combineLedgers(dp(0.5, 0), NO_PRIVACY, 10).epsilon).toBeNull();
  });

  it("splits a patient-level budget so the combined ledger spends exactly it", () => {
    const m = 28;
    const patients = budgetForComponent(1, 1e-5, { role: "patients", maxRowsPerUnit: 1 });
    const rows = budgetForComponent(1, 1e-5, { role: "rows", maxRowsPerUnit: m });
    const combined = combineLedgers(dp(patients.epsilon, patients.delta as number), dp(rows.epsilon, rows.delta as number), m);
    expect(combined.epsilon).toBeCloseTo(1, 12);
    expect(combined.delta).toBeCloseTo(1e-5, 15);
  });
});
