import type { DepthClass } from "../../../generators/patient/types.js";
import type { AnnotatedObject, LookalikeType } from "./annotation-model.js";

/** A COCO category: `{id, name, supercategory}`. */
export interface CocoCategory {
  id: number;
  name: string;
  supercategory: string;
}

/** The 32 permanent teeth in FDI order: quadrant 1 (upper right) 11-18, then 21-28, 31-38, 41-48. */
export const FDI_TEETH: readonly number[] = [1, 2, 3, 4].flatMap((q) => [1, 2, 3, 4, 5, 6, 7, 8].map((t) => q * 10 + t));

const CARIES_DEPTHS: readonly DepthClass[] = ["E1", "E2", "D1", "D2", "D3"];
const LOOKALIKE_TYPES: readonly LookalikeType[] = ["cervical_burnout", "overlapping_contact", "mach_band"];

/**
 * The flat class list every output shares: COCO `category_id` (1-based, as pycocotools and mmdetection expect),
 * YOLO class index (= id - 1, 0-based), and the class-mask pixel value (= id; 0 is background).
 *
 * |  id   | YOLO  | name                              | supercategory |
 * |-------|-------|-----------------------------------|---------------|
 * |  1-32 |  0-31 | "11" ... "18", "21" ... "48"      | tooth         |
 * | 33-37 | 32-36 | caries_E1, caries_E2, caries_D1, caries_D2, caries_D3 | caries |
 * |   38  |   37  | restoration                       | restoration   |
 * | 39-41 | 38-40 | lookalike_cervical_burnout, lookalike_overlapping_contact, lookalike_mach_band | lookalike |
 *
 * Teeth are named by their FDI number as in UFBA-425's 32 YOLO classes '11'...'48' (dental-domain.md 4.3).
 * Caries is split by radiographic depth because the depth is the label that matters for treatment; look-alikes
 * are separate classes so a detector can learn them as negatives (they are NOT caries) and an evaluation can
 * count caries predictions that land on them. Restoration material and role are attributes, not classes.
 */
export const CATEGORIES: readonly CocoCategory[] = [
  ...FDI_TEETH.map((fdi) => ({ name: String(fdi), supercategory: "tooth" })),
  ...CARIES_DEPTHS.map((depth) => ({ name: `caries_${depth}`, supercategory: "caries" })),
  { name: "restoration", supercategory: "restoration" },
  ...LOOKALIKE_TYPES.map((type) => ({ name: `lookalike_${type}`, supercategory: "lookalike" })),
].map((c, k) => ({ id: k + 1, ...c }));

const ID_BY_NAME = new Map(CATEGORIES.map((c) => [c.name, c.id]));

/** The flat category id of an object (see CATEGORIES). */
export function categoryIdOf(object: AnnotatedObject): number {
  const name =
    object.kind === "tooth"
      ? String(object.fdi)
      : object.kind === "lesion"
        ? `caries_${object.attributes.depth}`
        : object.kind === "restoration"
          ? "restoration"
          : `lookalike_${object.attributes.type}`;
  return ID_BY_NAME.get(name) as number;
}

/**
 * DENTEX's three hierarchical category lists (dental-domain.md 4.2; DENTEX, MICCAI 2023): quadrant and tooth
 * position are 0-indexed ids whose names are the FDI digits, so FDI = `${categories_1[q].name}${categories_2[t].name}`.
 * Ids equal digit - 1 here (DENTEX's own files remap quadrant ids between releases; ours never do).
 */
export const DENTEX_CATEGORIES_1: readonly CocoCategory[] = [1, 2, 3, 4].map((q) => ({ id: q - 1, name: String(q), supercategory: "quadrant" }));
export const DENTEX_CATEGORIES_2: readonly CocoCategory[] = [1, 2, 3, 4, 5, 6, 7, 8].map((t) => ({ id: t - 1, name: String(t), supercategory: "enumeration" }));
/** DENTEX diagnosis classes, in DENTEX's order. "Periapical Lesion" (2) is listed but never generated. */
export const DENTEX_CATEGORIES_3: readonly CocoCategory[] = ["Impacted", "Caries", "Periapical Lesion", "Deep Caries"].map((name, id) => ({
  id,
  name,
  supercategory: "diagnosis",
}));

/**
 * DENTEX diagnosis of an object, or undefined when it has none (healthy tooth, restoration, look-alike).
 * Mapping: lesions D2 and D3 (middle and inner third of dentin, ICCMS RB4/RC5) are 3 "Deep Caries"; E1, E2 and D1
 * (enamel and outer third of dentin, ICCMS RA1-RA3) are 1 "Caries"; an impacted tooth is 0 "Impacted". DENTEX
 * publishes no depth threshold for "deep"; we put it at the middle third of dentin, where ICCMS moves from initial
 * (RA) to moderate/extensive (RB/RC) and operative treatment is usually indicated.
 */
export function dentexDiagnosisOf(object: AnnotatedObject): number | undefined {
  if (object.kind === "lesion") return object.attributes.depth === "D2" || object.attributes.depth === "D3" ? 3 : 1;
  if (object.kind === "tooth" && object.attributes?.impacted === true) return 0;
  return undefined;
}
