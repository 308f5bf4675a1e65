import { describe, expect, it } from "vitest";
import { windowTo8Bit } from "../../../../core/sinks/image/window-to-8bit.js";

describe("windowTo8Bit", () => {
  const image = { width: 5, height: 1, data: Uint16Array.of(0, 1000, 2048, 3000, 4095) };

  it("maps the whole 12-bit range linearly by default: round(v * 255 / 4095), the DICOM linear function with centre 2048, width 4096", () => {
    expect(Array.from(windowTo8Bit(image).data)).toEqual([0, 62, 128, 187, 255]);
  });

  it("clips outside a narrow window, like a VOI LUT (centre 2048, width 2048 spans 1024..3072)", () => {
    expect(Array.from(windowTo8Bit(image, { center: 2048, width: 2048 }).data)).toEqual([0, 0, 128, 246, 255]);
  });

  it("rejects a zero width", () => {
    expect(() => windowTo8Bit(image, { width: 0 })).toThrow("window: invalid center");
  });
});
