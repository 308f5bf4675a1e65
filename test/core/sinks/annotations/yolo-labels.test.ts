import { describe, expect, it } from "vitest";
import { yoloBoxLabels, yoloLabelFileName, yoloSegmentLabels } from "../../../../core/sinks/annotations/yolo-labels.js";
import { sampleImage, tileFromRows } from "./fixtures.js";

describe("YOLO labels", () => {
  it("writes one normalised box line per object, class = category id - 1, 6 decimals", () => {
    const lines = yoloBoxLabels(sampleImage()).split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe("");
    // Tooth 16: pixels 2..17 x 2..25 on 40x30: centre (10, 14), size 16 x 24.
    expect(lines[0]).toBe("5 0.250000 0.466667 0.400000 0.800000");
    // Lesion D2 (id 36 -> 35): bbox [15, 10, 3, 3].
    expect(lines[2]).toBe("35 0.412500 0.383333 0.075000 0.100000");
    expect(lines[4]!.startsWith("38 ")).toBe(true);
  });

  it("writes one polygon line per component, normalised, and nothing for empty masks", () => {
    const image = sampleImage();
    image.objects = [
      { kind: "tooth", fdi: 11, mask: tileFromRows(0, 0, ["#...", "...#"]) },
      { kind: "tooth", fdi: 12, mask: tileFromRows(0, 0, ["."]) },
    ];
    expect(yoloSegmentLabels(image)).toBe(
      "0 0.000000 0.000000 0.025000 0.000000 0.025000 0.033333 0.000000 0.033333\n" +
        "0 0.075000 0.033333 0.100000 0.033333 0.100000 0.066667 0.075000 0.066667\n",
    );
    expect(yoloBoxLabels(image)).toBe("0 0.050000 0.033333 0.100000 0.066667\n");
  });

  it("names the label file after the image", () => {
    expect(yoloLabelFileName("P000001_BW_R.png")).toBe("P000001_BW_R.txt");
    expect(yoloLabelFileName("a.b/c")).toBe("a.b/c.txt");
  });
});
