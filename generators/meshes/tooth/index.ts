export { renderTooth, type RenderToothOptions, type ToothMeshes } from "./render-tooth.js";
export {
  samplePatientToothScale,
  sampleToothDimensions,
  scaledToothDimensions,
  type ToothDimensions,
} from "./sample-tooth-dimensions.js";
export { WHEELER, type WheelerRow } from "./wheeler-table.js";
export { morphologyOf, type ToothMorphology, type OcclusalBump, type RootLobe } from "./tooth-morphology.js";
export { ToothShape, MIN_GAP } from "./tooth-shape.js";
