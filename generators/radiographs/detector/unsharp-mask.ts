/**
 * Vendor-style edge enhancement: the unsharp mask out = in + amount · (in − blur(in)), which intraoral imaging
 * software applies by default ("sharpen" filters). It overshoots on both sides of an edge: a brighter band on the
 * radiopaque side and a darker band on the radiolucent side. At the enamel-dentin junction and along restoration
 * margins that dark band looks like a thin radiolucency, a Mach-band-like artefact readers can mistake for caries
 * (dental-domain.md 2.3, look-alikes). Applied to the log image, before windowing, as vendors do on the
 * displayed image.
 */
import { halfResolutionBoxBlur } from "./box-gaussian.js";
import { gaussianBlur } from "./gaussian-blur.js";

/** Above this σ (px) the mask uses the three-box approximation at half resolution (box-gaussian.ts): the mask's
 * exact shape is a vendor choice, and its cost would otherwise dominate the detector [A]. */
const BOX_ABOVE_SIGMA = 2;

export interface EdgeEnhancement {
  /** Gain of the high-pass part, typically 0.3-1 [U]. */
  amount: number;
  /** σ of the mask's blur, pixels (a few pixels: 0.1-0.3 mm [U]). */
  sigmaPx: number;
}

/** The sharpened image (new array). Conserves the mean, since the blur does. */
export function unsharpMask(image: Float32Array, width: number, height: number, enhancement: EdgeEnhancement): Float32Array {
  if (!(enhancement.amount >= 0)) throw new RangeError(`invalid edge enhancement amount: ${enhancement.amount}`);
  const blurred = maskBlur(image, width, height, enhancement.sigmaPx);
  const a = enhancement.amount;
  for (let i = 0; i < image.length; i++) blurred[i] = image[i]! + a * (image[i]! - blurred[i]!);
  return blurred;
}

/**
 * The mask's blur: three boxes at half resolution above BOX_ABOVE_SIGMA, else the exact Gaussian. A new array,
 * or `out` if given (not `image`).
 */
export function maskBlur(image: Float32Array, width: number, height: number, sigmaPx: number, out?: Float32Array): Float32Array {
  return sigmaPx > BOX_ABOVE_SIGMA ? halfResolutionBoxBlur(image, width, height, sigmaPx, out) : gaussianBlur(image, width, height, sigmaPx, out);
}
