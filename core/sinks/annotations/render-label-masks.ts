import { DataError } from "../../errors.js";
import type { GrayImage16, GrayImage8 } from "../image/gray-image.js";
import { checkImageAnnotation, type ImageAnnotation, type ObjectKind } from "./annotation-model.js";
import { categoryIdOf } from "./categories.js";

/**
 * Painting order where objects overlap: later kinds win. A lesion lies inside a tooth and must stay visible; a
 * look-alike lies on a tooth too; a restoration replaces tooth substance. Within a kind, later objects win.
 */
const PAINT_ORDER: Readonly<Record<ObjectKind, number>> = { tooth: 0, restoration: 1, lookalike: 2, lesion: 3 };

export interface LabelMasks {
  /** Per pixel the flat category id (CATEGORIES; 0 = background), 8-bit. */
  classMask: GrayImage8;
  /** Per pixel the instance id = object index + 1 in `annotation.objects` (0 = background), 16-bit. */
  instanceMask: GrayImage16;
}

/**
 * The per-pixel class and instance masks of one image, painted from the object masks in PAINT_ORDER. A pixel holds
 * one object, so an object under another loses those pixels here (a tooth under its lesion); the COCO
 * annotations keep every object's full mask. Instance ids follow the object order, the same order as the image's
 * COCO annotations. Deterministic. Cost O(image + mask pixels).
 */
export function renderLabelMasks(annotation: ImageAnnotation): LabelMasks {
  checkImageAnnotation(annotation);
  const { width, height } = annotation.image;
  if (annotation.objects.length > 65535) throw new DataError(`image ${JSON.stringify(annotation.image.fileName)}: ${annotation.objects.length} objects exceed 65535 instance ids`);
  const classes = new Uint8Array(width * height);
  const instances = new Uint16Array(width * height);
  const order = annotation.objects.map((object, index) => ({ object, index }));
  order.sort((a, b) => PAINT_ORDER[a.object.kind] - PAINT_ORDER[b.object.kind] || a.index - b.index);
  for (const { object, index } of order) {
    const { x0, y0, w, h, data } = object.mask;
    const category = categoryIdOf(object);
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        if (data[j * w + i] === 0) continue;
        const p = (y0 + j) * width + x0 + i;
        classes[p] = category;
        instances[p] = index + 1;
      }
    }
  }
  return { classMask: { width, height, data: classes }, instanceMask: { width, height, data: instances } };
}
