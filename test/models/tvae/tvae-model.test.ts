import { describe, expect, it } from "vitest";
import { UsageError } from "../../../core/errors.js";
import { Rng } from "../../../core/rng.js";
import type { Table } from "../../../evaluation/types.js";
import { createTvae, tvaeHyperparametersSchema } from "../../../models/tvae/index.js";
import { labels, numeric } from "../fixtures.js";
import { modelContract } from "../model-contract.js";

/** Small network and enough steps for 400 rows: the contract fits six models, so each fit must take seconds. */
const small = { epochs: 60, batchSize: 64, compressDims: [64, 64], decompressDims: [64, 64], embeddingDim: 32 };

modelContract("tvae", () => createTvae(small));

describe("TvaeModel", () => {
  it("samples both modes of a bimodal column in about the right proportions", async () => {
    const rng = new Rng("bimodal");
    const n = 600;
    const x = Float64Array.from({ length: n }, () => (rng.bernoulli(0.35) ? rng.normal(20, 1) : rng.normal(0, 1.5)));
    const group = Array.from(x, (v) => (v > 10 ? "high" : "low"));
    const table: Table = { columns: [{ name: "x", kind: "numeric", values: x }, { name: "group", kind: "categorical", values: group }], nRows: n };
    const model = await createTvae({ ...small, epochs: 40 }).fit(table, { rng: new Rng("fit") });
    const sample = numeric(await model.sample(1000, new Rng("s")), "x");
    const high = [...sample].filter((v) => v > 10);
    const low = [...sample].filter((v) => v <= 10);
    const realShare = group.filter((g) => g === "high").length / n;
    expect(Math.abs(high.length / sample.length - realShare)).toBeLessThan(0.1);
    expect(Math.abs(high.reduce((s, v) => s + v, 0) / high.length - 20)).toBeLessThan(1);
    expect(Math.abs(low.reduce((s, v) => s + v, 0) / low.length)).toBeLessThan(1);
    // Few samples in the empty gap between the modes.
    expect([...sample].filter((v) => v > 6 && v < 14).length / sample.length).toBeLessThan(0.05);
  });

  it("approximates a categorical marginal within 5 points", async () => {
    const rng = new Rng("marginal");
    const n = 800;
    const cats = ["a", "b", "c", "d"];
    const probs = [0.5, 0.25, 0.15, 0.1];
    const tooth = Array.from({ length: n }, () => rng.pick(cats, probs));
    const depth = Float64Array.from({ length: n }, () => Math.round(rng.gamma(3, 1) * 10) / 10);
    const table: Table = { columns: [{ name: "tooth", kind: "categorical", values: tooth }, { name: "depth", kind: "numeric", values: depth }], nRows: n };
    const model = await createTvae({ ...small, epochs: 40 }).fit(table, { rng: new Rng("fit") });
    const sample = labels(await model.sample(2000, new Rng("s")), "tooth");
    cats.forEach((c, k) => {
      const share = sample.filter((v) => v === c).length / sample.length;
      expect(Math.abs(share - (probs[k] as number))).toBeLessThan(0.05);
    });
  });

  it("fit time grows with epochs, and progress is reported per epoch", async () => {
    const table: Table = { columns: [{ name: "v", kind: "numeric", values: Float64Array.from({ length: 100 }, (_, i) => i % 7) }], nRows: 100 };
    const messages: string[] = [];
    await createTvae({ ...small, epochs: 3 }).fit(table, { rng: new Rng("f"), onProgress: (f, m) => messages.push(`${f.toFixed(2)} ${m.split(",")[0]}`) });
    expect(messages).toEqual(["0.33 epoch 1/3", "0.67 epoch 2/3", "1.00 epoch 3/3"]);
  });
});

describe("tvaeHyperparametersSchema", () => {
  it("fills the paper's defaults (but 30 epochs, for CPU fits in minutes)", () => {
    const h = tvaeHyperparametersSchema.parse({});
    expect(h).toMatchObject({ epochs: 30, batchSize: 500, embeddingDim: 128, compressDims: [128, 128], decompressDims: [128, 128], learningRate: 1e-3, lossFactor: 2, maxGradNorm: 1, batching: "poisson" });
    expect(h.epsilon).toBeUndefined();
    // Parsed output is valid input again (restoreModel re-parses saved hyperparameters).
    expect(tvaeHyperparametersSchema.parse(h)).toEqual(h);
  });

  it("reports every bad field with its path, and unknown keys", () => {
    try {
      createTvae({ epochs: 0, batching: "random", epsilon: -1, colour: "red" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      const paths = (error as UsageError).problems.map((p) => p.path).sort();
      expect(paths).toEqual(["", "batching", "epochs", "epsilon"]);
    }
  });
});
