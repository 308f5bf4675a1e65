export { encodeIntraoralDicom, INTRAORAL_PRESENTATION_SOP_CLASS, SYNTHETIC_DATE, SYNTHETIC_TIME, type IntraoralDicomInput } from "./intraoral-dicom.js";
export { syntheticUid } from "./synthetic-uid.js";
export { INTRAORAL_REGIONS, regionOfTeeth, toothCode, type CodedConcept } from "./dental-codes.js";
