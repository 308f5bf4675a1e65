import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { fitModes } from "../../../models/tvae/mode-normaliser.js";

function mixture(n: number, parts: { weight: number; mean: number; sd: number }[], seed: string): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, () => {
    const part = rng.pick(parts, parts.map((p) => p.weight));
    return rng.normal(part.mean, part.sd);
  });
}

describe("fitModes", () => {
  it("recovers two well-separated modes: means within 0.1 sd, sds and weights close", () => {
    const values = mixture(6000, [
      { weight: 0.6, mean: -5, sd: 1 },
      { weight: 0.4, mean: 8, sd: 2 },
    ], "two");
    const modes = fitModes(values, new Rng("fit"));
    expect(modes.means).toHaveLength(2);
    expect(Math.abs((modes.means[0] as number) + 5)).toBeLessThan(0.1 * 1);
    expect(Math.abs((modes.means[1] as number) - 8)).toBeLessThan(0.1 * 2);
    expect(modes.sds[0]).toBeCloseTo(1, 1);
    expect(Math.abs((modes.sds[1] as number) - 2)).toBeLessThan(0.15);
    expect(modes.weights[0]).toBeCloseTo(0.6, 1);
    expect((modes.weights[0] as number) + (modes.weights[1] as number)).toBeCloseTo(1, 12);
  });

  it("keeps one mode for a normal column, and ignores missing values", () => {
    const values = mixture(3000, [{ weight: 1, mean: 100, sd: 15 }], "one");
    values[5] = Number.NaN;
    const modes = fitModes(values, new Rng("fit"));
    expect(modes.means).toHaveLength(1);
    expect(Math.abs((modes.means[0] as number) - 100)).toBeLessThan(1.5);
  });

  it("gives a narrow mode to each value of a column with few distinct values", () => {
    const rng = new Rng("counts");
    const values = Float64Array.from({ length: 2000 }, () => rng.pick([0, 1, 4], [0.5, 0.3, 0.2]));
    const modes = fitModes(values, new Rng("fit"));
    expect(modes.means.map((m) => Math.round(m * 1000) / 1000)).toEqual([0, 1, 4]);
    for (const sd of modes.sds) expect(sd).toBeLessThan(0.01);
  });

  it("caps the number of modes and drops light ones", () => {
    const values = mixture(4000, Array.from({ length: 14 }, (_, k) => ({ weight: 1, mean: 20 * k, sd: 1 })), "many");
    const modes = fitModes(values, new Rng("fit"), { maxModes: 10 });
    expect(modes.means.length).toBeLessThanOrEqual(10);
    for (const w of modes.weights) expect(w).toBeGreaterThanOrEqual(0.005);
  });

  it("handles a constant column and an empty one", () => {
    const constant = fitModes(new Float64Array(50).fill(3), new Rng("fit"));
    expect(constant.means).toEqual([3]);
    expect(constant.weights).toEqual([1]);
    expect(fitModes(new Float64Array([Number.NaN, Number.NaN]), new Rng("fit")).means).toHaveLength(1);
  });

  it("is deterministic for a seed", () => {
    const values = mixture(8000, [
      { weight: 0.5, mean: 0, sd: 1 },
      { weight: 0.5, mean: 3, sd: 1 },
    ], "close");
    expect(fitModes(values, new Rng("a"))).toEqual(fitModes(values, new Rng("a")));
  });
});
