import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { conditionalTable } from "../../../models/bayesnet/conditional-table.js";

describe("conditionalTable", () => {
  it("counts P(child | parent) exactly without noise", () => {
    // parent 0: child 0, 0, 1; parent 1: child 1; parent 2 never seen.
    const parent = Int32Array.from([0, 0, 0, 1]);
    const child = Int32Array.from([0, 0, 1, 1]);
    const t = conditionalTable(child, 2, [parent], [3]);
    expect(t.configs).toBe(3);
    expect(Array.from(t.marginal)).toEqual([0.5, 0.5]);
    // Config 2 had no rows: it falls back to the marginal.
    expect(Array.from(t.probabilities)).toEqual([2 / 3, 1 / 3, 0, 1, 0.5, 0.5]);
  });

  it("without parents is the marginal", () => {
    const t = conditionalTable(Int32Array.from([2, 2, 0, 1]), 3, [], []);
    expect(Array.from(t.probabilities)).toEqual([0.25, 0.25, 0.5]);
  });

  it("with Laplace noise stays a distribution per configuration, and is seeded", () => {
    const rng = new Rng("data");
    const parent = Int32Array.from({ length: 300 }, () => rng.int(4));
    const child = Int32Array.from(parent, (p) => (rng.bernoulli(0.9) ? p : rng.int(4)));
    const noisy = (seed: string, scale: number) => conditionalTable(child, 4, [parent], [4], { scale, rng: new Rng(seed) });
    const t = noisy("noise", 0.05);
    for (let c = 0; c < 4; c++) {
      const row = Array.from(t.probabilities.subarray(c * 4, c * 4 + 4));
      expect(row.every((p) => p >= 0)).toBe(true);
      expect(row.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    }
    expect(Array.from(noisy("noise", 0.05).probabilities)).toEqual(Array.from(t.probabilities));
    // Noise moves the table away from the exact one, more so at a larger scale.
    const exact = conditionalTable(child, 4, [parent], [4]).probabilities;
    const distance = (scale: number) => {
      let d = 0;
      for (const seed of ["a", "b", "c", "d", "e"]) {
        const p = noisy(seed, scale).probabilities;
        for (let i = 0; i < p.length; i++) d += Math.abs((p[i] as number) - (exact[i] as number));
      }
      return d;
    };
    expect(distance(0.001)).toBeLessThan(distance(0.1));
  });
});
