/**
 * The files that describe the whole run rather than one patient: one COCO JSON over every image, and YOLO's
 * data.yaml. Patients hand in their own COCO fragment (images and annotations numbered locally); here they get
 * global ids that depend only on the patient index and the view's place in the patient's plan, so an image keeps
 * its id whatever the shard split or worker count.
 */
import type { EncodedFile } from "../../core/per-patient-run.js";
import { encodeCocoJson, type CocoDataset, yoloDataYaml } from "../../core/sinks/annotations/index.js";
import type { RadiographsConfig } from "./config.js";
import type { Acquisition } from "./encode-patient-radiographs.js";

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
export const IMAGES_CSV_PATH = "images.csv";

/** images.csv: one row per image with how it was taken (numbers to 4 significant decimals, fixed text). */
export function imagesCsv(patients: readonly { acquisitions: readonly Acquisition[] }[]): string {
  const columns: (keyof Acquisition)[] = ["fileName", "patientId", "view", "sensor", "kvp", "mA", "seconds", "verticalDeg", "horizontalDeg", "magnification", "pixelSizeMm"];
  const header = ["file_name", "patient_id", "view", "sensor", "kvp", "ma", "seconds", "vertical_deg", "horizontal_deg", "magnification", "pixel_size_mm"];
  const cell = (v: string | number) => (typeof v === "number" ? String(Number(v.toFixed(4))) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = patients.flatMap((p) => p.acquisitions.map((a) => columns.map((c) => cell(a[c])).join(",")));
  return [header.join(","), ...rows].join("\n") + "\n";
}

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

export function datasetFiles(config: RadiographsConfig, patients: readonly (PatientCoco & { acquisitions: readonly Acquisition[] })[]): EncodedFile[] {
  const enc = new TextEncoder();
  const files: EncodedFile[] = [];
  if (patients.length > 0) {
    files.push({ path: COCO_PATH, role: "annotations:coco", format: "json", bytes: enc.encode(encodeCocoJson(mergeCoco(patients, config.seed))) });
  }
  files.push({ path: IMAGES_CSV_PATH, role: "table:images", format: "csv", bytes: enc.encode(imagesCsv(patients)) });
  files.push({ path: YOLO_YAML_PATH, role: "annotations:yolo-data", format: "yaml", bytes: enc.encode(yoloDataYaml({ train: "images", val: "images" })) });
  return files;
}
