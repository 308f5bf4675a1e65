/**
 * The files that describe the whole run rather than one patient: one COCO JSON over every image, and YOLO's
 * data.yaml. Patients hand in their own COCO fragment (images and annotations numbered locally); here they get
 * global ids that depend only on the patient index and the view's place in the patient's plan, so an image keeps
 * its id whatever the shard split or worker count.
 */
import type { EncodedFile } from "../../core/per-patient-run.js";
import { encodeCocoJson, type CocoDataset, yoloDataYaml } from "../../core/sinks/annotations/index.js";
import type { RadiographsConfig } from "./config.js";

/** Image ids: patient index × IMAGE_STRIDE + view number; a patient never has this many views (2 + 14). */
export const IMAGE_STRIDE = 32;
/** Annotation ids: image id × ANNOTATION_STRIDE + number within the image. */
export const ANNOTATION_STRIDE = 1000;

export interface PatientCoco {
  patientIndex: number;
  /** This patient's images and annotations, ids local (1..n in file-name order). */
  coco: CocoDataset;
}

export const COCO_PATH = "annotations/coco.json";
export const YOLO_YAML_PATH = "data.yaml";

/** Merges patient fragments (in patient order) into one dataset with global, shard-stable ids. */
export function mergeCoco(patients: readonly PatientCoco[], seed: string): CocoDataset {
  const first = patients[0]?.coco;
  const images: CocoDataset["images"] = [];
  const annotations: CocoDataset["annotations"] = [];
  let skipped = 0;
  for (const p of patients) {
    const ids = new Map<number, number>();
    p.coco.images.forEach((im, k) => {
      if (k >= IMAGE_STRIDE) throw new RangeError(`patient ${p.patientIndex} has more than ${IMAGE_STRIDE} images`);
      const id = p.patientIndex * IMAGE_STRIDE + k + 1;
      ids.set(im.id, id);
      images.push({ ...im, id });
    });
    const counter = new Map<number, number>();
    for (const a of p.coco.annotations) {
      const imageId = ids.get(a.image_id)!;
      const n = (counter.get(imageId) ?? 0) + 1;
      if (n >= ANNOTATION_STRIDE) throw new RangeError(`image ${imageId} has more than ${ANNOTATION_STRIDE - 1} annotations`);
      counter.set(imageId, n);
      annotations.push({ ...a, id: imageId * ANNOTATION_STRIDE + n, image_id: imageId });
    }
    skipped += p.coco.info.empty_masks_skipped;
  }
  if (!first) {
    throw new RangeError("no patients to merge");
  }
  return { ...first, info: { ...first.info, seed, empty_masks_skipped: skipped }, images, annotations };
}

export function datasetFiles(config: RadiographsConfig, patients: readonly PatientCoco[]): EncodedFile[] {
  const enc = new TextEncoder();
  const files: EncodedFile[] = [];
  if (patients.length > 0) {
    files.push({ path: COCO_PATH, role: "annotations:coco", format: "json", bytes: enc.encode(encodeCocoJson(mergeCoco(patients, config.seed))) });
  }
  files.push({ path: YOLO_YAML_PATH, role: "annotations:yolo-data", format: "yaml", bytes: enc.encode(yoloDataYaml({ train: "images", val: "images" })) });
  return files;
}
