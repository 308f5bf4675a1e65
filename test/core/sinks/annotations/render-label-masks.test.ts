import { describe, expect, it } from "vitest";
import { decode } from "fast-png";
import { renderLabelMasks } from "../../../../core/sinks/annotations/render-label-masks.js";
import { encodeClassMaskPng } from "../../../../core/sinks/image/class-mask-png.js";
import { encodeInstanceMaskPng } from "../../../../core/sinks/image/instance-mask-png.js";
import { sampleImage } from "./fixtures.js";

describe("renderLabelMasks", () => {
  const { classMask, instanceMask } = renderLabelMasks(sampleImage());
  const at = (x: number, y: number): [number, number] => [classMask.data[y * 40 + x]!, instanceMask.data[y * 40 + x]!];

  it("paints lesions over look-alikes over restorations over teeth, with category ids and instance = index + 1", () => {
    expect(at(0, 0)).toEqual([0, 0]); // background
    expect(at(5, 5)).toEqual([6, 1]); // tooth 16
    expect(at(15, 10)).toEqual([36, 3]); // lesion D2 over tooth 16
    expect(at(27, 3)).toEqual([38, 4]); // amalgam over tooth 48
    expect(at(2, 20)).toEqual([39, 5]); // cervical burnout over tooth 16
    expect(at(30, 20)).toEqual([32, 2]); // tooth 48
  });

  it("round-trips through the 8-bit class and 16-bit instance PNGs", () => {
    expect(Array.from(decode(encodeClassMaskPng(classMask)).data)).toEqual(Array.from(classMask.data));
    expect(Array.from(decode(encodeInstanceMaskPng(instanceMask)).data)).toEqual(Array.from(instanceMask.data));
  });
});
