export { checkBits, checkRaster, type GrayImage16, type GrayImage8 } from "./gray-image.js";
export { type PngMetadata } from "./png-metadata.js";
export { encodeGray16Png, type Gray16PngOptions } from "./gray16-png.js";
export { encodeGray8Png } from "./gray8-png.js";
export { windowTo8Bit, type WindowOptions } from "./window-to-8bit.js";
export { encodeClassMaskPng } from "./class-mask-png.js";
export { encodeInstanceMaskPng } from "./instance-mask-png.js";
