import type { Fdi } from "../../../generators/patient/types.js";
import { DataError } from "../../errors.js";

/** A coded concept as DICOM's Code Sequence Macro writes it (PS3.3 Table 8.8-1). */
export interface CodedConcept {
  CodeValue: string;
  CodingSchemeDesignator: "SCT";
  CodeMeaning: string;
}

/**
 * Anatomic regions for intra-oral radiography, DICOM CID 4016 (PS3.16), SNOMED CT. "Jaw region" is the current
 * code for both jaws (it replaced T-D1217 "Maxilla and mandible"); a bitewing shows both.
 */
export const INTRAORAL_REGIONS = {
  maxilla: { CodeValue: "70925003", CodingSchemeDesignator: "SCT", CodeMeaning: "Maxilla" },
  mandible: { CodeValue: "91609006", CodingSchemeDesignator: "SCT", CodeMeaning: "Mandible" },
  jaw: { CodeValue: "661005", CodingSchemeDesignator: "SCT", CodeMeaning: "Jaw region" },
} as const satisfies Record<string, CodedConcept>;

/**
 * SNOMED CT codes of the 32 permanent teeth, DICOM CID 4018 "Primary Anatomic Structure for Intra-oral Radiography
 * (Permanent Dentition - Designation of Teeth)" (PS3.16, 2022 edition), keyed by FDI (= ISO 3950) number.
 */
const TOOTH_CODES: Readonly<Record<number, string>> = {
  18: "68085002", 17: "863902006", 16: "865995000", 15: "36492000", 14: "57826002", 13: "860767006", 12: "424877001", 11: "422653006",
  21: "424399000", 22: "423185002", 23: "860780009", 24: "61897005", 25: "23226009", 26: "865988009", 27: "863901004", 28: "87704003",
  38: "74344005", 37: "863898000", 36: "866006002", 35: "24573005", 34: "2400006", 33: "860782001", 32: "423331005", 31: "425106001",
  41: "424575004", 42: "423937004", 43: "860785004", 44: "80140008", 45: "8873007", 46: "866005003", 47: "863899008", 48: "38994002",
};

const POSITION_NAMES = ["central incisor", "lateral incisor", "canine", "first premolar", "second premolar", "first molar", "second molar", "third molar"];
const QUADRANT_NAMES = ["maxillary right", "maxillary left", "mandibular left", "mandibular right"];

/** The CID 4018 code of a permanent tooth, e.g. 16 -> 865995000 "Permanent maxillary right first molar tooth". */
export function toothCode(fdi: Fdi): CodedConcept {
  const code = TOOTH_CODES[fdi];
  if (code === undefined) throw new DataError(`no DICOM tooth code for fdi ${fdi}`);
  const quadrant = QUADRANT_NAMES[Math.floor(fdi / 10) - 1] as string;
  const position = POSITION_NAMES[(fdi % 10) - 1] as string;
  return { CodeValue: code, CodingSchemeDesignator: "SCT", CodeMeaning: `Permanent ${quadrant} ${position} tooth` };
}

/** The CID 4016 region of a set of teeth: maxilla or mandible when all are in one jaw, else the jaw region. */
export function regionOfTeeth(teeth: readonly Fdi[]): CodedConcept {
  const upper = teeth.filter((fdi) => fdi < 30).length;
  if (teeth.length > 0 && upper === teeth.length) return INTRAORAL_REGIONS.maxilla;
  if (teeth.length > 0 && upper === 0) return INTRAORAL_REGIONS.mandible;
  return INTRAORAL_REGIONS.jaw;
}
