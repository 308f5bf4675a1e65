import { describe, expect, it } from "vitest";
import { buildCocoDataset, encodeCocoJson } from "../../../../core/sinks/annotations/coco-dataset.js";
import { TOOL_VERSION } from "../../../../core/version.js";
import { sampleImage, tileFromRows } from "./fixtures.js";

describe("buildCocoDataset", () => {
  const a = sampleImage("P000001_BW_R.png", "P000001");
  const b = sampleImage("P000000_BW_L.png", "P000000");

  it("numbers images by file name and annotations in that order, whatever the input order", () => {
    const one = buildCocoDataset([a, b], { seed: "42" });
    const other = buildCocoDataset([b, a], { seed: "42" });
    expect(encodeCocoJson(one)).toBe(encodeCocoJson(other));
    expect(one.images.map((i) => [i.id, i.file_name, i.patient_id])).toEqual([
      [1, "P000000_BW_L.png", "P000000"],
      [2, "P000001_BW_R.png", "P000001"],
    ]);
    expect(one.annotations.map((x) => x.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(one.annotations.map((x) => x.image_id)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
  });

  it("writes a DENTEX-style lesion annotation: flat and hierarchical categories, bbox, polygon, area, attributes", () => {
    const lesion = buildCocoDataset([a], { seed: "42" }).annotations[2]!;
    expect(lesion).toEqual({
      id: 3,
      image_id: 1,
      category_id: 36,
      bbox: [15, 10, 3, 3],
      segmentation: [[15, 10, 18, 10, 18, 11, 17, 11, 16, 13, 15, 13]],
      area: 6,
      iscrowd: 0,
      category_id_1: 0,
      category_id_2: 5,
      category_id_3: 3,
      attributes: { kind: "lesion", fdi: 16, lesion_id: "P000001-L1", depth_class: "D2", iccms: "RB4", surface: "D", cavitated: false, recurrent: false, holes_filled: 0 },
    });
  });

  it("omits category_id_3 where DENTEX has no diagnosis and marks look-alikes as not caries", () => {
    const [healthy, impacted, , filling, lookalike] = buildCocoDataset([a], { seed: "42" }).annotations;
    expect(healthy).not.toHaveProperty("category_id_3");
    expect([impacted!.category_id_1, impacted!.category_id_2, impacted!.category_id_3]).toEqual([3, 7, 0]);
    expect(filling!.attributes).toEqual({ kind: "restoration", fdi: 48, material: "amalgam", role: "filling", holes_filled: 0 });
    expect(lookalike!.attributes).toMatchObject({ kind: "lookalike", lookalike_type: "cervical_burnout", caries: false });
  });

  it("says the data is synthetic, with version and seed, and carries all four category lists", () => {
    const dataset = buildCocoDataset([a], { seed: "7", dateCreated: "2026-01-01" });
    expect(dataset.info).toMatchObject({ synthetic: true, seed: "7", version: TOOL_VERSION, generator: `dentsynth ${TOOL_VERSION}`, date_created: "2026-01-01" });
    expect(dataset.info.description).toMatch(/synthetic/);
    expect(dataset.licenses[0]!.name).toMatch(/no real patient data/);
    expect([dataset.categories.length, dataset.categories_1.length, dataset.categories_2.length, dataset.categories_3.length]).toEqual([41, 4, 8, 4]);
    expect(buildCocoDataset([a], { seed: "7" }).info).not.toHaveProperty("date_created");
  });

  it("fills holes by default, writes exact RLE with holes: 'rle', and skips empty masks", () => {
    const ring = sampleImage();
    ring.objects = [
      { kind: "restoration", fdi: 16, mask: tileFromRows(1, 1, ["###", "#.#", "###"]), attributes: { material: "zirconia", role: "crown" } },
      { kind: "tooth", fdi: 17, mask: tileFromRows(0, 0, ["."]) },
    ];
    const filled = buildCocoDataset([ring], { seed: "1" });
    expect(filled.annotations).toHaveLength(1);
    expect(filled.info.empty_masks_skipped).toBe(1);
    expect(filled.annotations[0]!.segmentation).toEqual([[1, 1, 4, 1, 4, 4, 1, 4]]);
    expect(filled.annotations[0]!.attributes.holes_filled).toBe(1);
    const exact = buildCocoDataset([ring], { seed: "1", holes: "rle" }).annotations[0]!;
    expect(exact.segmentation).toMatchObject({ size: [30, 40] });
    expect(exact.attributes).not.toHaveProperty("holes_filled");
    expect(exact.area).toBe(8);
  });

  it("rejects duplicate file names", () => {
    expect(() => buildCocoDataset([a, sampleImage()], { seed: "1" })).toThrow('duplicate image file name "P000001_BW_R.png"');
  });
});
