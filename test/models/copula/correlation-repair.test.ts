import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { choleskyFactor } from "../../../models/copula/cholesky-factor.js";
import { clipToCorrelation } from "../../../models/copula/correlation-repair.js";
import { symmetricEigen } from "../../../evaluation/stats/symmetric-eigen.js";

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
