import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { augmentationGain } from "../../../../evaluation/metrics/utility/augmentation-gain.js";
import type { MetricContext } from "../../../../evaluation/types.js";
import { samplePopulation, shuffleColumns } from "../../fixtures/population.js";

const ctx = (): MetricContext => ({ rng: new Rng("augment"), ciLevel: 0.95, resamples: 100 });
const train = samplePopulation({ patients: 150, seed: "train", idPrefix: "T" });
const holdout = samplePopulation({ patients: 300, seed: "holdout", idPrefix: "H" });
const fresh = samplePopulation({ patients: 300, seed: "fresh", idPrefix: "S" });

describe("augmentationGain", () => {
  it("adding real-like rows does not hurt; adding shuffled rows does", async () => {
    const good = await augmentationGain({ train, holdout, synthetic: fresh, target: "bleeding", entity: "patient_id" }, ctx());
    expect(good.value).toBeGreaterThan(-0.01);
    expect(good.normalized).toBeCloseTo(good.value / 2 + 0.5, 12);
    expect(good.details?.augmented.value).toBeCloseTo((good.details?.realOnly.value as number) + good.value, 12);
    const bad = await augmentationGain({ train, holdout, synthetic: shuffleColumns(fresh, "x"), target: "bleeding", entity: "patient_id" }, ctx());
    expect(bad.value).toBeLessThan(-0.1);
    expect(bad.interval?.upper).toBeLessThan(0);
    expect(bad.interpretation.verdict).toBe("poor");
  });
});
