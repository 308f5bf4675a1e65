/**
 * Seeded sweep over non-default resolutions and patient scales: every invariant of the per-type suites must
 * hold for any draw, not just the one seed per type those suites render.
 */
import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { rootCountOf } from "../../../../generators/patient/dentition.js";
import { extentsAlong } from "../../../../generators/meshes/geometry/extents-along.js";
import { renderTooth } from "../../../../generators/meshes/tooth/render-tooth.js";
import { samplePatientToothScale } from "../../../../generators/meshes/tooth/sample-tooth-dimensions.js";
import { LONG, countRoots, expectClosedLayer, expectDimensions, expectNested } from "./tooth-checks.js";

const FDIS = [11, 12, 13, 14, 15, 16, 17, 18, 41, 42, 43, 44, 45, 46, 47, 48];

describe.each([
  { seed: "sweep-a", resolution: 0.5 },
  { seed: "sweep-b", resolution: 1.5 },
])("seed $seed at resolution $resolution", ({ seed, resolution }) => {
  const patient = new Rng(seed);
  const patientScale = samplePatientToothScale(patient.fork("scale"));
  for (const fdi of FDIS) {
    it(`${fdi}: closed, nested, sized, ${rootCountOf(fdi)} root(s)`, () => {
      const tooth = renderTooth(fdi, patient.fork(String(fdi)), { resolution, patientScale });
      expectClosedLayer(tooth.outer, `${fdi} outer`);
      expectClosedLayer(tooth.dentin, `${fdi} dentin`);
      expectClosedLayer(tooth.pulp, `${fdi} pulp`);
      expectNested(tooth);
      expectDimensions(tooth, tooth.dimensions, 0.05);
      expect(countRoots(tooth)).toBe(rootCountOf(fdi));
      // Enamel over the highest point: ~1 mm on incisal edges, 2–2.5 mm over cusps (dental-domain.md 1.3).
      const [outer] = extentsAlong(tooth.outer, [LONG]);
      const [dentin] = extentsAlong(tooth.dentin, [LONG]);
      const cap = outer!.max - dentin!.max;
      expect(cap).toBeGreaterThan(fdi % 10 <= 2 ? 0.7 : 1.5);
      expect(cap).toBeLessThan(3);
    });
  }
});
