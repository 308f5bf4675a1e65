import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { addQuantumNoise } from "../../../../generators/radiographs/detector/quantum-noise.js";

/** Sample mean and (n − 1) variance. */
function moments(values: Float32Array): { mean: number; variance: number } {
  let s = 0;
  for (const v of values) s += v;
  const mean = s / values.length;
  let q = 0;
  for (const v of values) q += (v - mean) ** 2;
  return { mean, variance: q / (values.length - 1) };
}

describe("addQuantumNoise", () => {
  // For Poisson(λ), the sample mean has sd √(λ/n) and the sample variance sd ≈ √((λ + 2λ²)/n) (μ4 = λ + 3λ²);
  // each check allows 4 sd.
  for (const lambda of [3, 12, 50, 2000]) {
    it(`draws counts whose variance equals their mean (λ = ${lambda}, ${lambda > 30 ? "Gaussian" : "exact"} branch)`, () => {
      const n = 100_000;
      const counts = addQuantumNoise(new Float32Array(n).fill(lambda), new Rng(`poisson-${lambda}`));
      const { mean, variance } = moments(counts);
      expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / n));
      // The Gaussian branch rounds to integers, adding 1/12 to the variance.
      const expected = lambda > 30 ? lambda + 1 / 12 : lambda;
      expect(Math.abs(variance - expected)).toBeLessThan(4 * Math.sqrt((lambda + 2 * lambda * lambda) / n));
      expect(counts.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
    });
  }

  it("matches the Poisson probability of zero counts at low dose (exact branch)", () => {
    const n = 200_000;
    const counts = addQuantumNoise(new Float32Array(n).fill(2), new Rng("zeros"));
    let zeros = 0;
    for (const c of counts) if (c === 0) zeros++;
    const p = Math.exp(-2); // 0.1353
    expect(Math.abs(zeros / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});
