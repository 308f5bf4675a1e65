/**
 * Materials of restorations: fillings drawn from shares by tooth region, crowns from the patient's lab case
 * for the tooth when there is one, otherwise drawn from the same shares the lab cases use.
 */
import type { Rng } from "../../../core/rng.js";
import { MATERIAL_SHARES, MATERIALS_EXCLUDED } from "../../patient/priors-lab.js";
import type { Fdi, LabCase, LabMaterial, LabRestorationType } from "../../patient/types.js";
import type { Material } from "../materials.js";

/**
 * Direct filling materials, posterior and anterior teeth.
 * source: [U] no share of placed restorations by material was found in the reference; amalgam use has been
 * falling for decades and composite dominates new fillings, so posterior amalgam 35 %, composite 60 %, glass
 * ionomer 5 %; anterior composite 92 %, glass ionomer 8 % (cervical and temporary use).
 */
export const FILLING_SHARES: Readonly<Record<"anterior" | "posterior", readonly (readonly [Material, number])[]>> = {
  posterior: [
    ["amalgam", 0.35],
    ["composite", 0.6],
    ["glass_ionomer", 0.05],
  ],
  anterior: [
    ["composite", 0.92],
    ["glass_ionomer", 0.08],
  ],
};

export function drawFillingMaterial(posterior: boolean, rng: Rng): Material {
  const shares = FILLING_SHARES[posterior ? "posterior" : "anterior"];
  return rng.pick(
    shares.map(([m]) => m),
    shares.map(([, w]) => w),
  );
}

/** A crown's materials: its body, and for porcelain-fused-to-metal the metal coping under the porcelain. */
export interface CrownMaterials {
  body: Material;
  coping: Material | null;
}

/** Lab material → the renderer's materials: zirconias are zirconia, glass ceramics ceramic, PFM ceramic over a
 * metal coping, full cast metal metal alloy. */
export function crownMaterialsOf(material: LabMaterial): CrownMaterials {
  switch (material) {
    case "monolithic_zirconia":
    case "layered_zirconia":
      return { body: "zirconia", coping: null };
    case "lithium_disilicate":
    case "leucite_glass_ceramic":
      return { body: "ceramic", coping: null };
    case "pfm":
      return { body: "ceramic", coping: "metal_alloy" };
    case "full_cast_metal":
      return { body: "metal_alloy", coping: null };
  }
}

/**
 * The lab material of the restoration at `fdi`: the patient's lab case for that tooth if any, else a draw from
 * the dentists' choices (MATERIAL_SHARES, J Dent 2016;55:40 [V]) without the materials the case type excludes.
 */
export function labMaterialAt(fdi: Fdi, labCases: readonly LabCase[], type: LabRestorationType, posterior: boolean, rng: Rng): LabMaterial {
  const labCase = labCases.find((c) => c.teeth.includes(fdi));
  if (labCase) return labCase.material;
  const excluded = MATERIALS_EXCLUDED[type];
  const entries = Object.entries(MATERIAL_SHARES[posterior ? "posterior" : "anterior"]).filter(([m]) => !excluded.includes(m as LabMaterial)) as [LabMaterial, number][];
  return rng.pick(
    entries.map(([m]) => m),
    entries.map(([, w]) => w),
  );
}
