import { encode } from "fast-png";
import type { MeshInput } from "../sinks/mesh/labelled-mesh.js";
import { rasterizeScene, type PreviewOptions } from "./rasterize.js";

/**
 * A PNG thumbnail of a scene (8-bit RGB on white, or RGBA with `alpha`), rendered by rasterizeScene and encoded
 * with fast-png. Pure and deterministic, so a worker can render it and the main thread write the bytes.
 *
 * @example renderPreviewPng(scan, { width: 256, direction: [0, 0, 1], colorBy: "label" })
 */
export function renderPreviewPng(input: MeshInput, options: PreviewOptions = {}): Uint8Array {
  const image = rasterizeScene(input, options);
  return encode({ width: image.width, height: image.height, data: image.data, depth: 8, channels: image.channels });
}
