/** The oblique ridge of maxillary molars: a crest across the central groove between the central and distal fossae. */
import { describe, expect, it } from "vitest";
import { morphologyOf } from "../../../../generators/meshes/tooth/tooth-morphology.js";
import { scaledToothDimensions } from "../../../../generators/meshes/tooth/sample-tooth-dimensions.js";
import { ToothShape } from "../../../../generators/meshes/tooth/tooth-shape.js";
import { WHEELER } from "../../../../generators/meshes/tooth/wheeler-table.js";

const shapeOf = (arch: "upper" | "lower", type: "first_molar" | "second_molar") =>
  new ToothShape(scaledToothDimensions(WHEELER[arch][type], 1), morphologyOf(arch, type), arch, false);
/** Occlusal height at normalised occlusal coordinates (X mesial, Y buccal). */
const heightAt = (shape: ToothShape, x: number, y: number) => shape.capHeight(Math.hypot(x, y), Math.atan2(y, x));

describe("oblique ridge", () => {
  it("rises at least 0.5 mm above the central and distal fossae on upper first and second molars", () => {
    for (const type of ["first_molar", "second_molar"] as const) {
      const shape = shapeOf("upper", type);
      // Ridge crest midway between the mesiolingual and distobuccal cusps; the fossae on either side of it
      // along the central groove.
      const crest = heightAt(shape, -0.05, 0);
      expect(crest - heightAt(shape, 0.3, 0.05), `${type} over the central fossa`).toBeGreaterThan(0.5);
      expect(crest - heightAt(shape, -0.45, -0.1), `${type} over the distal fossa`).toBeGreaterThan(0.5);
    }
  });

  it("is absent on the lower first molar, whose central groove runs through", () => {
    const lower = shapeOf("lower", "first_molar");
    expect(heightAt(lower, -0.05, 0) - heightAt(lower, 0.3, 0.05)).toBeLessThan(0.2);
  });
});
