/**
 * Every one of the 32 FDI positions over two more seeds, with the lingual relief, premolar outline, oblique
 * ridge and root bend in place: closed, genus-0, self-intersection-free, nested layers; sized as drawn (±5 %), the
 * mean shape within ±15 % of Wheeler; the right
 * root count; and the outer and dentin layers on one grid (same vertex count and faces, so vertex k of one
 * corresponds to vertex k of the other, which the lesion builder relies on).
 */
import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { FDI_POSITIONS, archOf, rootCountOf, toothTypeOf } from "../../../../generators/patient/dentition.js";
import { renderTooth } from "../../../../generators/meshes/tooth/render-tooth.js";
import { samplePatientToothScale } from "../../../../generators/meshes/tooth/sample-tooth-dimensions.js";
import { WHEELER } from "../../../../generators/meshes/tooth/wheeler-table.js";
import { countRoots, expectClosedLayer, expectDimensions, expectNested } from "./tooth-checks.js";

describe.each(["all-a", "all-b"])("all 32 teeth, seed %s", (seed) => {
  const patient = new Rng(seed);
  const patientScale = samplePatientToothScale(patient.fork("scale"));
  for (const fdi of FDI_POSITIONS) {
    it(`${fdi}: invariants hold`, () => {
      const tooth = renderTooth(fdi, patient.fork(String(fdi)), { patientScale });
      expectClosedLayer(tooth.outer, `${fdi} outer`);
      expectClosedLayer(tooth.dentin, `${fdi} dentin`);
      expectClosedLayer(tooth.pulp, `${fdi} pulp`);
      expectNested(tooth);
      expectDimensions(tooth, tooth.dimensions, 0.05);
      // The mean shape within ±15 % of Wheeler (drawn roots may stray further: sample-tooth-dimensions.test.ts).
      expectDimensions(renderTooth(fdi, patient.fork(String(fdi)), { variation: false }), WHEELER[archOf(fdi)][toothTypeOf(fdi)], 0.15);
      expect(countRoots(tooth)).toBe(rootCountOf(fdi));
      expect(tooth.dentin.positions.length).toBe(tooth.outer.positions.length);
      expect(Buffer.from(tooth.dentin.indices.buffer).equals(Buffer.from(tooth.outer.indices.buffer))).toBe(true);
    });
  }
});
