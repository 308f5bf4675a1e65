import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { LatentGaussian } from "../../../models/copula/latent-gaussian.js";
import { shrinkAndFactor } from "../../../models/copula/latent-correlation.js";

// R = [[1, .6, .3], [.6, 1, .5], [.3, .5, 1]]
const R = Float64Array.of(1, 0.6, 0.3, 0.6, 1, 0.5, 0.3, 0.5, 1);

function moments(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return { mean, variance: values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length };
}

describe("LatentGaussian", () => {
  const { correlation, factor } = shrinkAndFactor(R, 3, 0);
  const gaussian = new LatentGaussian(correlation, 3, factor);

  it("samples N(0, R) unconditionally", () => {
    const rng = new Rng("joint");
    const z = new Float64Array(3);
    const eps = new Float64Array(3);
    const plan = gaussian.plan([]);
    let s01 = 0;
    let s12 = 0;
    let s11 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      gaussian.sampleInto(plan, z, eps, rng);
      s01 += z[0]! * z[1]!;
      s12 += z[1]! * z[2]!;
      s11 += z[1]! * z[1]!;
    }
    expect(s01 / n).toBeCloseTo(0.6, 1);
    expect(s12 / n).toBeCloseTo(0.5, 1);
    expect(s11 / n).toBeCloseTo(1, 1);
  });

  it("conditions on a leading and on a non-leading dimension (Σ_tc Σ_cc⁻¹ z_c, Σ_tt − Σ_tc Σ_cc⁻¹ Σ_ct)", () => {
    const rng = new Rng("conditional");
    const z = new Float64Array(3);
    const eps = new Float64Array(3);
    const n = 20000;
    // Given z0 = 1.5: z1 ~ N(0.9, 0.64).
    const leading = gaussian.plan([0]);
    const z1: number[] = [];
    for (let i = 0; i < n; i++) {
      z[0] = 1.5;
      gaussian.sampleInto(leading, z, eps, rng);
      expect(z[0]).toBe(1.5);
      z1.push(z[1]!);
    }
    expect(moments(z1).mean).toBeCloseTo(0.9, 1);
    expect(moments(z1).variance).toBeCloseTo(0.64, 1);
    // Given z1 = −1: z0 ~ N(−0.6, 0.64), z2 ~ N(−0.5, 0.75).
    const middle = gaussian.plan([1]);
    const z0: number[] = [];
    const z2: number[] = [];
    for (let i = 0; i < n; i++) {
      z[1] = -1;
      gaussian.sampleInto(middle, z, eps, rng);
      z0.push(z[0]!);
      z2.push(z[2]!);
    }
    expect(moments(z0).mean).toBeCloseTo(-0.6, 1);
    expect(moments(z0).variance).toBeCloseTo(0.64, 1);
    expect(moments(z2).mean).toBeCloseTo(-0.5, 1);
    expect(moments(z2).variance).toBeCloseTo(0.75, 1);
    expect(gaussian.plan([1])).toBe(middle);
  });
});
