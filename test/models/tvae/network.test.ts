import { beforeAll, describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { initTf, tf } from "../../../core/tf-backend.js";
import { clippedGradientSum, perExampleGradientsByLoop, plainOps, variablesOf } from "../../../models/dp/dp-sgd.js";
import { TvaeNetwork, type NetworkShape, type TvaeBatch } from "../../../models/tvae/network.js";

beforeAll(async () => {
  await initTf();
});

// 2 α slots, then one run of two 2-slot groups and one 3-slot group: width 2 + 4 + 3 = 9; a 2-wide context.
const shape: NetworkShape = {
  dataWidth: 9,
  contextWidth: 2,
  nAlpha: 2,
  embeddingDim: 3,
  compressDims: [6],
  decompressDims: [5],
  runs: [
    { offset: 2, size: 2, count: 2 },
    { offset: 6, size: 3, count: 1 },
  ],
};

function rows(n: number, rng: Rng): { x: number[][]; c: number[][]; e: number[][] } {
  const oneHot = (k: number, size: number) => Array.from({ length: size }, (_, s) => (s === k ? 1 : 0));
  const x = Array.from({ length: n }, () => [rng.uniform(-1, 1), rng.uniform(-1, 1), ...oneHot(rng.int(2), 2), ...oneHot(rng.int(2), 2), ...oneHot(rng.int(3), 3)]);
  const c = Array.from({ length: n }, () => [rng.normal(), rng.int(2)]);
  const e = Array.from({ length: n }, () => [rng.normal(), rng.normal(), rng.normal()]);
  return { x, c, e };
}

function batch(x: number[][], c: number[][], e: number[][]): TvaeBatch {
  return { x: tf.tensor2d(x), context: tf.tensor2d(c), noise: tf.tensor2d(e) };
}

describe("TvaeNetwork", () => {
  it("DP-SGD's per-example norms and clipped sum equal a loop of single-row gradients of the TVAE loss", () => {
    const network = TvaeNetwork.initial(shape, 2, new Rng("init"));
    const { x, c, e } = rows(5, new Rng("rows"));
    const loop = perExampleGradientsByLoop(network, x.map((_, i) => batch([x[i]!], [c[i]!], [e[i]!])));
    const C = 1;
    const { sums, norms } = clippedGradientSum(network, batch(x, c, e), 5, C);
    const expected = new Float64Array(loop[0]!.length);
    loop.forEach((g, i) => {
      const norm = Math.hypot(...g);
      expect(Math.abs((norms[i] as number) - norm)).toBeLessThan(1e-4 * Math.max(1, norm));
      const factor = Math.min(1, C / (norm + 1e-6));
      g.forEach((v, k) => (expected[k] = (expected[k] as number) + factor * v));
    });
    const got = sums.flatMap((t) => Array.from(t.dataSync()));
    got.forEach((v, k) => expect(Math.abs(v - (expected[k] as number))).toBeLessThan(1e-4));
    tf.dispose(sums);
    network.dispose();
  });

  it("the loss is lossFactor × reconstruction + KL, with KL ≥ 0", () => {
    const weights = TvaeNetwork.initial(shape, 2, new Rng("init")).weights();
    const { x, c, e } = rows(4, new Rng("rows"));
    const lossWith = (factor: number) => {
      const network = TvaeNetwork.fromWeights(shape, factor, weights);
      const out = tf.tidy(() => network.lossPerExample(plainOps, batch(x, c, e))).arraySync();
      network.dispose();
      return out;
    };
    const kl = lossWith(0);
    const one = lossWith(1);
    const two = lossWith(2);
    kl.forEach((k, i) => {
      expect(k).toBeGreaterThanOrEqual(0);
      expect(two[i]! - k).toBeCloseTo(2 * (one[i]! - k), 4);
    });
  });

  it("round-trips its weights by name", () => {
    const network = TvaeNetwork.initial(shape, 2, new Rng("init"));
    const weights = network.weights();
    expect(Object.keys(weights).sort()).toEqual(["decoder.0.bias", "decoder.0.weight", "decoder.1.bias", "decoder.1.weight", "decoder.sigma", "encoder.0.bias", "encoder.0.weight", "encoder.1.bias", "encoder.1.weight"]);
    expect(Array.from(weights["decoder.sigma"]!)).toEqual([0.1, 0.1].map(Math.fround));
    const copy = TvaeNetwork.fromWeights(shape, 2, weights);
    expect(copy.weights()).toEqual(weights);
    expect(variablesOf(copy.params)).toHaveLength(9);
    copy.dispose();
    network.dispose();
  });

  it("initialises the same weights from the same seed", () => {
    const a = TvaeNetwork.initial(shape, 2, new Rng("same"));
    const b = TvaeNetwork.initial(shape, 2, new Rng("same"));
    expect(a.weights()).toEqual(b.weights());
    a.dispose();
    b.dispose();
  });
});
