import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { preparePair } from "../../../../evaluation/metrics/fidelity/fidelity-input.js";
import { drawCodeCounts, drawnShare, entityCodeCounts, pairBootstrap, resamplesWithinBudget, rowWeights } from "../../../../evaluation/metrics/fidelity/pair-bootstrap.js";
import type { Table } from "../../../../evaluation/types.js";

const t = (ids: string[]): Table => ({ nRows: ids.length, columns: [{ name: "pid", kind: "id", values: ids }] });

describe("pair bootstrap helpers", () => {
  it("draw counts cover each side's entities, with the other side fixed at 1", () => {
    const pair = preparePair({ real: t(["a", "a", "b"]), synthetic: t(["x", "y", "z"]), entity: "pid" });
    const seen: number[][] = [];
    pairBootstrap(pair, { rng: new Rng("b"), ciLevel: 0.9, resamples: 5 }, (draw) => {
      seen.push([...draw.real, ...draw.synthetic]);
      return 0;
    }, { sides: "synthetic" });
    expect(seen).toHaveLength(5);
    for (const s of seen) {
      expect(s.slice(0, 2)).toEqual([1, 1]);
      expect(s.slice(2).reduce((a, b) => a + b, 0)).toBe(3);
    }
  });

  it("shifts the interval by the bootstrap bias so it brackets the estimate", () => {
    const pair = preparePair({ real: t(["a", "b", "c", "d"]), synthetic: t(["x", "y"]), entity: "pid" });
    // A statistic whose replicates sit 0.1 below the estimate 0.5.
    const r = pairBootstrap(pair, { rng: new Rng("b"), ciLevel: 0.95, resamples: 50 }, () => 0.4, { estimate: 0.5 });
    expect(r.bias).toBeCloseTo(-0.1, 12);
    expect(r.interval.lower).toBeCloseTo(0.5, 12);
    expect(r.interval.upper).toBeCloseTo(0.5, 12);
  });

  it("per-entity code counts and shares reproduce row-weighted sums", () => {
    const pair = preparePair({ real: t(["a", "b", "a", "c"]), synthetic: t(["x"]), entity: "pid" });
    const codes = Int32Array.of(0, 1, 0, -1);
    const compressed = entityCodeCounts(codes, pair.realIndex, 2);
    expect(Array.from(compressed.count)).toEqual([2, 1]); // entity a: code 0 twice; b: code 1; c: missing
    const m = Float64Array.of(2, 0, 1); // a drawn twice, b never, c once
    expect(Array.from(drawCodeCounts(compressed, m))).toEqual([4, 0]);
    expect(Array.from(rowWeights(m, pair.realIndex))).toEqual([2, 0, 2, 1]);
    expect(drawnShare(Float64Array.of(1, 0, 0), Float64Array.of(2, 1, 1), m)).toBeCloseTo(2 / 5, 15);
  });

  it("fits the resample count to a work budget", () => {
    expect(resamplesWithinBudget(200, 1e6)).toBe(200);
    expect(resamplesWithinBudget(200, 2e7)).toBe(100);
    expect(resamplesWithinBudget(200, 1e9)).toBe(50);
  });
});
