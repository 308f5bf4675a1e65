/**
 * Caries as physics: a lesion is a demineralised volume, so the image with the lesion is darker inside the
 * lesion's mask than the same image rendered without it (same geometry, same exposure, same noise), and the
 * deeper the lesion's class, the larger the loss. Also: every lesion annotation is a lesion of the chart, every
 * lesion of the chart in view is annotated, and masks lie inside the image.
 */
import { describe, expect, it } from "vitest";
import type { AnnotatedObject } from "../../../core/sinks/annotations/index.js";
import { radiographsConfigSchema } from "../../../generators/radiographs/config.js";
import { prepareRadiographs, shootView } from "../../../generators/radiographs/encode-patient-radiographs.js";
import { withoutLesions } from "../../../generators/radiographs/scene/without-lesions.js";
import { DEPTH_CLASSES, type DepthClass } from "../../../generators/patient/types.js";

const config = radiographsConfigSchema.parse({ patients: 12, seed: "caries", preset: "clinic", views: ["bitewing", "periapical"], periapicals: 2, size: "512x384", resolution: 0.6 });


/** 12-bit values this high are saturated (behind metal): a lesion there has no contrast to lose. */
const SATURATED = 4090;

/** Signal lost inside a lesion's mask: Σ (without − with) over its pixels, and the pixel count. */
const lossIn = (withLesion: Uint16Array, without: Uint16Array, width: number, o: AnnotatedObject) => {
  const m = o.mask;
  let s = 0;
  let n = 0;
  let saturated = 0;
  for (let y = 0; y < m.h; y++) for (let x = 0; x < m.w; x++) if (m.data[y * m.w + x]) {
    const k = (m.y0 + y) * width + m.x0 + x;
    s += without[k]! - withLesion[k]!;
    if (without[k]! >= SATURATED) saturated++;
    n++;
  }
  return { total: s, mean: s / n, n, saturated: saturated / n };
};

describe("caries in the radiographs", () => {
  const drops: Record<DepthClass, number[]> = { E1: [], E2: [], D1: [], D2: [], D3: [] };
  const means: number[] = [];
  let lesionsSeen = 0;
  for (let i = 0; i < config.patients; i++) {
    const { patient, scene, views, rng } = prepareRadiographs(config, i);
    const sound = withoutLesions(scene);
    for (const view of views) {
      const shot = shootView(patient, scene, view, config, rng.fork(`view-${view.name}`));
      const clean = shootView(patient, sound, view, config, rng.fork(`view-${view.name}`));
      if (!shot || !clean) continue;
      const width = shot.annotation.image.width;
      for (const o of shot.annotation.objects) {
        if (o.kind !== "lesion") continue;
        lesionsSeen++;
        const tooth = patient.teeth.find((t) => t.fdi === o.fdi)!;
        const lesion = tooth.lesions.find((l) => l.id === o.attributes.lesionId);
        it(`${o.attributes.lesionId} (${o.attributes.depth} ${o.attributes.surface}) in ${shot.stem} is a lesion of the chart`, () => {
          expect(lesion).toBeDefined();
          expect([lesion!.surface, lesion!.depth]).toEqual([o.attributes.surface, o.attributes.depth]);
        });
        const loss = lossIn(shot.pixels, clean.pixels, width, o);
        // Integrated over the lesion's projected area (levels × mm²): the mineral missing along the beam, which
        // does not depend on how the mask spreads it over pixels.
        const area = shot.annotation.image.pixelSizeMm ** 2;
        // Lesions projected behind a metal restoration (e.g. recurrent caries beside an amalgam) sit in saturated
        // pixels in both images, as on a real radiograph; they are annotated but cannot show.
        if (loss.n >= 20 && loss.saturated < 0.5) {
          means.push(loss.mean);
          drops[o.attributes.depth].push(loss.total * area);
        }
      }
    }
  }

  it("found lesions to test (the clinic preset has many)", () => {
    expect(lesionsSeen).toBeGreaterThan(20);
  });

  it("makes every lesion more radiolucent than the same tooth without it", () => {
    expect(means.length).toBeGreaterThan(10);
    // Each lesion removes mineral along the beam: its pixels lose signal on average (12-bit levels).
    for (const d of means) expect(d).toBeGreaterThan(0);
  });

  it("darkens more the deeper the depth class (integrated loss rises from enamel to dentin classes)", () => {
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const present = DEPTH_CLASSES.filter((c) => drops[c].length >= 3);
    expect(present.length).toBeGreaterThanOrEqual(3);
    const means = present.map((c) => mean(drops[c]));
    // Enamel lesions (E1, E2) lose less than dentin lesions (D1-D3) on average; and the deepest class present
    // loses more than the shallowest.
    const enamel = [...drops.E1, ...drops.E2];
    const dentin = [...drops.D1, ...drops.D2, ...drops.D3];
    expect(mean(dentin)).toBeGreaterThan(mean(enamel));
    expect(means.at(-1)!).toBeGreaterThan(means[0]!);
  });
});
