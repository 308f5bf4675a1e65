import { describe, expect, it } from "vitest";
import { radiographsConfigSchema } from "../../../../generators/radiographs/config.js";
import { prepareRadiographs } from "../../../../generators/radiographs/encode-patient-radiographs.js";
import { withoutLesions } from "../../../../generators/radiographs/scene/without-lesions.js";

describe("withoutLesions", () => {
  it("drops exactly the lesion volumes and keeps every other volume, the same objects in the same order", () => {
    const config = radiographsConfigSchema.parse({ patients: 1, seed: "counterfactual", preset: "clinic", resolution: 0.5 });
    const { scene } = prepareRadiographs(config, 0);
    const sound = withoutLesions(scene);
    expect(sound.teeth.map((t) => t.fdi)).toEqual(scene.teeth.map((t) => t.fdi));
    let lesions = 0;
    for (const [k, tooth] of scene.teeth.entries()) {
      const all = tooth.volumes();
      lesions += all.filter((v) => v.role.startsWith("lesion:")).length;
      expect(sound.teeth[k]!.volumes()).toEqual(all.filter((v) => !v.role.startsWith("lesion:")));
      for (const v of sound.teeth[k]!.volumes()) expect(all).toContain(v);
    }
    // A clinic patient has lesions to drop (the preset averages about 20 per patient).
    expect(lesions).toBeGreaterThan(0);
  });
});
