import { describe, expect, it } from "vitest";
import { rootCountOf, FDI_POSITIONS, archOf, toothTypeOf } from "../../../../generators/patient/dentition.js";
import { morphologyOf } from "../../../../generators/meshes/tooth/tooth-morphology.js";
import { scaledToothDimensions } from "../../../../generators/meshes/tooth/sample-tooth-dimensions.js";
import { MIN_GAP, ToothShape } from "../../../../generators/meshes/tooth/tooth-shape.js";
import { WHEELER } from "../../../../generators/meshes/tooth/wheeler-table.js";

const shapeOf = (arch: "upper" | "lower", type: Parameters<typeof morphologyOf>[1]) =>
  new ToothShape(scaledToothDimensions(WHEELER[arch][type], 1), morphologyOf(arch, type), arch, false);

describe("tooth morphology tables", () => {
  it("give every position the root count of the dentition rules and one root length per root", () => {
    for (const fdi of FDI_POSITIONS) {
      const arch = archOf(fdi);
      const type = toothTypeOf(fdi);
      expect(morphologyOf(arch, type).roots.length, String(fdi)).toBe(rootCountOf(fdi));
      expect(WHEELER[arch][type].rootLengths.length, String(fdi)).toBe(rootCountOf(fdi));
    }
  });

  it("give the textbook cusp counts", () => {
    const cusps = (arch: "upper" | "lower", type: Parameters<typeof morphologyOf>[1]) => morphologyOf(arch, type).cusps.length;
    expect(cusps("upper", "canine")).toBe(1);
    expect(cusps("upper", "first_premolar")).toBe(2);
    expect(cusps("lower", "second_premolar")).toBe(3);
    expect(cusps("upper", "first_molar")).toBe(4);
    expect(cusps("lower", "first_molar")).toBe(5);
    expect(cusps("lower", "second_molar")).toBe(4);
  });
});

describe("ToothShape", () => {
  const molar = shapeOf("upper", "first_molar");
  const incisor = shapeOf("upper", "central_incisor");

  it("raises the CEJ proximally by Wheeler's curvature and keeps it at 0 facially", () => {
    expect(incisor.cejHeight(0)).toBeCloseTo(3.5, 10);
    expect(incisor.cejHeight(Math.PI)).toBeCloseTo(2.5, 10);
    expect(incisor.cejHeight(Math.PI / 2)).toBeCloseTo(0, 10);
  });

  it("puts the highest occlusal point at the crown length", () => {
    let max = -Infinity;
    for (let i = 0; i <= 40; i++) for (let k = 0; k < 90; k++) max = Math.max(max, molar.capHeight(i / 40, (2 * Math.PI * k) / 90));
    expect(max).toBeCloseTo(7.5, 6);
  });

  it("grades enamel: MIN_GAP at the CEJ, ~1.25 mm axially, ~2.5 mm over a molar cusp (dental-domain.md 1.3)", () => {
    expect(molar.wallEnamel(Math.PI / 2, 0)).toBe(MIN_GAP);
    expect(molar.wallEnamel(Math.PI / 2, 3)).toBeCloseTo(1.25, 1);
    const mb = molar.morph.cusps[0]!;
    const s = Math.hypot(mb.x, mb.y);
    expect(molar.capEnamel(s, Math.atan2(mb.y, mb.x))).toBeGreaterThan(2.3);
    expect(molar.capEnamel(0, 0)).toBeLessThan(1.8);
  });

  it("places the molar furcation from the pulp chamber measurements (cusp to furcation ≈ 11 mm)", () => {
    expect(molar.zTop - molar.zFurcation).toBeCloseTo(11.2, 0);
    expect(shapeOf("lower", "first_molar").zTop - shapeOf("lower", "first_molar").zFurcation).toBeCloseTo(10.9, 0);
  });

  it("gives root depth only inside root sectors of a multi-rooted tooth", () => {
    const lower = shapeOf("lower", "first_molar");
    expect(lower.rootAt(0).depth).toBeCloseTo(14 + lower.zFurcation, 6);
    expect(lower.rootAt(Math.PI / 2).depth).toBe(0);
    expect(incisor.rootAt(1.234).depth).toBe(13);
  });
});
