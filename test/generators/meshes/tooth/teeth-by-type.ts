/** The per-type suite, run once per arch by upper-teeth.test.ts and lower-teeth.test.ts. */
import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { archOf, rootCountOf, toothTypeOf } from "../../../../generators/patient/dentition.js";
import { renderTooth } from "../../../../generators/meshes/tooth/render-tooth.js";
import { samplePatientToothScale } from "../../../../generators/meshes/tooth/sample-tooth-dimensions.js";
import { WHEELER } from "../../../../generators/meshes/tooth/wheeler-table.js";
import { countRoots, expectClosedLayer, expectDimensions, expectNested } from "./tooth-checks.js";

export function describeTeeth(fdis: readonly number[]): void {
  for (const fdi of fdis) {
    const row = WHEELER[archOf(fdi)][toothTypeOf(fdi)];
    describe(`${fdi} ${archOf(fdi)} ${toothTypeOf(fdi)}`, () => {
      const mean = renderTooth(fdi, new Rng("by-type"), { variation: false });
      // A varied tooth of a patient drawn from the same seed: variation must not break any invariant.
      const rng = Rng.forRecord("by-type", "tooth-mesh", fdi);
      const varied = renderTooth(fdi, rng.fork("tooth"), { patientScale: samplePatientToothScale(rng.fork("scale")), mamelons: true });

      it("has closed, oriented, genus-0, positive, self-intersection-free layers", () => {
        for (const tooth of [mean, varied]) {
          expectClosedLayer(tooth.outer, `${fdi} outer`);
          expectClosedLayer(tooth.dentin, `${fdi} dentin`);
          expectClosedLayer(tooth.pulp, `${fdi} pulp`);
        }
      });

      it("nests pulp inside dentin inside the outer surface", () => {
        expectNested(mean);
        expectNested(varied);
      });

      // The varied tooth is checked against the dimensions it drew; how often draws stay within ±15 % of
      // Wheeler is a property of the sampler (sample-tooth-dimensions.test.ts).
      it("measures within ±15 % of Wheeler (mean shape) and within ±5 % of its drawn dimensions (varied)", () => {
        expectDimensions(mean, row, 0.15);
        expectDimensions(varied, varied.dimensions, 0.05);
      });

      it(`has ${rootCountOf(fdi)} root(s) in a cut above the apices`, () => {
        expect(countRoots(mean)).toBe(rootCountOf(fdi));
        expect(countRoots(varied)).toBe(rootCountOf(fdi));
      });

      it("keeps the default resolution near 5–15k triangles per tooth", () => {
        const triangles = (mean.outer.indices.length + mean.dentin.indices.length + mean.pulp.indices.length) / 3;
        expect(triangles).toBeGreaterThan(5000);
        expect(triangles).toBeLessThan(16000);
      });
    });
  }
}
