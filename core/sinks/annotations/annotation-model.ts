import type { DepthClass, Fdi, ICCMS_OF_DEPTH, Surface } from "../../../generators/patient/types.js";
import type { Material } from "../../../generators/meshes/materials.js";
import { DataError } from "../../errors.js";
import { checkTile, type MaskTile } from "./mask-tile.js";

/**
 * The ground truth of one synthetic radiograph, in memory: the image and every object drawn on it, each with a
 * binary mask. COCO, YOLO and label-mask PNGs are all written from this one model, so they cannot disagree.
 */
export interface ImageAnnotation {
  image: AnnotatedImage;
  objects: AnnotatedObject[];
}

/** Intra-oral views the generator renders (dental-domain.md 2.1); panoramic views are not generated. */
export type RadiographView = "bitewing" | "periapical";

export interface AnnotatedImage {
  /** File name relative to the image folder, e.g. "P000001_BW_R.png"; the COCO/YOLO join key, unique in a dataset. */
  fileName: string;
  width: number;
  height: number;
  /** Physical size of one (square) pixel at the detector, in mm. */
  pixelSizeMm: number;
  view: RadiographView;
  /** The virtual patient's id (`P` + index); synthetic, never a real identifier. */
  patientId: string;
}

export type ObjectKind = "tooth" | "lesion" | "restoration" | "lookalike";

/**
 * One object drawn on the image. `fdi` is the tooth it belongs to (FDI two-digit number, 11-48; for a contact
 * look-alike, the tooth whose proximal surface it lies on). `mask` is its binary mask; `attributes` depend on the
 * kind. Switch on `kind` to narrow the attributes.
 */
export type AnnotatedObject =
  | { kind: "tooth"; fdi: Fdi; mask: MaskTile; attributes?: ToothAttributes }
  | { kind: "lesion"; fdi: Fdi; mask: MaskTile; attributes: LesionAttributes }
  | { kind: "restoration"; fdi: Fdi; mask: MaskTile; attributes: RestorationAttributes }
  | { kind: "lookalike"; fdi: Fdi; mask: MaskTile; attributes: LookalikeAttributes };

export interface ToothAttributes {
  /** Impacted tooth (e.g. an unerupted third molar): DENTEX diagnosis 0 "Impacted". */
  impacted?: boolean;
}

/** A caries lesion, as the patient record has it; joins to the record by `lesionId` (`${patientId}-L${n}`). */
export interface LesionAttributes {
  lesionId: string;
  depth: DepthClass;
  iccms: (typeof ICCMS_OF_DEPTH)[DepthClass];
  surface: Surface;
  cavitated: boolean;
  /** Secondary caries at the margin of a filling. */
  recurrent: boolean;
}

/** What a restoration volume is (the mesh generator's VolumeRole without the "restoration:" prefix). */
export type RestorationRole = "filling" | "crown" | "root_filling" | "implant_fixture" | "abutment" | "pontic";

export interface RestorationAttributes {
  material: Material;
  role: RestorationRole;
}

/**
 * Radiographic appearances that mimic caries but are not caries (dental-domain.md 2.3): negatives for detectors.
 * - cervical_burnout: the radiolucent band at the tooth neck between the enamel cap and the alveolar crest.
 * - overlapping_contact: where neighbouring crowns overlap in the projection; the proximal surface beside the
 *   overlap reads as a false radiolucency.
 * - mach_band: the dark band perceived next to a bright edge (enamel cap, restoration), an edge-contrast effect.
 */
export type LookalikeType = "cervical_burnout" | "overlapping_contact" | "mach_band";

export interface LookalikeAttributes {
  type: LookalikeType;
}

/** FDI numbers of the permanent dentition, 11-18, 21-28, 31-38, 41-48. */
export function isPermanentFdi(fdi: number): boolean {
  return Number.isInteger(fdi) && fdi >= 11 && fdi <= 48 && fdi % 10 >= 1 && fdi % 10 <= 8;
}

/**
 * Checks the annotation of one image: size, pixel size, FDI numbers and mask tiles inside the image. Throws a
 * DataError naming the file and the object index. Cost O(objects).
 */
export function checkImageAnnotation(annotation: ImageAnnotation): void {
  const { image } = annotation;
  const where = `image ${JSON.stringify(image.fileName)}`;
  if (!image.fileName) throw new DataError(`${where}: empty file name`);
  if (!Number.isInteger(image.width) || !Number.isInteger(image.height) || image.width < 1 || image.height < 1) {
    throw new DataError(`${where}: invalid size ${image.width}x${image.height}`);
  }
  if (!(image.pixelSizeMm > 0 && Number.isFinite(image.pixelSizeMm))) throw new DataError(`${where}: invalid pixelSizeMm ${image.pixelSizeMm}`);
  annotation.objects.forEach((object, k) => {
    const what = `${where} object ${k} (${object.kind})`;
    if (!isPermanentFdi(object.fdi)) throw new DataError(`${what}: invalid fdi ${object.fdi}`);
    checkTile(what, object.mask, image.width, image.height);
  });
}
