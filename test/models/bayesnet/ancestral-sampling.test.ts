import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { sampleCodes, type SamplingNetwork } from "../../../models/bayesnet/ancestral-sampling.js";

// Node 0: root, P = (0.2, 0.8). Node 1 | node 0: (0.9, 0.1) when 0, (0.3, 0.7) when 1; marginal (0.42, 0.58).
const network: SamplingNetwork = {
  sizes: [2, 2],
  steps: [
    { node: 0, parents: [] },
    { node: 1, parents: [0] },
  ],
  tables: [
    { childSize: 2, configs: 1, probabilities: Float64Array.from([0.2, 0.8]), marginal: Float64Array.from([0.2, 0.8]) },
    { childSize: 2, configs: 2, probabilities: Float64Array.from([0.9, 0.1, 0.3, 0.7]), marginal: Float64Array.from([0.42, 0.58]) },
  ],
};

describe("sampleCodes", () => {
  it("draws each node from its table given its parents", () => {
    const n = 20_000;
    const [a, b] = sampleCodes(network, [], n, new Rng("forward"));
    let ones = 0;
    const given = [
      [0, 0],
      [0, 0],
    ];
    for (let i = 0; i < n; i++) {
      ones += a![i]!;
      given[a![i]!]![b![i]!]!++;
    }
    expect(ones / n).toBeCloseTo(0.8, 1);
    expect(given[0]![0]! / (given[0]![0]! + given[0]![1]!)).toBeCloseTo(0.9, 1);
    expect(given[1]![1]! / (given[1]![0]! + given[1]![1]!)).toBeCloseTo(0.7, 1);
  });

  it("keeps given (context) codes and uses the marginal for an unknown parent", () => {
    const n = 10_000;
    const known = new Int32Array(n).fill(1);
    const [, b] = sampleCodes({ ...network, steps: network.steps.slice(1), tables: network.tables.slice(1) }, [known], n, new Rng("given"));
    expect(b!.reduce((s, v) => s + v, 0) / n).toBeCloseTo(0.7, 1);
    const unknown = new Int32Array(n).fill(-1);
    const codes = sampleCodes({ ...network, steps: network.steps.slice(1), tables: network.tables.slice(1) }, [unknown], n, new Rng("given"));
    expect(codes[0]).toBe(unknown);
    expect(codes[1]!.reduce((s, v) => s + v, 0) / n).toBeCloseTo(0.58, 1);
  });

  it("never draws a zero-probability code, on wide tables too", () => {
    const size = 40;
    const p = new Float64Array(size);
    p[3] = 0.5;
    p[size - 2] = 0.5;
    const wide: SamplingNetwork = { sizes: [size], steps: [{ node: 0, parents: [] }], tables: [{ childSize: size, configs: 1, probabilities: p, marginal: p }] };
    const [codes] = sampleCodes(wide, [], 5000, new Rng("wide"));
    expect(new Set(codes)).toEqual(new Set([3, size - 2]));
  });
});
