import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.js";
import { mlpClassifier, mlpRegressor } from "../../models/mlp.js";
import { rocAuc } from "../../evaluation/stats/roc.js";

/** Two concentric classes: linearly inseparable, so logistic regression sits near AUC 0.5 and an MLP must not. */
function rings(n: number, rng: Rng) {
  const data = new Float64Array(n * 2);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cls = i % 2;
    const radius = cls === 0 ? rng.uniform(0, 1) : rng.uniform(1.5, 2.5);
    const angle = rng.uniform(0, 2 * Math.PI);
    data[2 * i] = radius * Math.cos(angle);
    data[2 * i + 1] = radius * Math.sin(angle);
    codes[i] = cls;
  }
  return { X: { data, rows: n, cols: 2 }, y: { codes, nClasses: 2 } };
}

describe("mlpClassifier", () => {
  it("learns a non-linear boundary (rings) and gives probabilities that sum to 1", async () => {
    const train = rings(800, new Rng("rings-train"));
    const test = rings(400, new Rng("rings-test"));
    const model = mlpClassifier({ epochs: 40, batchSize: 64, learningRate: 0.01 }).create();
    await model.fit(train.X, train.y, new Rng("fit"));
    const proba = await model.predictProba(test.X);
    expect(proba.cols).toBe(2);
    for (let i = 0; i < proba.rows; i++) expect((proba.data[2 * i] as number) + (proba.data[2 * i + 1] as number)).toBeCloseTo(1, 5);
    const scores = Array.from({ length: proba.rows }, (_, i) => proba.data[2 * i + 1] as number);
    expect(rocAuc(scores, test.y.codes)).toBeGreaterThan(0.95);
  });

  it("is deterministic for the same Rng", async () => {
    const train = rings(300, new Rng("det"));
    const fitOnce = async () => {
      const m = mlpClassifier({ epochs: 3 }).create();
      await m.fit(train.X, train.y, new Rng("same"));
      return Array.from((await m.predictProba(train.X)).data);
    };
    expect(await fitOnce()).toEqual(await fitOnce());
  });
});

describe("mlpRegressor", () => {
  it("fits y = x1^2 + x2 well above a linear model's reach", async () => {
    const rng = new Rng("reg");
    const n = 1000;
    const data = new Float64Array(n * 2);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const a = rng.uniform(-2, 2);
      const b = rng.uniform(-2, 2);
      data[2 * i] = a;
      data[2 * i + 1] = b;
      y[i] = a * a + b + 100; // offset checks the target standardisation
    }
    const model = mlpRegressor({ epochs: 60, batchSize: 64, learningRate: 0.01 }).create();
    await model.fit({ data, rows: n, cols: 2 }, y, new Rng("fit"));
    const pred = await model.predict({ data, rows: n, cols: 2 });
    let ssRes = 0;
    let ssTot = 0;
    const mean = y.reduce((s, v) => s + v, 0) / n;
    for (let i = 0; i < n; i++) {
      ssRes += ((y[i] as number) - (pred[i] as number)) ** 2;
      ssTot += ((y[i] as number) - mean) ** 2;
    }
    expect(1 - ssRes / ssTot).toBeGreaterThan(0.9);
  });
});
