export { frameBox, type Camera, type CameraOptions, type Vec3 } from "./camera.js";
export { rasterizeScene, type PreviewOptions, type RasterImage } from "./rasterize.js";
export { renderPreviewPng } from "./preview-png.js";
