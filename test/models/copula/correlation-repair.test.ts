import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { choleskyFactor } from "../../../models/copula/cholesky-factor.js";
import { clipToCorrelation, symmetricEigen } from "../../../models/copula/correlation-repair.js";

describe("symmetricEigen", () => {
  it("reconstructs a symmetric matrix from its eigenpairs", () => {
    const rng = new Rng("eigen");
    const n = 6;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = rng.normal();
    const { values, vectors } = symmetricEigen(a, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += vectors[i * n + k]! * values[k]! * vectors[j * n + k]!;
        expect(s).toBeCloseTo(a[i * n + j]!, 10);
      }
    }
  });

  it("finds known eigenvalues: [[2,1],[1,2]] has 1 and 3", () => {
    const values = Array.from(symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values).sort();
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
  });
});

describe("clipToCorrelation", () => {
  it("turns an inconsistent pairwise matrix into a valid correlation matrix", () => {
    // Corr(1,2) = Corr(1,3) = 0.9 and Corr(2,3) = −0.9 cannot hold together.
    const bad = Float64Array.of(1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1);
    expect(choleskyFactor(bad, 3)).toBeNull();
    const fixed = clipToCorrelation(bad, 3);
    for (let i = 0; i < 3; i++) expect(fixed[i * 3 + i]).toBe(1);
    expect(Math.min(...symmetricEigen(fixed, 3).values)).toBeGreaterThan(-1e-12);
    // The signs of the pairwise estimates survive.
    expect(fixed[1]).toBeGreaterThan(0);
    expect(fixed[5]).toBeLessThan(0);
  });
});
