import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { anonymeterInference } from "../../../../evaluation/metrics/privacy/anonymeter-inference.js";
import { anonymeterLinkability } from "../../../../evaluation/metrics/privacy/anonymeter-linkability.js";
import { anonymeterSinglingOut } from "../../../../evaluation/metrics/privacy/anonymeter-singling-out.js";
import { anonymeterResult, rateRecord, residualRisk } from "../../../../evaluation/metrics/privacy/shared/anonymeter-risk.js";
import { PrivacyWorkspace } from "../../../../evaluation/metrics/privacy/shared/workspace.js";
import type { MetricContext } from "../../../../evaluation/types.js";
import { makePopulation, relabel } from "./population.js";

const ctx = (): MetricContext => ({ rng: new Rng("anonymeter-test"), ciLevel: 0.95, resamples: 100 });

describe("residualRisk", () => {
  // Reference: the paper's formulas in numpy, z = scipy norm.ppf(0.975), n = 500 attacks each:
  //   w(k,n): c = (k + z²/2)/(n + z²), h = z/(n + z²)·sqrt(k(n−k)/n + z²/4)
  //   R = (rm − rc)/(1 − rc); err = sqrt((em/(1−rc))² + (ec·(rm−1)/(1−rc)²)²)
  //   main 100, control 50  → R 0.11063887258554954, interval [0.06366466141244373, 0.15761308375865535]
  //   main 480, control 20  → R 0.9545138275392965,  interval [0.9362340676254928, 0.9727935874531002]
  //   main 30,  control 40  → R −0.0216 → 0,          interval [0, 0.013487750779520035]
  it.each([
    [100, 50, 0.11063887258554954, 0.06366466141244373, 0.15761308375865535],
    [480, 20, 0.9545138275392965, 0.9362340676254928, 0.9727935874531002],
    [30, 40, 0, 0, 0.013487750779520035],
  ])("main %i / control %i of 500", (km, kc, r, lo, hi) => {
    const risk = residualRisk(rateRecord(km, 500, 0.95), rateRecord(kc, 500, 0.95), 0.95);
    expect(risk.value).toBeCloseTo(r, 12);
    expect(risk.interval.lower).toBeCloseTo(lo, 12);
    expect(risk.interval.upper).toBeCloseTo(hi, 12);
  });

  it("uses the Wilson centre as the success rate", () => {
    expect(rateRecord(100, 500, 0.95).rate).toBeCloseTo(0.20228730213846569, 12);
    expect(rateRecord(100, 500, 0.95).proportion).toBe(0.2);
  });

  it("warns when the attack is not better than the baseline", () => {
    const r = anonymeterResult("x", "inference", { main: [10, 500], control: [10, 500], baseline: [12, 500] }, ctx(), {
      n: { real: 500, synthetic: 500 },
      setup: {},
      warnings: [],
      description: "a test attack",
    });
    expect(r.details!.weakerThanBaseline).toBe(true);
    expect(r.warnings.join()).toMatch(/worse than the random baseline/);
  });
});

const train = makePopulation(300, "train", "T");
const holdout = makePopulation(300, "holdout", "H");
const copyWs = () => new PrivacyWorkspace({ train, holdout, synthetic: relabel(train, "S") }, ctx());
const freshWs = () => new PrivacyWorkspace({ train, holdout, synthetic: makePopulation(300, "fresh", "S") }, ctx());
const aux = [["age", "sex", "diabetes"], ["tooth_type", "probing_depth", "caries", "restoration"]] as const;

describe("anonymeter on a copy vs a fresh sample", () => {
  it("singling out: near-total risk for a copy, none beyond chance for a fresh sample", async () => {
    for (const mode of ["multivariate", "univariate"] as const) {
      const c = await anonymeterSinglingOut(copyWs(), ctx(), { mode });
      expect(c.details!.main.proportion).toBe(1);
      expect(c.value).toBeGreaterThan(0.8);
      expect(c.interpretation.verdict).toBe("poor");
      const f = await anonymeterSinglingOut(freshWs(), ctx(), { mode });
      expect(f.interval!.lower).toBeLessThan(0.05);
      expect(f.value).toBeLessThan(0.15);
    }
  });

  it("linkability: links every copied patient, none for a fresh sample", async () => {
    const c = await anonymeterLinkability(copyWs(), ctx(), { auxCols: aux });
    expect(c.details!.main.proportion).toBe(1);
    expect(c.details!.setup["linkBy"]).toBe("entity");
    expect(c.value).toBeGreaterThan(0.95);
    const f = await anonymeterLinkability(freshWs(), ctx(), { auxCols: aux });
    expect(f.value).toBeLessThan(0.05);
    await expect(anonymeterLinkability(freshWs(), ctx(), { auxCols: [["age"], ["age", "sex"]] })).rejects.toThrow(/overlap/);
  });

  it("inference: guesses secrets of copied patients, no residual risk for a fresh sample", async () => {
    const c = await anonymeterInference(copyWs(), ctx(), { secrets: ["caries", "probing_depth"] });
    expect(c.details!.perSecret.map((p) => p.secret)).toEqual(["caries", "probing_depth"]);
    expect(c.details!.main.proportion).toBe(1);
    expect(c.value).toBeGreaterThan(0.9);
    const f = await anonymeterInference(freshWs(), ctx(), { secrets: ["probing_depth"] });
    expect(f.interval!.lower).toBeLessThan(0.05);
  });
});
