import { describe, expect, it } from "vitest";
import {
  CATEGORIES,
  categoryIdOf,
  dentexDiagnosisOf,
  DENTEX_CATEGORIES_1,
  DENTEX_CATEGORIES_2,
  DENTEX_CATEGORIES_3,
} from "../../../../core/sinks/annotations/categories.js";
import { sampleImage } from "./fixtures.js";

describe("categories", () => {
  it("lists 32 FDI teeth, 5 caries depths, restoration and 3 look-alikes with ids 1..41", () => {
    expect(CATEGORIES).toHaveLength(41);
    expect(CATEGORIES.map((c) => c.id)).toEqual(Array.from({ length: 41 }, (_, k) => k + 1));
    expect(CATEGORIES.slice(0, 9).map((c) => c.name)).toEqual(["11", "12", "13", "14", "15", "16", "17", "18", "21"]);
    expect(CATEGORIES[31]!.name).toBe("48");
    expect(CATEGORIES.slice(32).map((c) => c.name)).toEqual([
      "caries_E1",
      "caries_E2",
      "caries_D1",
      "caries_D2",
      "caries_D3",
      "restoration",
      "lookalike_cervical_burnout",
      "lookalike_overlapping_contact",
      "lookalike_mach_band",
    ]);
  });

  it("maps objects to flat ids and DENTEX diagnoses (D2/D3 deep caries, E1-D1 caries, impacted tooth)", () => {
    const objects = sampleImage().objects;
    expect(objects.map(categoryIdOf)).toEqual([6, 32, 36, 38, 39]);
    expect(objects.map(dentexDiagnosisOf)).toEqual([undefined, 0, 3, undefined, undefined]);
    const lesion = objects[2]!;
    if (lesion.kind !== "lesion") throw new Error("fixture");
    for (const [depth, diagnosis] of [["E1", 1], ["E2", 1], ["D1", 1], ["D2", 3], ["D3", 3]] as const) {
      expect(dentexDiagnosisOf({ ...lesion, attributes: { ...lesion.attributes, depth } })).toBe(diagnosis);
    }
  });

  it("gives DENTEX's hierarchy 0-indexed ids named by the FDI digits, and its four diagnoses in order", () => {
    expect(DENTEX_CATEGORIES_1.map((c) => [c.id, c.name])).toEqual([[0, "1"], [1, "2"], [2, "3"], [3, "4"]]);
    expect(DENTEX_CATEGORIES_2.map((c) => c.name).join("")).toBe("12345678");
    expect(DENTEX_CATEGORIES_3.map((c) => c.name)).toEqual(["Impacted", "Caries", "Periapical Lesion", "Deep Caries"]);
  });
});
