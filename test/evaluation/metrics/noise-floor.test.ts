import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { contingencySimilarity } from "../../../evaluation/metrics/fidelity/contingency-similarity.js";
import { correlationSimilarity } from "../../../evaluation/metrics/fidelity/correlation-similarity.js";
import { detection } from "../../../evaluation/metrics/fidelity/detection.js";
import { ksComplement } from "../../../evaluation/metrics/fidelity/ks-complement.js";
import { precisionRecallDensityCoverage } from "../../../evaluation/metrics/fidelity/precision-recall-density-coverage.js";
import { tvComplement } from "../../../evaluation/metrics/fidelity/tv-complement.js";
import { withNoiseFloor, type PairMetric } from "../../../evaluation/metrics/noise-floor.js";
import type { MetricContext } from "../../../evaluation/types.js";
import { samplePopulation, shuffleColumns } from "../fixtures/population.js";

// Known-answer proof (dentsynth issue 3): a disjoint real sample of the same population scores at the real-vs-real
// noise floor on every fidelity metric; a column-shuffled copy (right marginals, broken dependence) keeps the
// column-shape scores at the floor while pair trends, sample-level coverage and detection fall below it.
const train = samplePopulation({ patients: 300, seed: "train", idPrefix: "T" });
const holdout = samplePopulation({ patients: 300, seed: "holdout", idPrefix: "H" });
const fresh = samplePopulation({ patients: 300, seed: "fresh", idPrefix: "S" });
const shuffled = shuffleColumns(fresh, "shuffle");
const ctx = (): MetricContext => ({ rng: new Rng("floor"), ciLevel: 0.95, resamples: 100 });

const metrics: [string, PairMetric<unknown>][] = [
  ["ks-complement", ksComplement],
  ["tv-complement", tvComplement],
  ["correlation-similarity", correlationSimilarity],
  ["contingency-similarity", contingencySimilarity],
  ["detection", detection],
  ["prdc", precisionRecallDensityCoverage],
];
const AT = "this score is at the real-vs-real noise floor.";
const BELOW = "this score is worse than the real-vs-real noise floor.";

describe("withNoiseFloor", () => {
  it.each(metrics)("%s: a disjoint real sample scores at the noise floor", async (_name, metric) => {
    const r = await withNoiseFloor(metric, { train, holdout, synthetic: fresh, entity: "patient_id" }, ctx());
    expect(r.noiseFloor?.interval).toBeDefined();
    expect(r.interpretation.sentence.endsWith(AT)).toBe(true);
    expect(r.n.holdout).toBe(holdout.nRows);
    expect(r.n.entities?.holdout).toBe(300);
  });

  const expectations: Record<string, string> = {
    "ks-complement": AT,
    "tv-complement": AT,
    "correlation-similarity": BELOW,
    "contingency-similarity": BELOW,
    detection: BELOW,
    prdc: BELOW,
  };
  it.each(metrics)("%s: a column-shuffled copy is placed as expected against the floor", async (name, metric) => {
    const r = await withNoiseFloor(metric, { train, holdout, synthetic: shuffled, entity: "patient_id" }, ctx());
    expect(r.interpretation.sentence.endsWith(expectations[name] as string)).toBe(true);
  });

  it("warns when the holdout is much smaller than train or synthetic", async () => {
    const small = samplePopulation({ patients: 100, seed: "small", idPrefix: "H" });
    const r = await withNoiseFloor(ksComplement, { train, holdout: small, synthetic: fresh, entity: "patient_id" }, ctx());
    expect(r.warnings.filter((w) => w.includes("the noise floor is pessimistic"))).toHaveLength(2);
  });
});
