import { describe, expect, it } from "vitest";
import { INTRAORAL_REGIONS, regionOfTeeth, toothCode } from "../../../../core/sinks/dicom/dental-codes.js";

describe("dental codes", () => {
  it("gives the CID 4018 SNOMED code and meaning of each permanent tooth", () => {
    expect(toothCode(16)).toEqual({ CodeValue: "865995000", CodingSchemeDesignator: "SCT", CodeMeaning: "Permanent maxillary right first molar tooth" });
    expect(toothCode(31).CodeMeaning).toBe("Permanent mandibular left central incisor tooth");
    const all = [1, 2, 3, 4].flatMap((q) => [1, 2, 3, 4, 5, 6, 7, 8].map((t) => toothCode(q * 10 + t).CodeValue));
    expect(new Set(all).size).toBe(32);
    expect(() => toothCode(19)).toThrow("no DICOM tooth code for fdi 19");
  });

  it("picks the CID 4016 region from the teeth: one jaw, or the jaw region for both", () => {
    expect(regionOfTeeth([14, 15, 16])).toBe(INTRAORAL_REGIONS.maxilla);
    expect(regionOfTeeth([46, 47])).toBe(INTRAORAL_REGIONS.mandible);
    expect(regionOfTeeth([16, 46])).toBe(INTRAORAL_REGIONS.jaw);
  });
});
