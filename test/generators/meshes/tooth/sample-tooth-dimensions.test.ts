import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { samplePatientToothScale, sampleToothDimensions } from "../../../../generators/meshes/tooth/sample-tooth-dimensions.js";
import { WHEELER } from "../../../../generators/meshes/tooth/wheeler-table.js";

const meanSd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return [m, Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1))] as const;
};

describe("sampleToothDimensions", () => {
  const row = WHEELER.lower.first_molar;
  const rng = new Rng("dimensions");
  const draws = Array.from({ length: 4000 }, () => sampleToothDimensions(row, samplePatientToothScale(rng), rng));

  it("centres on Wheeler's means", () => {
    expect(meanSd(draws.map((d) => d.mdCrown))[0] / row.mdCrown).toBeCloseTo(1, 2);
    expect(meanSd(draws.map((d) => d.crownLength))[0] / row.crownLength).toBeCloseTo(1, 2);
    expect(meanSd(draws.map((d) => d.rootLengths[0]!))[0] / row.rootLengths[0]!).toBeCloseTo(1, 1);
  });

  it("varies crown widths with a CV of 5–7 % across patients (dental-domain.md 1.1)", () => {
    for (const key of ["mdCrown", "blCrown", "crownLength"] as const) {
      const [m, sd] = meanSd(draws.map((d) => d[key]));
      expect(sd / m, key).toBeGreaterThan(0.05);
      expect(sd / m, key).toBeLessThan(0.07);
    }
  });

  it("stays within ±15 % of Wheeler for nearly all crowns and most roots", () => {
    const within = (key: (d: (typeof draws)[number]) => number, expected: number) =>
      draws.filter((d) => Math.abs(key(d) / expected - 1) <= 0.15).length / draws.length;
    expect(within((d) => d.mdCrown, row.mdCrown)).toBeGreaterThan(0.98);
    expect(within((d) => d.crownLength, row.crownLength)).toBeGreaterThan(0.98);
    expect(within((d) => d.rootLengths[0]!, row.rootLengths[0]!)).toBeGreaterThan(0.9);
  });

  it("keeps the crown wider than its cervix and both roots of a tooth equally long", () => {
    for (const d of draws) {
      expect(d.mdCervix).toBeLessThan(d.mdCrown);
      expect(d.blCervix).toBeLessThan(d.blCrown);
      expect(d.rootLengths[0]).toBe(d.rootLengths[1]);
    }
  });
});
