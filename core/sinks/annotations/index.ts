export {
  checkImageAnnotation,
  isPermanentFdi,
  type AnnotatedImage,
  type AnnotatedObject,
  type ImageAnnotation,
  type LesionAttributes,
  type LookalikeAttributes,
  type LookalikeType,
  type ObjectKind,
  type RadiographView,
  type RestorationAttributes,
  type RestorationRole,
  type ToothAttributes,
} from "./annotation-model.js";
export { checkTile, maskArea, maskBbox, maskFromPredicate, type Bbox, type MaskTile } from "./mask-tile.js";
export { shoelace, traceMask, type BoundaryLoop } from "./trace-mask.js";
export { simplifyClosedPolygon } from "./simplify-polygon.js";
export { DEFAULT_POLYGON_TOLERANCE, maskToPolygons, type MaskPolygons } from "./mask-to-polygons.js";
export { maskToRle, type CocoRle } from "./mask-to-rle.js";
export {
  CATEGORIES,
  categoryIdOf,
  dentexDiagnosisOf,
  DENTEX_CATEGORIES_1,
  DENTEX_CATEGORIES_2,
  DENTEX_CATEGORIES_3,
  FDI_TEETH,
  type CocoCategory,
} from "./categories.js";
export {
  buildCocoDataset,
  encodeCocoJson,
  type CocoAnnotation,
  type CocoAttributes,
  type CocoDataset,
  type CocoImage,
  type CocoOptions,
} from "./coco-dataset.js";
export { yoloBoxLabels, yoloLabelFileName, yoloSegmentLabels } from "./yolo-labels.js";
export { yoloDataYaml, type YoloDataYamlOptions } from "./yolo-data-yaml.js";
export { renderLabelMasks, type LabelMasks } from "./render-label-masks.js";
