import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { buildEntityIndex } from "../../../../evaluation/data/entity-index.js";
import { kAnonymity } from "../../../../evaluation/metrics/privacy/k-anonymity.js";
import { lDiversity } from "../../../../evaluation/metrics/privacy/l-diversity.js";
import { equivalenceClasses, fitGeneralisation } from "../../../../evaluation/metrics/privacy/shared/equivalence-classes.js";
import { closeness, tCloseness } from "../../../../evaluation/metrics/privacy/t-closeness.js";
import type { MetricContext, Table } from "../../../../evaluation/types.js";

const ctx = (): MetricContext => ({ rng: new Rng("kanon"), ciLevel: 0.95, resamples: 50 });

/**
 * Hand-made release, one row per patient:
 *   zip   age  disease    salary
 *   476   20s  gastritis  3
 *   476   20s  gastritis  4
 *   476   20s  ulcer      5
 *   479   40s  flu        6
 *   479   40s  bronchitis 8
 *   479   40s  gastritis  11
 *   476   30s  pneumonia  7
 *   476   30s  flu        9
 *   476   30s  stomach    10
 *   479   50s  ulcer      12      ← a class of one
 * Classes on (zip, age): {1,2,3}, {4,5,6}, {7,8,9}, {10}: k = 1; without row 10 k = 3.
 * Salaries 3..11 are Li et al.'s (ICDE 2007) example: P1 = {3,4,5}, P2 = {6,8,11}, P3 = {7,9,10}.
 */
function release(withOutlier: boolean): Table {
  const rows = [
    ["476", "20s", "gastritis", 3],
    ["476", "20s", "gastritis", 4],
    ["476", "20s", "ulcer", 5],
    ["479", "40s", "flu", 6],
    ["479", "40s", "bronchitis", 8],
    ["479", "40s", "gastritis", 11],
    ["476", "30s", "pneumonia", 7],
    ["476", "30s", "flu", 9],
    ["476", "30s", "stomach", 10],
    ...(withOutlier ? [["479", "50s", "ulcer", 12]] : []),
  ] as [string, string, string, number][];
  return {
    nRows: rows.length,
    columns: [
      { name: "pid", kind: "id", values: rows.map((_, i) => `p${i}`) },
      { name: "zip", kind: "categorical", values: rows.map((r) => r[0]) },
      { name: "age", kind: "categorical", values: rows.map((r) => r[1]) },
      { name: "disease", kind: "categorical", values: rows.map((r) => r[2]) },
      { name: "salary", kind: "numeric", values: Float64Array.from(rows.map((r) => r[3])) },
    ],
  };
}

const input = (synthetic: Table) => ({ train: release(false), holdout: release(false), synthetic, entityColumn: "pid" });

describe("k-anonymity", () => {
  it("is the smallest class on the hand-made table", async () => {
    const r = await kAnonymity(input(release(true)), ctx(), { quasiIdentifiers: ["zip", "age"] });
    expect(r.value).toBe(1);
    expect(r.details!.classes).toBe(4);
    expect(r.details!.shareBelowTarget).toBeCloseTo(1, 12); // kTarget 5: every class is below
    expect(r.noiseFloor!.value).toBe(3); // the real table without the outlier
    const r3 = await kAnonymity(input(release(false)), ctx(), { quasiIdentifiers: ["zip", "age"], kTarget: 3 });
    expect(r3.value).toBe(3);
    expect(r3.normalized).toBe(1);
    expect(r3.interval).toMatchObject({ lower: 3, upper: 3, method: "exact" });
  });

  it("counts patients, not rows, and bins numeric quasi-identifiers", () => {
    const t: Table = {
      nRows: 6,
      columns: [
        { name: "pid", kind: "id", values: ["a", "a", "a", "b", "c", "c"] },
        { name: "x", kind: "numeric", values: Float64Array.from([1, 1, 1, 1, 2, 2]) },
      ],
    };
    const classes = equivalenceClasses(t, fitGeneralisation(t, { quasiIdentifiers: ["x"] }), buildEntityIndex(t, "pid"));
    expect(Array.from(classes.entities)).toEqual([2, 1]);
    expect(Array.from(classes.rows)).toEqual([4, 2]);
    const wide: Table = { nRows: 30, columns: [{ name: "x", kind: "numeric", values: Float64Array.from({ length: 30 }, (_, i) => i) }] };
    const gen = fitGeneralisation(wide, { quasiIdentifiers: ["x"], bins: 3 });
    expect(gen[0]!.edges).toEqual([29 / 3, (2 * 29) / 3]);
    expect(equivalenceClasses(wide, gen, buildEntityIndex(wide, null)).nClasses).toBe(3);
  });
});

describe("l-diversity", () => {
  it("counts distinct sensitive values per class", async () => {
    // classes: {gastritis, gastritis, ulcer} → 2, {flu, bronchitis, gastritis} → 3, {pneumonia, flu, stomach} → 3, {ulcer} → 1
    const r = await lDiversity(input(release(true)), ctx(), { quasiIdentifiers: ["zip", "age"], sensitive: ["disease"] });
    expect(r.value).toBe(1);
    expect(r.details!.perSensitive[0]).toMatchObject({ column: "disease", l: 1, groupsBelowTarget: 1, referenceL: 2 });
    expect(r.details!.rowShareBelowTarget).toBeCloseTo(0.1, 12);
  });
});

describe("t-closeness", () => {
  // Li, Li & Venkatasubramanian (ICDE 2007), § 4.2 / Table 4: with Q = salaries {3k..11k}, P1 = {3k,4k,5k} has
  // EMD 0.375 and P2 = {6k,8k,11k} has 0.167. P3 = {7k,9k,10k} by the same formula:
  // cumulative r = (−1,−2,−3,−4,−2,−3,−1,1,0)/9 → Σ|r| = 17/9, / (m−1 = 8) = 0.2361.
  it("reproduces the paper's ordered-distance example", () => {
    const t = release(false);
    const classes = equivalenceClasses(t, fitGeneralisation(t, { quasiIdentifiers: ["zip", "age"] }), buildEntityIndex(t, "pid"));
    const c = closeness(t, classes, "salary");
    expect(c.distance).toBe("ordered");
    expect(c.perClass[0]).toBeCloseTo(0.375, 12);
    expect(c.perClass[1]).toBeCloseTo(1 / 6, 12);
    expect(c.perClass[2]).toBeCloseTo(17 / 72, 12);
    expect(c.t).toBeCloseTo(0.375, 12);
  });

  it("uses the equal distance (half the L1 distance) for categories", () => {
    // overall disease distribution: gastritis 3/9, ulcer 1/9, flu 2/9, bronchitis 1/9, pneumonia 1/9, stomach 1/9
    // class 1 = {gastritis ×2, ulcer}: ½(|2/3−3/9| + |1/3−1/9| + 2/9 + 1/9 + 1/9 + 1/9) = ½(3/9 + 2/9 + 5/9) = 5/9
    const t = release(false);
    const classes = equivalenceClasses(t, fitGeneralisation(t, { quasiIdentifiers: ["zip", "age"] }), buildEntityIndex(t, "pid"));
    const c = closeness(t, classes, "disease");
    expect(c.distance).toBe("equal");
    expect(c.perClass[0]).toBeCloseTo(5 / 9, 12);
  });

  it("reports the largest EMD over classes and sensitive columns", async () => {
    const r = await tCloseness(input(release(false)), ctx(), { quasiIdentifiers: ["zip", "age"], sensitive: ["salary"] });
    expect(r.value).toBeCloseTo(0.375, 12);
    expect(r.noiseFloor!.value).toBeCloseTo(0.375, 12);
    expect(r.goal).toBe("minimize");
  });
});
