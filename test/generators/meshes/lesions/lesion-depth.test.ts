import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { DENTIN_REACH, ENAMEL_REACH, MINERAL_LOSS, MINERAL_LOSS_BY_CLASS, sampleLesionDensity, sampleReach } from "../../../../generators/meshes/lesions/lesion-depth.js";

const CLASSES = ["E1", "E2", "D1", "D2", "D3"] as const;

describe("lesion depth and mineral loss", () => {
  it("slides the mineral-loss window up with the class, inside the cited 30-50 % band", () => {
    for (const [k, depth] of CLASSES.entries()) {
      const [lo, hi] = MINERAL_LOSS_BY_CLASS[depth];
      expect(lo).toBeGreaterThanOrEqual(MINERAL_LOSS[0]);
      expect(hi).toBeLessThanOrEqual(MINERAL_LOSS[1]);
      if (k > 0) {
        const [plo, phi] = MINERAL_LOSS_BY_CLASS[CLASSES[k - 1]!];
        expect(lo).toBeGreaterThan(plo);
        expect(hi).toBeGreaterThan(phi);
      }
    }
  });

  it("draws densities whose mean falls with the class (2,000 draws each)", () => {
    const means = CLASSES.map((depth) => {
      const rng = new Rng("density").fork(depth);
      let sum = 0;
      for (let i = 0; i < 2000; i++) sum += sampleLesionDensity(depth, rng);
      return sum / 2000;
    });
    for (let k = 1; k < means.length; k++) expect(means[k]!).toBeLessThan(means[k - 1]!);
    // The mean of a uniform draw is the window's midpoint: E1 1 − 0.34, D3 1 − 0.46.
    expect(means[0]!).toBeCloseTo(0.66, 2);
    expect(means[4]!).toBeCloseTo(0.54, 2);
  });

  it("draws reaches inside each class's band; dentin classes cross the enamel", () => {
    const rng = new Rng("reach");
    for (let i = 0; i < 200; i++) {
      for (const depth of ["E1", "E2"] as const) {
        const r = sampleReach(depth, rng);
        expect(r.dentin).toBeNull();
        expect(r.enamel).toBeGreaterThanOrEqual(ENAMEL_REACH[depth][0]);
        expect(r.enamel).toBeLessThanOrEqual(ENAMEL_REACH[depth][1]);
      }
      for (const depth of ["D1", "D2", "D3"] as const) {
        const r = sampleReach(depth, rng);
        expect(r.enamel).toBe(1);
        expect(r.dentin!).toBeGreaterThanOrEqual(DENTIN_REACH[depth][0]);
        expect(r.dentin!).toBeLessThanOrEqual(DENTIN_REACH[depth][1]);
      }
    }
  });
});
