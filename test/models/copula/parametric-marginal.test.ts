import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { fitParametricMarginal, parametricCdf, ParametricSampler } from "../../../models/copula/parametric-marginal.js";
import { normalQuantile } from "../../../models/copula/normal-distribution.js";

function sample(n: number, draw: (rng: Rng) => number): Float64Array {
  const rng = new Rng("parametric");
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw(rng);
  return out.sort();
}

describe("fitParametricMarginal", () => {
  it("finds a beta by moments and prefers it for beta data", () => {
    const fitted = fitParametricMarginal(sample(5000, (r) => r.beta(2, 5)));
    expect(fitted?.family).toBe("beta");
    if (fitted?.family !== "beta") return;
    // Method of moments on [min, max] of the sample: close to (2, 5), a bit off because min/max are not 0/1.
    expect(fitted.a).toBeGreaterThan(1.5);
    expect(fitted.a).toBeLessThan(2.5);
    expect(fitted.b).toBeGreaterThan(3.5);
    expect(fitted.b).toBeLessThan(6.5);
    expect(fitted.ks).toBeLessThan(0.03);
  });

  it("fits normal data with a normal or truncated normal, and uniform data with a flat family", () => {
    const normal = fitParametricMarginal(sample(5000, (r) => r.normal(10, 3)));
    expect(["normal", "truncated-normal"]).toContain(normal?.family);
    expect(normal?.ks).toBeLessThan(0.03);
    const uniform = fitParametricMarginal(sample(5000, (r) => r.uniform(-1, 4)));
    expect(["uniform", "beta"]).toContain(uniform?.family);
    expect(uniform?.ks).toBeLessThan(0.03);
  });

  it("recovers the parent of a truncated normal by moment matching", () => {
    // A normal(0, 1) cut to [-1, 2]: the fit recovers mean 0 and sd 1 of the parent, not the truncated moments.
    const fitted = fitParametricMarginal(sample(20000, (r) => r.truncatedNormal(0, 1, -1, 2)));
    expect(fitted?.family).toBe("truncated-normal");
    if (fitted?.family !== "truncated-normal") return;
    expect(Math.abs(fitted.mean)).toBeLessThan(0.05);
    expect(Math.abs(fitted.sd - 1)).toBeLessThan(0.05);
    expect(fitted.ks).toBeLessThan(0.01);
  });

  it("evaluates each family's CDF", () => {
    // (Φ(0) − Φ(−1)) / (Φ(2) − Φ(−1)) = 0.41698875142898584 (Python math.erfc)
    expect(parametricCdf({ family: "truncated-normal", mean: 0, sd: 1, min: -1, max: 2 }, 0)).toBeCloseTo(0.41698875142898584, 14);
    expect(parametricCdf({ family: "truncated-normal", mean: 0, sd: 1, min: -1, max: 2 }, 3)).toBe(1);
    expect(parametricCdf({ family: "uniform", min: 0, max: 4 }, 1)).toBe(0.25);
    expect(parametricCdf({ family: "normal", mean: 1, sd: 2 }, -1)).toBeCloseTo(0.15865525393145707, 15);
    expect(parametricCdf({ family: "beta", a: 2, b: 5, min: 0, max: 1 }, 0.3)).toBeCloseTo(0.579825, 12);
  });

  it("gives up on a constant column", () => {
    expect(fitParametricMarginal(Float64Array.of(2, 2, 2))).toBeNull();
  });
});

describe("ParametricSampler", () => {
  it("maps normal scores through each family's inverse CDF", () => {
    expect(new ParametricSampler({ family: "normal", mean: 10, sd: 2, ks: 0 }).fromScore(1.5)).toBe(13);
    expect(new ParametricSampler({ family: "uniform", min: 0, max: 4, ks: 0 }).fromScore(0)).toBeCloseTo(2, 14);
    const beta = new ParametricSampler({ family: "beta", a: 2, b: 2, min: 0, max: 1, ks: 0 });
    expect(beta.fromScore(0)).toBeCloseTo(0.5, 6);
    // Beta(2, 5) quantile at 0.579825 is 0.3 (mpmath.betainc(2, 5, 0, 0.3, regularized=True) = 0.579825).
    const skewed = new ParametricSampler({ family: "beta", a: 2, b: 5, min: 0, max: 1, ks: 0 });
    expect(skewed.fromScore(normalQuantile(0.579825))).toBeCloseTo(0.3, 4);
    const truncated = new ParametricSampler({ family: "truncated-normal", mean: 0, sd: 1, min: -1, max: 2, ks: 0 });
    expect(truncated.fromScore(normalQuantile(0.41698875142898584))).toBeCloseTo(0, 10);
    expect(truncated.fromScore(-40)).toBe(-1);
    expect(truncated.fromScore(40)).toBe(2);
  });
});
