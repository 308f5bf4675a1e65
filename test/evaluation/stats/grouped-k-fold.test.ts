import { describe, expect, it } from "vitest";
import { DataError } from "../../../core/errors.js";
import { Rng } from "../../../core/rng.js";
import { groupedKFold } from "../../../evaluation/stats/grouped-k-fold.js";

// 60 groups of 1..6 rows; groups 0..29 are stratum 0, 30..59 stratum 1.
const rowGroup: number[] = [];
for (let g = 0; g < 60; g++) for (let r = 0; r <= g % 6; r++) rowGroup.push(g);
const groups = Int32Array.from(rowGroup);
const strata = Int32Array.from({ length: 60 }, (_, g) => (g < 30 ? 0 : 1));

describe("groupedKFold", () => {
  it("keeps every group in one fold", () => {
    const fold = groupedKFold(groups, 60, 3, new Rng("k"));
    const foldOfGroup = new Map<number, number>();
    rowGroup.forEach((g, i) => {
      if (!foldOfGroup.has(g)) foldOfGroup.set(g, fold[i] as number);
      expect(fold[i]).toBe(foldOfGroup.get(g));
    });
  });

  it("balances rows per fold within each stratum", () => {
    const fold = groupedKFold(groups, 60, 3, new Rng("k"), { groupStratum: strata });
    for (const stratum of [0, 1]) {
      const load = [0, 0, 0];
      rowGroup.forEach((g, i) => {
        if ((strata[g] as number) === stratum) load[fold[i] as number]!++;
      });
      expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(6); // at most one group's size apart
    }
  });

  it("is seeded: same seed same folds, another seed other folds", () => {
    const a = groupedKFold(groups, 60, 3, new Rng("k"));
    expect(groupedKFold(groups, 60, 3, new Rng("k"))).toEqual(a);
    expect(groupedKFold(groups, 60, 3, new Rng("other"))).not.toEqual(a);
  });

  it("needs at least k groups", () => {
    expect(() => groupedKFold(Int32Array.of(0, 0, 1), 2, 3, new Rng("k"))).toThrowError(DataError);
  });
});
