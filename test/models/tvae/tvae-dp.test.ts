import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../../core/errors.js";
import { Rng } from "../../../core/rng.js";
import { dpSgdEpsilon } from "../../../models/dp/rdp-accountant.js";
import { readModelFile, restoreModel, saveModel } from "../../../models/model-store.js";
import { createTvae, defaultDelta } from "../../../models/tvae/index.js";
import { mixedTable } from "../fixtures.js";
import { serialise } from "../model-contract.js";

const table = mixedTable(400);
const dp = { epochs: 4, batchSize: 100, compressDims: [32, 32], decompressDims: [32, 32], embeddingDim: 16, learningRate: 2e-3 };

describe("TVAE with DP-SGD", () => {
  it("epsilon 1, delta 1e-5: the ledger records an epsilon in (0.5, 1], the noise multiplier and the caveats", async () => {
    const model = await createTvae({ ...dp, epsilon: 1, delta: 1e-5 }).fit(table, { rng: new Rng("fit") });
    const ledger = model.privacy;
    expect(ledger.mechanism).toBe("dp-sgd");
    expect(ledger.epsilon).toBeLessThanOrEqual(1);
    expect(ledger.epsilon).toBeGreaterThan(0.5);
    expect(ledger.delta).toBe(1e-5);
    expect(ledger.unit).toBe("row");
    expect(ledger.accountant).toBe("RDP (Mironov et al. 2019), orders 1.1–63 and 80–4096");

    const training = model.dpTraining;
    expect(training).not.toBeNull();
    const { noiseMultiplier, sampleRate, steps } = training!;
    expect(noiseMultiplier).toBeGreaterThan(0);
    expect(steps).toBe(4 * 4); // 400 rows / 100 per batch, 4 epochs
    expect(sampleRate).toBeCloseTo(0.25, 12);
    // The recorded spend is what the accountant gives for the recorded settings.
    expect(ledger.epsilon).toBeCloseTo(dpSgdEpsilon({ sampleRate, noiseMultiplier, steps, delta: 1e-5 }).epsilon, 12);
    expect(ledger.spends[0]?.mechanism).toContain(`noise multiplier ${Number(noiseMultiplier.toPrecision(4))}`);
    expect(ledger.notes.join(" ")).toMatch(/Poisson/);
    expect(ledger.notes.join(" ")).toMatch(/min and max, category lists/);

    const sample = await model.sample(200, new Rng("s"));
    expect(sample.nRows).toBe(200);
    expect(sample.columns.map((c) => c.name)).toEqual(table.columns.map((c) => c.name));
  });

  it("is deterministic, and the ledger survives save and load", async () => {
    const fit = () => createTvae({ ...dp, epsilon: 2 }).fit(table, { rng: new Rng("fit") });
    const a = await fit();
    const b = await fit();
    expect(serialise(await a.sample(100, new Rng("s")))).toBe(serialise(await b.sample(100, new Rng("s"))));
    const dir = mkdtempSync(join(tmpdir(), "dentsynth-tvae-dp-"));
    try {
      saveModel(a, dir);
      const restored = restoreModel(dir, readModelFile(dir), (h) => createTvae(h));
      expect(restored.privacy).toEqual(a.privacy);
      expect(serialise(await restored.sample(50, new Rng("t")))).toBe(serialise(await a.sample(50, new Rng("t"))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("defaults delta to min(1e-5, 1/(10 rows)) and says when batches are not Poisson", async () => {
    const model = await createTvae({ ...dp, epochs: 1, epsilon: 3, batching: "fixed" }).fit(table, { rng: new Rng("fit") });
    expect(model.privacy.delta).toBe(1e-5);
    expect(model.privacy.notes.join(" ")).toMatch(/approximation/);
    expect(defaultDelta(400)).toBe(1e-5);
    expect(defaultDelta(50_000)).toBe(1 / 500_000);
  });

  it("refuses a noise multiplier that would overspend the budget, before training", async () => {
    await expect(createTvae({ ...dp, epsilon: 0.5, noiseMultiplier: 0.3 }).fit(table, { rng: new Rng("fit") })).rejects.toThrow(UsageError);
  });

  it("without DP the ledger says so", async () => {
    const model = await createTvae({ ...dp, epochs: 1 }).fit(table, { rng: new Rng("fit") });
    expect(model.privacy.mechanism).toBe("none");
    expect(model.dpTraining).toBeNull();
  });
});
