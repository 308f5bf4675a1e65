export {
  betaArchY,
  fitArchForm,
  meanMolarCentreWidth,
  sampleArchWidths,
  sampleMolarCentreWidth,
  walkArch,
  INTERCANINE_WIDTH,
  BRAUN_EXPONENT,
  INTERMOLAR_DEPTH,
  INTERMOLAR_FA_WIDTH,
  type ArchForm,
  type ArchTargets,
  type ArchWidths,
  type ArchWalk,
} from "./arch-form.js";
export { ArchCurve, type ArchCurveOptions, type ArchPoint } from "./arch-curve.js";
export { ANDREWS_CROWN_ANGLES, type CrownAngles } from "./crown-angles.js";
export { applyMat4, linearDeterminant, mat4FromBasis, transformMesh, type Mat4 } from "./mat4.js";
export {
  facialInclination,
  gapAlong,
  placeTeeth,
  placeTeethFromDimensions,
  sideOfQuadrant,
  type ArchLayout,
  type ArchPlacement,
  type CrownInput,
  type PlacedTooth,
  type PlaceTeethOptions,
  type ToothPose,
  type ToothSizeInput,
  type ToothSpace,
} from "./place-teeth.js";
export { crownProxy } from "./crown-proxy.js";
export { proximalGap } from "./proximal-gap.js";
export { buildGingiva, compact, removeInside, type Gingiva, type GingivaOptions, type GingivaSheet } from "./gingiva.js";
export { SweepFrame } from "./sweep-frame.js";
export { clipAbove, type ClippedMesh } from "./clip-crown.js";
export { stitchGingiva, type MarginLoop } from "./stitch-gingiva.js";
export { assembleScan, type ArchScan } from "./assemble-scan.js";
export { teeth3dsJson, teeth3dsObj, type Teeth3dsLabels } from "./teeth3ds.js";
export { generateArchScan, scannedTeethOf, type ArchScanOptions, type ArchScanResult } from "./generate-arch-scan.js";
export {
  placeDentition,
  OVERBITE,
  OVERJET,
  type DentitionPlacement,
  type DentitionToothInput,
  type HeadJaw,
  type HeadTooth,
  type PlaceDentitionOptions,
} from "./place-dentition.js";
