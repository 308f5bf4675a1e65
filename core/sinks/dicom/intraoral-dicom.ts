import dcmjs from "dcmjs";
import type { Fdi } from "../../../generators/patient/types.js";
import { DataError } from "../../errors.js";
import { TOOL_VERSION } from "../../version.js";
import { checkBits, checkRaster, type GrayImage16 } from "../image/gray-image.js";
import { regionOfTeeth, toothCode } from "./dental-codes.js";
import { syntheticUid } from "./synthetic-uid.js";

/** Digital Intra-Oral X-Ray Image Storage - For Presentation (PS3.4 B.5). */
export const INTRAORAL_PRESENTATION_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.1.3";
/** Explicit VR Little Endian: uncompressed, readable by every DICOM toolkit. */
const EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
/** Identifies the writing software in the file meta header; fixed, so it never changes the bytes between runs. */
const IMPLEMENTATION_CLASS_UID = syntheticUid("dentsynth", "implementation");
/**
 * The one date and time every file carries. Synthetic images have no acquisition time, and reading the clock
 * would break byte-identical output, so all Type 2 dates are this constant (chosen as an obvious placeholder).
 */
export const SYNTHETIC_DATE = "20000101";
export const SYNTHETIC_TIME = "000000";

export interface IntraoralDicomInput {
  /** The radiograph, 12 bits stored in 16 (0..4095), MONOCHROME2 (higher = brighter = more attenuation). */
  image: GrayImage16;
  /** The run's master seed: part of every UID, so two runs with different seeds never share UIDs. */
  seed: string;
  /** The virtual patient's id; PatientID and part of PatientName. */
  patientId: string;
  /** Identifies the image within the patient (e.g. its file name or "BW_R"); part of the SOP Instance UID. */
  imageKey: string;
  /** Detector pixel size in mm (ImagerPixelSpacing and PixelSpacing; no magnification correction). */
  pixelSizeMm: number;
  /** Named in ImageComments (DICOM has no Type 1 attribute for bitewing vs periapical). */
  view: "bitewing" | "periapical";
  /** Teeth shown (CID 4018 codes in PrimaryAnatomicStructureSequence); also decides the anatomic region. */
  teeth: readonly Fdi[];
  /**
   * Image Laterality: R or L for a posterior view of one side, B for an anterior view across the midline.
   * Default: R when every tooth is in quadrant 1 or 4, L when in 2 or 3, otherwise B.
   */
  laterality?: "R" | "L" | "B";
  /** Patient sex as DICOM codes it; "" (unknown) by default. */
  patientSex?: "F" | "M" | "O" | "";
  /** Age in whole years (PatientAge "034Y"); omitted by default. */
  patientAgeYears?: number;
  instanceNumber?: number;
  /**
   * Also write Synthetic Data (0008,001C) = YES, the SOP Common attribute made for this (added to the standard in
   * 2022). Off by default: validators built from older editions (Debian 12's dicom3tools) report it as an
   * unrecognised standard tag, an error.
   */
  syntheticDataElement?: boolean;
  /** VOI LUT window in stored values; default the whole 12-bit range (centre 2048, width 4096). */
  window?: { center: number; width: number };
}

/**
 * A Digital Intra-Oral X-Ray Image (For Presentation) as DICOM Part 10 bytes, written with dcmjs: 16 bits
 * allocated, 12 stored (high bit 11), unsigned, MONOCHROME2, Explicit VR Little Endian, and every mandatory module
 * of the IOD (PS3.3 A.26.1): Patient, General Study, General Series, DX Series, Intra-oral Series, General
 * Equipment, General Acquisition, General Image, Image Pixel, DX Anatomy Imaged, DX Image, DX Detector, Intra-oral
 * Image, VOI LUT, Acquisition Context and SOP Common.
 *
 * Everything says the data is synthetic: PatientName "SYNTHETIC^<id>", Manufacturer "dentsynth (synthetic data)",
 * BurnedInAnnotation NO and an ImageComments note. Deterministic: UIDs come
 * from syntheticUid(seed, patient, ...) (study and series per patient, instance per image key) and dates are the
 * SYNTHETIC_DATE constant, so the same input gives identical bytes. Cost O(pixels).
 *
 * @example encodeIntraoralDicom({ image, seed: "42", patientId: "P000001", imageKey: "BW_R", pixelSizeMm: 0.02, view: "bitewing", teeth: [14, 15, 16, 44, 45, 46] })
 */
export function encodeIntraoralDicom(input: IntraoralDicomInput): Uint8Array {
  const { image, seed, patientId, imageKey, pixelSizeMm, view, teeth } = input;
  checkRaster("intra-oral DICOM", image);
  checkBits("intra-oral DICOM", image, 12);
  if (image.width > 65535 || image.height > 65535) throw new DataError(`intra-oral DICOM: ${image.width}x${image.height} exceeds 65535 rows or columns`);
  if (!(pixelSizeMm > 0 && Number.isFinite(pixelSizeMm))) throw new DataError(`intra-oral DICOM: invalid pixelSizeMm ${pixelSizeMm}`);
  if (!/^[A-Za-z0-9_-]{1,58}$/.test(patientId)) throw new DataError(`intra-oral DICOM: invalid patientId ${JSON.stringify(patientId)}`);
  if (teeth.length === 0) throw new DataError("intra-oral DICOM: no teeth given");
  const laterality = input.laterality ?? lateralityOf(teeth);
  const window = input.window ?? { center: 2048, width: 4096 };
  const studyUid = syntheticUid(seed, patientId, "study");
  const seriesUid = syntheticUid(seed, patientId, "series");
  const instanceUid = syntheticUid(seed, patientId, "image", imageKey);
  const spacing = decimalString(pixelSizeMm);

  const dataset: Record<string, unknown> = {
    // SOP Common
    SOPClassUID: INTRAORAL_PRESENTATION_SOP_CLASS,
    SOPInstanceUID: instanceUid,
    ...(input.syntheticDataElement === true ? { SyntheticData: "YES" } : {}),
    // Patient
    PatientName: `SYNTHETIC^${patientId}`,
    PatientID: patientId,
    PatientBirthDate: "",
    PatientSex: input.patientSex ?? "",
    ...(input.patientAgeYears === undefined ? {} : { PatientAge: `${String(Math.trunc(input.patientAgeYears)).padStart(3, "0")}Y` }),
    // General Study
    StudyInstanceUID: studyUid,
    StudyDate: SYNTHETIC_DATE,
    StudyTime: SYNTHETIC_TIME,
    ReferringPhysicianName: "",
    StudyID: patientId.slice(-16),
    AccessionNumber: "",
    StudyDescription: "Synthetic intra-oral radiographs",
    // General Series, DX Series, Intra-oral Series
    Modality: "IO",
    SeriesInstanceUID: seriesUid,
    SeriesNumber: 1,
    SeriesDescription: "dentsynth synthetic",
    PresentationIntentType: "FOR PRESENTATION",
    // General Equipment
    Manufacturer: "dentsynth (synthetic data)",
    ManufacturerModelName: "dentsynth radiograph generator",
    SoftwareVersions: TOOL_VERSION,
    // General Image, DX Image
    InstanceNumber: input.instanceNumber ?? 1,
    PatientOrientation: patientOrientationOf(laterality),
    ContentDate: SYNTHETIC_DATE,
    ContentTime: SYNTHETIC_TIME,
    ImageType: ["DERIVED", "PRIMARY"],
    ImageComments: `SYNTHETIC ${view} image generated by dentsynth (seed ${seed}); not from a real patient`,
    BurnedInAnnotation: "NO",
    LossyImageCompression: "00",
    PixelIntensityRelationship: "LIN",
    PixelIntensityRelationshipSign: 1,
    RescaleIntercept: 0,
    RescaleSlope: 1,
    RescaleType: "US",
    PresentationLUTShape: "IDENTITY",
    // Image Pixel
    SamplesPerPixel: 1,
    PhotometricInterpretation: "MONOCHROME2",
    Rows: image.height,
    Columns: image.width,
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    PixelRepresentation: 0,
    // DX Detector
    DetectorType: "SCINTILLATOR",
    ImagerPixelSpacing: [spacing, spacing],
    PixelSpacing: [spacing, spacing],
    // DX Anatomy Imaged, Intra-oral Image
    ImageLaterality: laterality,
    PositionerType: "NONE",
    AnatomicRegionSequence: [{ ...regionOfTeeth(teeth) }],
    PrimaryAnatomicStructureSequence: [...new Set(teeth)].sort((a, b) => a - b).map(toothCode),
    // VOI LUT
    WindowCenter: window.center,
    WindowWidth: window.width,
    // Acquisition Context: Type 2, empty (no acquisition).
    AcquisitionContextSequence: [],
    PixelData: [littleEndian(image.data)],
    _vrMap: { PixelData: "OW" },
  };
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: INTRAORAL_PRESENTATION_SOP_CLASS,
    MediaStorageSOPInstanceUID: instanceUid,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: `DENTSYNTH_${TOOL_VERSION}`.slice(0, 16),
  };
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const file = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  file.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(file.write());
}

/** R for teeth of the patient's right side only (quadrants 1, 4), L for the left (2, 3), else B. */
function lateralityOf(teeth: readonly Fdi[]): "R" | "L" | "B" {
  const right = teeth.filter((fdi) => Math.floor(fdi / 10) === 1 || Math.floor(fdi / 10) === 4).length;
  return right === teeth.length ? "R" : right === 0 ? "L" : "B";
}

/**
 * Patient Orientation (row direction \ column direction) for films mounted as seen from the labial/buccal side
 * with the patient's right on the viewer's left (ADA mounting convention): columns run toward the feet (upper
 * teeth on top); rows run toward anterior on the right side, posterior on the left side, and toward the
 * patient's left across the midline.
 */
function patientOrientationOf(laterality: "R" | "L" | "B"): [string, string] {
  return [laterality === "R" ? "A" : laterality === "L" ? "P" : "L", "F"];
}

/** A DICOM Decimal String of at most 16 characters (PS3.5 6.2). */
function decimalString(value: number): string {
  const text = String(Number(value.toPrecision(10)));
  if (text.length > 16) throw new DataError(`intra-oral DICOM: ${value} does not fit a decimal string`);
  return text;
}

/** The samples as little-endian bytes in a fresh buffer (the input may be a view, and hosts may be big-endian). */
function littleEndian(data: Uint16Array): ArrayBuffer {
  const buffer = new ArrayBuffer(data.length * 2);
  const view = new DataView(buffer);
  for (let i = 0; i < data.length; i++) view.setUint16(2 * i, data[i] as number, true);
  return buffer;
}
