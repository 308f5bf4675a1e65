import { describe, expect, it } from "vitest";
import type { Material } from "../../../../generators/meshes/materials.js";
import { ATTENUATION, attenuationTable, deltaMu, deltaMuIn, mu } from "../../../../generators/radiographs/projection/attenuation.js";

const MATERIALS: readonly Material[] = [
  "enamel", "dentin", "pulp", "amalgam", "composite", "glass_ionomer", "ceramic", "zirconia", "metal_alloy", "titanium", "gutta_percha", "air",
];

describe("attenuation table", () => {
  it("covers every material plus the scene's tissues with a finite, non-negative μ", () => {
    for (const m of [...MATERIALS, "soft_tissue", "cortical_bone", "trabecular_bone"] as const) {
      expect(Number.isFinite(ATTENUATION[m]) && ATTENUATION[m] >= 0, m).toBe(true);
    }
  });

  it("keeps the radiographic order metal ≫ enamel > dentin ≈ cortical bone > trabecular bone > pulp ≈ soft tissue ≫ air", () => {
    const a = ATTENUATION;
    expect(a.enamel / a.dentin).toBeCloseTo(1.46, 2); // JDR 1966: 0.35 / 0.24
    for (const metal of ["amalgam", "metal_alloy", "zirconia", "titanium"] as const) expect(a[metal]).toBeGreaterThan(4 * a.enamel);
    expect(a.amalgam).toBeGreaterThan(50 * a.enamel);
    expect(Math.abs(a.cortical_bone - a.dentin) / a.dentin).toBeLessThan(0.1);
    expect(a.trabecular_bone / a.cortical_bone).toBeGreaterThanOrEqual(0.3);
    expect(a.trabecular_bone / a.cortical_bone).toBeLessThanOrEqual(0.5);
    expect(a.trabecular_bone).toBeGreaterThan(a.pulp);
    expect(a.pulp).toBe(a.soft_tissue);
    expect(a.soft_tissue).toBeGreaterThanOrEqual(0.03);
    expect(a.soft_tissue).toBeLessThanOrEqual(0.04);
    expect(a.air).toBeLessThan(a.soft_tissue / 100);
    expect(a.gutta_percha).toBeGreaterThan(a.enamel);
  });

  it("offers a radiolucent (old) composite below dentin and a radiopaque (modern) one at enamel", () => {
    expect(attenuationTable({ composite: "radiolucent" }).composite).toBeLessThan(ATTENUATION.dentin);
    expect(ATTENUATION.composite).toBeGreaterThanOrEqual(ATTENUATION.enamel);
  });
});

describe("deltaMu", () => {
  it("is μ(material)·density − μ(host)", () => {
    // A lesion that lost 40 % of its mineral inside enamel: 0.35·0.6 − 0.35 = −0.14 mm⁻¹.
    const lesion = deltaMu({ material: "enamel", density: 0.6, host: "enamel" });
    expect(lesion.host).toBe("resolved");
    if (lesion.host === "resolved") expect(lesion.value).toBeCloseTo(-0.14, 12);
    // Dentin inside enamel: 0.24 − 0.35; pulp inside dentin: 0.033 − 0.24.
    expect(deltaMuIn({ material: "dentin" }, "enamel")).toBeCloseTo(-0.11, 12);
    expect(deltaMuIn({ material: "pulp" }, "dentin")).toBeCloseTo(0.033 - 0.24, 12);
    expect(mu("amalgam", 0.5)).toBeCloseTo(ATTENUATION.amalgam / 2, 12);
  });

  it("returns both candidates for a volume in the surroundings, for the caller to resolve per ray", () => {
    const crown = deltaMu({ material: "enamel", host: "surroundings" });
    expect(crown).toEqual({ host: "surroundings", softTissue: 0.35 - 0.033, bone: 0.35 - ATTENUATION.trabecular_bone });
    const cortical = deltaMu({ material: "titanium", host: "surroundings" }, { bone: "cortical_bone" });
    if (cortical.host !== "surroundings") throw new Error("expected surroundings");
    expect(cortical.bone).toBeCloseTo(ATTENUATION.titanium - ATTENUATION.cortical_bone, 12);
  });

  it("rejects unknown materials and negative densities", () => {
    expect(() => mu("unobtainium" as Material)).toThrow(/unknown material/);
    expect(() => mu("enamel", -0.1)).toThrow(/invalid density/);
  });
});
