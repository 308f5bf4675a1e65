import { beforeAll, describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { initTf, tf } from "../../../core/tf-backend.js";
import {
  clippedGradientSum,
  dpSgdGradients,
  perExampleGradientsByLoop,
  poissonBatch,
  shuffledBatches,
  type DenseParams,
  type ParamOps,
  type PerExampleModel,
  type RowParams,
} from "../../../models/dp/dp-sgd.js";

beforeAll(async () => {
  await initTf();
});

interface XY {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
}

/** Least squares y ≈ x·w + b, loss_i = ½ r_i² with r_i = x_i·w + b − y_i: g_i = r_i·(x_i, 1), ‖g_i‖ = |r_i|·√(‖x_i‖² + 1). */
function linearModel(w: number[], b: number): PerExampleModel<XY> & { layer: DenseParams } {
  const layer: DenseParams = { kind: "dense", weight: tf.variable(tf.tensor2d(w, [w.length, 1])), bias: tf.variable(tf.tensor1d([b])) };
  return {
    layer,
    params: [layer],
    lossPerExample: (ops: ParamOps, batch: XY) => tf.mul(tf.square(tf.sub(ops.dense(batch.x, layer), batch.y)), 0.5).reshape([-1]) as tf.Tensor1D,
  };
}

const X = [
  [1, 2, 0],
  [0, -1, 3],
  [0.5, 0.5, 0.5],
  [-2, 0, 1],
];
const Y = [10, -4, 0.3, 1];
const W = [0.5, -1, 2];
const B = 0.25;

function residuals(): number[] {
  return X.map((row, i) => row.reduce((s, v, j) => s + v * (W[j] as number), B) - (Y[i] as number));
}

function batchOf(rows: number[][], ys: number[]): XY {
  return { x: tf.tensor2d(rows), y: tf.tensor2d(ys, [ys.length, 1]) };
}

describe("clippedGradientSum on a linear model (hand-computed gradients)", () => {
  it("gives each example's gradient norm |r|·sqrt(|x|² + 1)", () => {
    const model = linearModel(W, B);
    const { sums, norms } = clippedGradientSum(model, batchOf(X, Y), X.length, 1e9);
    const r = residuals();
    X.forEach((row, i) => {
      const expected = Math.abs(r[i] as number) * Math.sqrt(row.reduce((s, v) => s + v * v, 0) + 1);
      expect(norms[i]).toBeCloseTo(expected, 3);
    });
    tf.dispose(sums);
  });

  it("sums min(1, C/|g_i|)·g_i, and each clipped example has norm at most C", () => {
    const model = linearModel(W, B);
    const C = 1.5;
    const r = residuals();
    const expectedW = [0, 0, 0];
    let expectedB = 0;
    X.forEach((row, i) => {
      const norm = Math.abs(r[i] as number) * Math.sqrt(row.reduce((s, v) => s + v * v, 0) + 1);
      const factor = Math.min(1, C / (norm + 1e-6));
      row.forEach((v, j) => (expectedW[j] = (expectedW[j] as number) + factor * (r[i] as number) * v));
      expectedB += factor * (r[i] as number);
    });
    const { sums } = clippedGradientSum(model, batchOf(X, Y), X.length, C);
    const [gw, gb] = sums.map((t) => Array.from(t.dataSync()));
    expectedW.forEach((v, j) => expect(gw?.[j]).toBeCloseTo(v, 4));
    expect(gb?.[0]).toBeCloseTo(expectedB, 4);
    tf.dispose(sums);

    // One example at a time: the clipped gradient's norm never exceeds C, and is C when the raw norm is larger.
    X.forEach((row, i) => {
      const single = clippedGradientSum(model, batchOf([row], [Y[i] as number]), 1, C);
      const flat = single.sums.flatMap((t) => Array.from(t.dataSync()));
      const norm = Math.hypot(...flat);
      expect(norm).toBeLessThanOrEqual(C + 1e-5);
      if ((single.norms[0] as number) > C) expect(norm).toBeCloseTo(C, 4);
      tf.dispose(single.sums);
    });
  });
});

describe("per-example gradients: the vectorised identity equals a loop of single-row backward passes", () => {
  it("on a two-layer network with a row parameter", () => {
    const rng = new Rng("mlp");
    const rand = (shape: number[]) => tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal(0, 0.7)), shape);
    const l1: DenseParams = { kind: "dense", weight: tf.variable(rand([3, 5])), bias: tf.variable(rand([5])) };
    const l2: DenseParams = { kind: "dense", weight: tf.variable(rand([5, 2])), bias: tf.variable(rand([2])) };
    const scale: RowParams = { kind: "row", param: tf.variable(tf.tensor1d([0.8, 1.3])) };
    const model: PerExampleModel<XY> = {
      params: [l1, l2, scale],
      lossPerExample: (ops, { x, y }) => {
        const h = tf.tanh(ops.dense(x, l1));
        const out = ops.dense(h, l2);
        const s = ops.row(scale);
        return tf.sum(tf.add(tf.div(tf.square(tf.sub(out, y)), tf.square(s)), tf.log(s)), 1) as tf.Tensor1D;
      },
    };
    const n = 6;
    const xs = Array.from({ length: n }, () => [rng.normal(), rng.normal(), rng.normal()]);
    const ys = Array.from({ length: n }, () => [rng.normal(), rng.normal()]);
    const loop = perExampleGradientsByLoop(
      model,
      xs.map((row, i) => ({ x: tf.tensor2d([row]), y: tf.tensor2d([ys[i] as number[]]) })),
    );
    const C = 2;
    const { sums, norms } = clippedGradientSum(model, { x: tf.tensor2d(xs), y: tf.tensor2d(ys) }, n, C);
    const expected = new Float64Array(loop[0]?.length ?? 0);
    loop.forEach((g, i) => {
      const norm = Math.hypot(...g);
      expect(norms[i]).toBeCloseTo(norm, 3);
      const factor = Math.min(1, C / (norm + 1e-6));
      g.forEach((v, k) => (expected[k] = (expected[k] as number) + factor * v));
    });
    const got = sums.flatMap((t) => Array.from(t.dataSync()));
    expect(got).toHaveLength(expected.length);
    got.forEach((v, k) => expect(v).toBeCloseTo(expected[k] as number, 4));
    tf.dispose(sums);
  });

  it("refuses a parameter group used twice in one forward pass", () => {
    const model = linearModel(W, B);
    const twice: PerExampleModel<XY> = {
      params: model.params,
      lossPerExample: (ops, { x }) => tf.sum(tf.add(ops.dense(x, model.layer), ops.dense(x, model.layer)), 1) as tf.Tensor1D,
    };
    expect(() => clippedGradientSum(twice, batchOf(X, Y), X.length, 1)).toThrow(/used twice/);
  });
});

describe("dpSgdGradients noise", () => {
  it("with zero gradients, the added noise has standard deviation sigma·C/B", () => {
    // y = x·w + b exactly, so every gradient is zero and the output is pure noise.
    const model = linearModel(W, B);
    const exact = X.map((row) => row.reduce((s, v, j) => s + v * (W[j] as number), B));
    const sigma = 1.3;
    const C = 0.8;
    const expectedBatchSize = 20;
    const rng = new Rng("noise");
    const draws: number[] = [];
    for (let t = 0; t < 250; t++) {
      const batch = batchOf(X, exact);
      const { grads } = dpSgdGradients(model, batch, X.length, { maxGradNorm: C, noiseMultiplier: sigma, expectedBatchSize, rng });
      for (const g of Object.values(grads)) draws.push(...g.dataSync());
      tf.dispose([...Object.values(grads), batch.x, batch.y]);
    }
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((s, v) => s + (v - mean) ** 2, 0) / (draws.length - 1));
    const target = (sigma * C) / expectedBatchSize;
    expect(draws).toHaveLength(1000);
    expect(Math.abs(mean)).toBeLessThan((4 * target) / Math.sqrt(draws.length));
    expect(sd / target).toBeGreaterThan(0.92);
    expect(sd / target).toBeLessThan(1.08);
  });

  it("an empty (Poisson) batch still gets noise of the same scale, from the Rng", () => {
    const model = linearModel(W, B);
    const run = (seed: string) => {
      const { grads } = dpSgdGradients(model, batchOf(X, Y), 0, { maxGradNorm: 1, noiseMultiplier: 2, expectedBatchSize: 10, rng: new Rng(seed) });
      const out = Object.values(grads).flatMap((g) => Array.from(g.dataSync()));
      tf.dispose(Object.values(grads));
      return out;
    };
    expect(run("a")).toEqual(run("a"));
    expect(run("a")).not.toEqual(run("b"));
    expect(run("a").some((v) => v !== 0)).toBe(true);
  });
});

describe("batches", () => {
  it("poissonBatch includes each row with probability q", () => {
    const rng = new Rng("poisson");
    const n = 500;
    const q = 0.04;
    const counts = new Float64Array(n);
    const sizes: number[] = [];
    const draws = 2000;
    for (let t = 0; t < draws; t++) {
      const rows = poissonBatch(n, q, rng);
      sizes.push(rows.length);
      for (let i = 1; i < rows.length; i++) expect(rows[i]).toBeGreaterThan(rows[i - 1] as number);
      for (const r of rows) counts[r] = (counts[r] as number) + 1;
    }
    const meanSize = sizes.reduce((s, v) => s + v, 0) / draws;
    expect(meanSize).toBeGreaterThan(q * n * 0.97);
    expect(meanSize).toBeLessThan(q * n * 1.03);
    // First and last rows are as likely as any (no off-by-one at the ends).
    const rate = (from: number, to: number) => counts.subarray(from, to).reduce((s, v) => s + v, 0) / ((to - from) * draws);
    expect(rate(0, 50)).toBeCloseTo(q, 2);
    expect(rate(450, 500)).toBeCloseTo(q, 2);
    expect(Array.from(poissonBatch(10, 1, rng))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("shuffledBatches covers every row once per epoch, deterministically", () => {
    const batches = shuffledBatches(103, 25, new Rng("s"));
    expect(batches.map((b) => b.length)).toEqual([25, 25, 25, 25, 3]);
    expect(batches.flatMap((b) => Array.from(b)).sort((a, b) => a - b)).toEqual(Array.from({ length: 103 }, (_, i) => i));
    expect(shuffledBatches(103, 25, new Rng("s")).map((b) => Array.from(b))).toEqual(batches.map((b) => Array.from(b)));
  });
});
