/**
 * Known-answer tests of the privacy metrics on small seeded dental populations generated here:
 * - synthetic = a copy of the training patients (under new ids): every metric must raise the alarm;
 * - synthetic = a fresh sample of the same population: nothing may be flagged beyond chance.
 * The holdout is a third independent sample. Patients have 1-6 tooth rows each.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { dcrBaseline } from "../../../../evaluation/metrics/privacy/dcr-baseline.js";
import { dcrOverfitting } from "../../../../evaluation/metrics/privacy/dcr.js";
import { exactCopyRate } from "../../../../evaluation/metrics/privacy/exact-copy-rate.js";
import { miaDistance } from "../../../../evaluation/metrics/privacy/mia-distance.js";
import { miaDomias } from "../../../../evaluation/metrics/privacy/mia-domias.js";
import { combineAttacks, miaEnsemble } from "../../../../evaluation/metrics/privacy/mia-ensemble.js";
import { miaShadow } from "../../../../evaluation/metrics/privacy/mia-shadow.js";
import { nearestNeighbourDistanceRatio } from "../../../../evaluation/metrics/privacy/nndr.js";
import { PrivacyWorkspace } from "../../../../evaluation/metrics/privacy/shared/workspace.js";
import type { MetricContext, MetricResult, Table } from "../../../../evaluation/types.js";
import { makePopulation, relabel } from "./population.js";

const ctx = (): MetricContext => ({ rng: new Rng("privacy-test"), ciLevel: 0.95, resamples: 200 });
const train = makePopulation(300, "train", "T");
const holdout = makePopulation(300, "holdout", "H");
const copy = relabel(train, "S");
const fresh = makePopulation(300, "fresh", "S");

/** Every number and label of the training table that could identify a row, as it would print in JSON. */
function trainValues(t: Table): string[] {
  const out: string[] = [];
  for (const c of t.columns) {
    if (c.kind === "numeric") for (const v of c.values) if (!Number.isInteger(v)) out.push(String(v));
    if (c.kind === "id") for (const v of c.values) if (v !== null) out.push(JSON.stringify(v));
  }
  return out;
}

function expectNoRawValues(r: MetricResult): void {
  const json = JSON.stringify(r);
  for (const v of new Set(trainValues(train))) expect(json.includes(v)).toBe(false);
}

describe("copy of the training data", () => {
  let ws: PrivacyWorkspace;
  beforeAll(() => {
    ws = new PrivacyWorkspace({ train, holdout, synthetic: copy }, ctx());
  });

  it("groups rows by the inferred patient column", () => {
    expect(ws.entityColumn).toBe("patient_id");
    expect(ws.entityIndex.train.nEntities).toBe(300);
    expect(ws.columns).not.toContain("patient_id");
  });

  it("has exact-copy rate 1, at row and patient level, against a floor near 0", async () => {
    const r = await exactCopyRate(ws, ctx());
    expect(r.value).toBe(1);
    expect(r.details?.entities?.rate).toBe(1);
    expect(r.noiseFloor?.value).toBe(0);
    expect(r.interpretation.verdict).toBe("poor");
    expectNoRawValues(r);
  });

  it("puts every synthetic row closer to training than to holdout", async () => {
    const r = await dcrOverfitting(ws, ctx());
    expect(r.value).toBe(1);
    expect(r.normalized).toBe(0);
    expect(r.details?.zeroDistanceShare).toBe(1);
    expect(r.noiseFloor!.interval!.lower).toBeLessThan(0.5);
    expect(r.noiseFloor!.interval!.upper).toBeGreaterThan(0.5);
    expect(r.interpretation.verdict).toBe("poor");
    expectNoRawValues(r);
  });

  it("gives NNDR 0 and a DCR-baseline score of 0", async () => {
    const n = await nearestNeighbourDistanceRatio(ws, ctx());
    expect(n.value).toBe(0);
    expect(n.noiseFloor!.value).toBeGreaterThan(0.3);
    const b = await dcrBaseline(ws, ctx());
    expect(b.value).toBe(0);
    expect(b.noiseFloor!.value).toBeGreaterThan(0);
    expect(b.interpretation.verdict).toBe("poor");
  });

  it("lets the distance attack find members: AUC > 0.95, TPR at 1 % FPR high, high-risk verdict", async () => {
    const r = await miaDistance(ws, ctx());
    expect(r.value).toBeGreaterThan(0.95);
    expect(r.interval!.lower).toBeGreaterThan(0.9);
    expect(r.details!.tprAtFpr.find((t) => t.fpr === 0.01)!.tpr).toBeGreaterThan(0.9);
    // non-members: the holdout half that is not the attacker's reference (150 of 300 patients); as many members
    expect(r.details!.nonMembers).toBe(150);
    expect(r.details!.members).toBe(150);
    expect(r.interpretation.verdict).toBe("poor");
    expectNoRawValues(r);
  });

  it("lets the shadow-model attack learn the generator's copying: AUC > 0.95", async () => {
    let run = 0;
    const r = await miaShadow(ws, ctx(), { generate: (t) => relabel(t, `G${run++}`), shadows: 2 });
    expect(run).toBe(2);
    expect(r.value).toBeGreaterThan(0.95);
    expect(r.interpretation.verdict).toBe("poor");
  });

  it("reports the strongest attack as the ensemble headline", async () => {
    const r = await miaEnsemble(ws, ctx());
    expect(r.value).toBeGreaterThan(0.95);
    expect(r.details!.headline).toBe("mia-distance");
    expect(r.details!.attacks.map((a) => a.metric)).toEqual(["mia-distance", "mia-domias"]);
    expect(r.details!.skipped[0]).toMatch(/no generator/);
    expect(r.value).toBe(Math.max(...r.attackResults.map((a) => a.value)));
    expect(r.interpretation.verdict).toBe("poor");
  });
});

describe("fresh sample of the same population", () => {
  let ws: PrivacyWorkspace;
  beforeAll(() => {
    ws = new PrivacyWorkspace({ train, holdout, synthetic: fresh }, ctx());
  });

  it("has exact-copy rate ≈ 0", async () => {
    const r = await exactCopyRate(ws, ctx());
    expect(r.value).toBeLessThan(0.01);
    expect(r.interpretation.verdict).toBe("good");
  });

  it("has a DCR share ≈ 0.5 whose interval contains 0.5", async () => {
    const r = await dcrOverfitting(ws, ctx());
    expect(r.value).toBeGreaterThan(0.4);
    expect(r.value).toBeLessThan(0.6);
    expect(r.interval!.lower).toBeLessThan(0.5);
    expect(r.interval!.upper).toBeGreaterThan(0.5);
    expect(r.interpretation.verdict).toBe("good");
  });

  it("has NNDR and DCR baseline at their real-vs-real floors", async () => {
    const n = await nearestNeighbourDistanceRatio(ws, ctx());
    expect(n.normalized).toBeGreaterThan(0.9);
    const b = await dcrBaseline(ws, ctx());
    expect(b.interval!.lower).toBeLessThanOrEqual(b.noiseFloor!.value);
    expect(b.interpretation.verdict).toBe("good");
  });

  it("gives MIA AUCs near 0.5, and a headline whose interval contains 0.5", async () => {
    // 600 patients per table (300 candidates per side). Each attack's 95 % interval misses 0.5 in about 5 % of
    // samples by construction, so per attack we require |AUC − 0.5| < 0.1 and no "poor" verdict; the headline
    // (maximum over the three) must contain 0.5. At 150 per side this seed gave shadow AUC 0.423 [0.358, 0.487].
    const big = { train: makePopulation(600, "train", "T"), holdout: makePopulation(600, "holdout", "H"), synthetic: makePopulation(600, "fresh", "S") };
    const wsBig = new PrivacyWorkspace(big, ctx());
    const d = await miaDistance(wsBig, ctx());
    const m = await miaDomias(wsBig, ctx());
    const s = await miaShadow(wsBig, ctx(), { generate: (_t, rng) => makePopulation(600, rng.seed, "G"), shadows: 2 });
    for (const r of [d, m, s]) {
      expect(Math.abs(r.value - 0.5)).toBeLessThan(0.1);
      expect(r.interpretation.verdict).not.toBe("poor");
      expect(r.details!.members).toBe(300);
    }
    const e = combineAttacks([d, m, s]);
    expect(e.value).toBe(Math.max(d.value, m.value, s.value));
    expect(e.interval!.lower).toBeLessThan(0.5);
    expect(e.interval!.upper).toBeGreaterThan(0.5);
    expect(e.interpretation.verdict).toBe("good");
  });
});

describe("honesty of results", () => {
  it("never puts a raw training value or patient id in any result", async () => {
    const { anonymeterSinglingOut } = await import("../../../../evaluation/metrics/privacy/anonymeter-singling-out.js");
    const { anonymeterLinkability } = await import("../../../../evaluation/metrics/privacy/anonymeter-linkability.js");
    const { anonymeterInference } = await import("../../../../evaluation/metrics/privacy/anonymeter-inference.js");
    const { kAnonymity } = await import("../../../../evaluation/metrics/privacy/k-anonymity.js");
    const { lDiversity } = await import("../../../../evaluation/metrics/privacy/l-diversity.js");
    const { tCloseness } = await import("../../../../evaluation/metrics/privacy/t-closeness.js");
    const ws = new PrivacyWorkspace({ train, holdout, synthetic: copy }, ctx());
    const qi = { quasiIdentifiers: ["age", "sex"], sensitive: ["probing_depth", "caries"] };
    const results: MetricResult[] = [
      await nearestNeighbourDistanceRatio(ws, ctx()),
      await dcrBaseline(ws, ctx()),
      await miaEnsemble(ws, ctx(), { generate: (t) => relabel(t, "G") }),
      await anonymeterSinglingOut(ws, ctx()),
      await anonymeterSinglingOut(ws, ctx(), { mode: "univariate" }),
      await anonymeterLinkability(ws, ctx()),
      await anonymeterInference(ws, ctx()),
      await kAnonymity(ws, ctx(), qi),
      await lDiversity(ws, ctx(), qi),
      await tCloseness(ws, ctx(), qi),
    ];
    for (const r of results) {
      expectNoRawValues(r);
      expect(r.interpretation.sentence.length).toBeGreaterThan(50);
      expect(r.interval).toBeDefined();
      expect(r.n.synthetic).toBeGreaterThan(0);
    }
  });

  it("is reproducible for a seed and records subsample seeds", async () => {
    const big = makePopulation(200, "big", "B");
    const a = await dcrOverfitting({ train, holdout, synthetic: big }, ctx(), { maxSyntheticRows: 100 });
    const b = await dcrOverfitting({ train, holdout, synthetic: big }, ctx(), { maxSyntheticRows: 100 });
    expect(a).toEqual(b);
    expect(a.details!.synthetic.seed).toBe("privacy-test/privacy/synthetic/query/100");
    // whole patients: the subsample stops after the patient that crosses 100 rows
    expect(a.details!.synthetic.rows).toBeGreaterThanOrEqual(100);
    expect(a.details!.synthetic.rows).toBeLessThan(100 + 6);
    expect(a.n.entities!.synthetic).toBe(a.details!.synthetic.entities);
  });

  it("treats rows as independent when told so", () => {
    const ws = new PrivacyWorkspace({ train, holdout, synthetic: fresh, entityColumn: null }, ctx());
    expect(ws.entityColumn).toBeNull();
    expect(ws.entityIndex.train.nEntities).toBe(train.nRows);
  });
});

describe("RowMatcher (exact copies)", () => {
  it("matches equal rows only, with missing equal to missing and -0 equal to 0", async () => {
    const { RowMatcher } = await import("../../../../evaluation/metrics/privacy/exact-copy-rate.js");
    const ref: Table = {
      nRows: 3,
      columns: [
        { name: "x", kind: "numeric", values: Float64Array.from([1.5, Number.NaN, 0]) },
        { name: "c", kind: "categorical", values: ["a,b", null, "z"] },
      ],
    };
    const probe: Table = {
      nRows: 5,
      columns: [
        { name: "x", kind: "numeric", values: Float64Array.from([1.5, Number.NaN, -0, 1.5, 1.5000000000000002]) },
        { name: "c", kind: "categorical", values: ["a,b", null, "z", "a", "a,b"] },
      ],
    };
    const m = new RowMatcher(ref, ["x", "c"]);
    expect(Array.from(m.matches(probe))).toEqual([1, 1, 1, 0, 0]);
  });

  it("uses a Wilson interval when rows are independent", async () => {
    const r = await exactCopyRate({ train, holdout, synthetic: copy, entityColumn: null }, ctx());
    expect(r.value).toBe(1);
    expect(r.interval!.method).toBe("wilson");
    expect(r.details!.entities).toBeNull();
  });
});
