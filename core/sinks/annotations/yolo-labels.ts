import { checkImageAnnotation, type ImageAnnotation } from "./annotation-model.js";
import { categoryIdOf } from "./categories.js";
import { maskBbox } from "./mask-tile.js";
import { DEFAULT_POLYGON_TOLERANCE, maskToPolygons } from "./mask-to-polygons.js";

/** Fixed 6 decimals: sub-pixel on images up to 10^6 px wide, and the same text on every platform. */
function fixed(value: number): string {
  return value.toFixed(6);
}

/**
 * The YOLO detection label file of one image: a line `cls cx cy w h` per object with a non-empty mask, the box
 * centre and size normalised by the image size (0-1), cls the 0-based class (CATEGORIES id - 1; yoloDataYaml has
 * the names). Lines follow the object order; "" when there are none (YOLO reads an empty file as "no objects").
 * Cost O(mask pixels).
 */
export function yoloBoxLabels(annotation: ImageAnnotation): string {
  checkImageAnnotation(annotation);
  const { width, height } = annotation.image;
  let text = "";
  for (const object of annotation.objects) {
    const bbox = maskBbox(object.mask);
    if (bbox === null) continue;
    const [x, y, w, h] = bbox;
    text += `${categoryIdOf(object) - 1} ${fixed((x + w / 2) / width)} ${fixed((y + h / 2) / height)} ${fixed(w / width)} ${fixed(h / height)}\n`;
  }
  return text;
}

/**
 * The YOLO segmentation label file of one image: a line `cls x1 y1 x2 y2 ...` (normalised polygon) per connected
 * component of each object's mask; an object in two pieces gives two lines of the same class (YOLO's format has
 * one polygon per line). Holes are filled, as in the COCO polygons. Cost O(mask pixels).
 */
export function yoloSegmentLabels(annotation: ImageAnnotation, tolerance: number = DEFAULT_POLYGON_TOLERANCE): string {
  checkImageAnnotation(annotation);
  const { width, height } = annotation.image;
  let text = "";
  for (const object of annotation.objects) {
    const cls = categoryIdOf(object) - 1;
    for (const polygon of maskToPolygons(object.mask, tolerance).polygons) {
      text += `${cls} ${polygon.map((v, k) => fixed(v / (k % 2 === 0 ? width : height))).join(" ")}\n`;
    }
  }
  return text;
}

/** The label file name YOLO pairs with an image: the same base name with `.txt` ("a/P1_BW_R.png" -> "a/P1_BW_R.txt"). */
export function yoloLabelFileName(imageFileName: string): string {
  const slash = imageFileName.lastIndexOf("/") + 1;
  const dot = imageFileName.lastIndexOf(".");
  return `${dot > slash ? imageFileName.slice(0, dot) : imageFileName}.txt`;
}
