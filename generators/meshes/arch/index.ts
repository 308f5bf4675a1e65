export { betaArchY, fitArchForm, meanMolarCentreWidth, sampleMolarCentreWidth, BRAUN_EXPONENT, INTERMOLAR_DEPTH, INTERMOLAR_FA_WIDTH, type ArchForm } from "./arch-form.js";
export { ArchCurve, type ArchCurveOptions, type ArchPoint } from "./arch-curve.js";
export { ANDREWS_CROWN_ANGLES, type CrownAngles } from "./crown-angles.js";
export { applyMat4, linearDeterminant, mat4FromBasis, transformMesh, type Mat4 } from "./mat4.js";
export {
  facialInclination,
  gapAlong,
  placeTeeth,
  sideOfQuadrant,
  type ArchPlacement,
  type CrownInput,
  type PlacedTooth,
  type PlaceTeethOptions,
  type ToothSpace,
} from "./place-teeth.js";
export { buildGingiva, compact, removeInside, type Gingiva, type GingivaOptions } from "./gingiva.js";
export { assembleScan, type ArchScan } from "./assemble-scan.js";
export { teeth3dsJson, teeth3dsObj, type Teeth3dsLabels } from "./teeth3ds.js";
export { generateArchScan, scannedTeethOf, type ArchScanOptions, type ArchScanResult } from "./generate-arch-scan.js";
