import { describe, expect, it } from "vitest";
import { checkImageAnnotation, isPermanentFdi } from "../../../../core/sinks/annotations/annotation-model.js";
import { sampleImage, tileFromRows } from "./fixtures.js";

describe("checkImageAnnotation", () => {
  it("accepts the sample and the 32 permanent FDI numbers only", () => {
    expect(() => checkImageAnnotation(sampleImage())).not.toThrow();
    expect([11, 18, 21, 48].every(isPermanentFdi)).toBe(true);
    expect([10, 19, 51, 49, 0, 16.5].some(isPermanentFdi)).toBe(false);
  });

  it("names the image and the object when something is wrong", () => {
    const bad = sampleImage();
    bad.objects[1] = { kind: "tooth", fdi: 19, mask: tileFromRows(0, 0, ["#"]) };
    expect(() => checkImageAnnotation(bad)).toThrow('image "P000001_BW_R.png" object 1 (tooth): invalid fdi 19');
    const outside = sampleImage();
    outside.objects[0] = { kind: "tooth", fdi: 11, mask: tileFromRows(39, 0, ["##"]) };
    expect(() => checkImageAnnotation(outside)).toThrow("object 0 (tooth): mask tile 39,0 2x1 leaves the 40x30 image");
    const size = sampleImage();
    size.image.pixelSizeMm = -1;
    expect(() => checkImageAnnotation(size)).toThrow("invalid pixelSizeMm -1");
  });
});
