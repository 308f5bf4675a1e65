import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { exponentialMechanism, selectionProbabilities } from "../../../models/bayesnet/exponential-mechanism.js";
import { selectionSensitivity, type Candidate } from "../../../models/bayesnet/greedy-structure.js";
import { jointCounts, mutualInformation } from "../../../models/bayesnet/mutual-information.js";

describe("selectionProbabilities", () => {
  it("weighs candidate i by exp(epsilon * score_i / (2 * sensitivity))", () => {
    // Scores 0 and 1, epsilon 2, sensitivity 1: weights 1 and e.
    const p = selectionProbabilities([0, 1], 2, 1);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.E), 14);
    expect(p[1]).toBeCloseTo(Math.E / (1 + Math.E), 14);
  });

  it("does not overflow on large scores and sums to 1", () => {
    const p = selectionProbabilities([1e6, 1e6 - 1, 0], 10, 0.001);
    expect(Array.from(p).every(Number.isFinite)).toBe(true);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(p[0]).toBeCloseTo(1, 12);
  });

  it("rejects an empty candidate list and non-positive epsilon or sensitivity", () => {
    expect(() => selectionProbabilities([], 1, 1)).toThrow(RangeError);
    expect(() => selectionProbabilities([1], 0, 1)).toThrow(RangeError);
    expect(() => selectionProbabilities([1], 1, 0)).toThrow(RangeError);
  });
});

describe("exponentialMechanism", () => {
  it("draws candidates at their probabilities", () => {
    const scores = [0, 0.5, 1, 2];
    const p = selectionProbabilities(scores, 1, 0.5);
    const rng = new Rng("em");
    const counts = [0, 0, 0, 0];
    const draws = 20_000;
    for (let i = 0; i < draws; i++) counts[exponentialMechanism(scores, 1, 0.5, rng)]!++;
    counts.forEach((c, i) => expect(c / draws).toBeCloseTo(p[i] as number, 1));
  });

  it("is deterministic for a seed", () => {
    const picks = (seed: string) => {
      const rng = new Rng(seed);
      return Array.from({ length: 50 }, () => exponentialMechanism([0, 1, 2], 1, 1, rng));
    };
    expect(picks("a")).toEqual(picks("a"));
    expect(picks("a")).not.toEqual(picks("b"));
  });
});

describe("exponential mechanism on mutual-information scores (empirical DP check)", () => {
  // One selection step of the greedy search: columns 0 and 1 are placed, columns 2-4 are candidates, k = 1 and 2.
  // For neighbouring datasets (one row replaced), the probability of every selection may change by a factor of at
  // most e^epsilon, epsilon being the per-selection budget epsilon_1 / (d - 1).
  const sizes = [2, 4, 3, 2, 5];
  const candidates: Candidate[] = [];
  for (const node of [2, 3, 4]) for (const parents of [[0], [1], [0, 1]]) candidates.push({ node, parents });
  const n = 60;
  const scoresOf = (codes: Int32Array[]) =>
    candidates.map(({ node, parents }) => {
      const configs = parents.reduce((c, p) => c * (sizes[p] as number), 1);
      const counts = jointCounts(codes[node] as Int32Array, sizes[node] as number, parents.map((p) => codes[p] as Int32Array), parents.map((p) => sizes[p] as number));
      return mutualInformation(counts, sizes[node] as number, configs);
    });

  it("changes no selection probability by more than e^epsilon", () => {
    const epsilonPerSelection = (0.3 * 1) / 4; // epsilon = 1, beta = 0.3, d - 1 = 4 selections
    const sensitivity = selectionSensitivity(n, sizes, candidates);
    const rng = new Rng("dp-check");
    let worstRatio = 1;
    // The same check with a sensitivity 20 times too small must fail: the test can tell a broken bound.
    let worstWithTooSmallBound = 1;
    for (let trial = 0; trial < 400; trial++) {
      // Dependent columns, so scores differ between candidates and one row can move them.
      const base = Int32Array.from({ length: n }, () => rng.int(60));
      const codes = sizes.map((size, j) => Int32Array.from(base, (b) => (rng.bernoulli(0.7) ? (b + j) % size : rng.int(size))));
      const neighbour = codes.map((c) => c.slice());
      const row = rng.int(n);
      sizes.forEach((size, j) => ((neighbour[j] as Int32Array)[row] = rng.int(size)));
      const p = selectionProbabilities(scoresOf(codes), epsilonPerSelection, sensitivity);
      const q = selectionProbabilities(scoresOf(neighbour), epsilonPerSelection, sensitivity);
      for (let i = 0; i < p.length; i++) worstRatio = Math.max(worstRatio, (p[i] as number) / (q[i] as number), (q[i] as number) / (p[i] as number));
      const pSmall = selectionProbabilities(scoresOf(codes), epsilonPerSelection, sensitivity / 20);
      const qSmall = selectionProbabilities(scoresOf(neighbour), epsilonPerSelection, sensitivity / 20);
      for (let i = 0; i < p.length; i++) worstWithTooSmallBound = Math.max(worstWithTooSmallBound, (pSmall[i] as number) / (qSmall[i] as number));
    }
    expect(worstWithTooSmallBound).toBeGreaterThan(Math.exp(epsilonPerSelection));
    expect(worstRatio).toBeGreaterThan(1);
    expect(worstRatio).toBeLessThanOrEqual(Math.exp(epsilonPerSelection) + 1e-12);
  });
});
