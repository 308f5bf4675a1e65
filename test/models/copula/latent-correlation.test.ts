import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { HermiteCoefficients } from "../../../models/copula/hermite-series.js";
import { latentCorrelationMatrix, shrinkAndFactor, type LatentScores } from "../../../models/copula/latent-correlation.js";

describe("latentCorrelationMatrix", () => {
  const n = 20000;
  const rng = new Rng("latent");
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    x[i] = a;
    y[i] = 0.6 * a + 0.8 * rng.normal();
  }

  it("is the normal-scores correlation for continuous dimensions, in both methods", () => {
    const dims: LatentScores[] = [
      { scores: x, observed: undefined, hermite: undefined },
      { scores: y, observed: undefined, hermite: undefined },
    ];
    for (const method of ["latent", "scores"] as const) {
      const r = latentCorrelationMatrix(dims, n, method);
      expect(r[0]).toBe(1);
      expect(r[1]).toBe(r[2]);
      expect(Math.abs((r[1] as number) - 0.6)).toBeLessThan(0.02);
    }
  });

  it("recovers the latent correlation of a thresholded column (polyserial), where plain Pearson falls short", () => {
    // y dichotomised at 0.674 (25 % above); rows scored by the conditional mean of their half.
    const c = new HermiteCoefficients();
    const t = 0.6744897501960817;
    const low = c.addInterval(Number.NEGATIVE_INFINITY, t);
    const high = c.addInterval(t, Number.POSITIVE_INFINITY);
    const g = y.map((v) => (v > t ? high : low));
    const dims: LatentScores[] = [
      { scores: x, observed: undefined, hermite: undefined },
      { scores: g, observed: undefined, hermite: c.values },
    ];
    const latent = latentCorrelationMatrix(dims, n, "latent")[1] as number;
    expect(Math.abs(latent - 0.6)).toBeLessThan(0.03);
    const pearson = latentCorrelationMatrix(dims, n, "scores")[1] as number;
    expect(pearson).toBeLessThan(0.5);
  });

  it("uses only rows observed in both dimensions", () => {
    const mask = new Float64Array(n).fill(1);
    const yMissing = y.slice();
    for (let i = 0; i < n; i += 3) {
      mask[i] = 0;
      yMissing[i] = 0;
    }
    const r = latentCorrelationMatrix(
      [
        { scores: x, observed: undefined, hermite: undefined },
        { scores: yMissing, observed: mask, hermite: undefined },
      ],
      n,
      "latent",
    );
    expect(Math.abs((r[1] as number) - 0.6)).toBeLessThan(0.03);
  });
});

describe("shrinkAndFactor", () => {
  it("shrinks a singular matrix just enough to factor it", () => {
    const { correlation, shrinkage, clipped } = shrinkAndFactor(Float64Array.of(1, 1, 1, 1), 2, 1e-3);
    expect(shrinkage).toBe(1e-3);
    expect(clipped).toBe(false);
    expect(correlation[1]).toBeCloseTo(0.999, 15);
    expect(correlation[0]).toBe(1);
  });

  it("clips an indefinite matrix, then raises the shrinkage from zero if it must", () => {
    const bad = Float64Array.of(1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1);
    const { factor, clipped, shrinkage } = shrinkAndFactor(bad, 3, 0);
    expect(clipped).toBe(true);
    expect(shrinkage).toBeGreaterThan(0);
    expect(shrinkage).toBeLessThan(1e-3);
    expect(factor.length).toBe(9);
  });
});
