import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { laplace } from "../../../models/bayesnet/laplace.js";

describe("laplace", () => {
  it("has mean 0, mean absolute value = scale and variance 2 scale^2", () => {
    const rng = new Rng("laplace");
    const n = 50_000;
    const scale = 2;
    let sum = 0;
    let abs = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const x = laplace(rng, scale);
      sum += x;
      abs += Math.abs(x);
      sq += x * x;
    }
    expect(sum / n).toBeCloseTo(0, 1);
    expect(abs / n).toBeCloseTo(scale, 1);
    expect(sq / n / (2 * scale * scale)).toBeCloseTo(1, 1);
  });

  it("is seeded", () => {
    const draws = (seed: string) => {
      const rng = new Rng(seed);
      return Array.from({ length: 5 }, () => laplace(rng, 1));
    };
    expect(draws("a")).toEqual(draws("a"));
    expect(draws("a")).not.toEqual(draws("b"));
  });
});
