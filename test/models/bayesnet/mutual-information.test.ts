import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { entropy, jointCounts, mutualInformation, mutualInformationSensitivity } from "../../../models/bayesnet/mutual-information.js";

/** Codes of a contingency table: `table[p][x]` rows with parent code p and child code x. */
function fromContingency(table: number[][]): { parent: Int32Array; child: Int32Array } {
  const parent: number[] = [];
  const child: number[] = [];
  table.forEach((row, p) => row.forEach((count, x) => {
    for (let i = 0; i < count; i++) {
      parent.push(p);
      child.push(x);
    }
  }));
  return { parent: Int32Array.from(parent), child: Int32Array.from(child) };
}

describe("jointCounts", () => {
  it("lays cells out parent configuration first, first parent most significant", () => {
    const child = Int32Array.from([0, 1, 1, 2]);
    const p = Int32Array.from([0, 1, 1, 1]);
    const q = Int32Array.from([1, 0, 0, 1]);
    const counts = jointCounts(child, 3, [p, q], [2, 2]);
    expect(counts.length).toBe(12);
    // (p=0, q=1) -> config 1, child 0; (1, 0) -> config 2, child 1 twice; (1, 1) -> config 3, child 2.
    expect(Array.from(counts)).toEqual([0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 1]);
    // The generic loop (3 parents) agrees with the specialised ones.
    const one = Int32Array.from([0, 0, 0, 0]);
    expect(Array.from(jointCounts(child, 3, [one, p, q], [1, 2, 2]))).toEqual(Array.from(counts));
  });

  it("reuses a scratch array, zeroing it first", () => {
    const scratch = new Float64Array(10).fill(7);
    const out = jointCounts(Int32Array.from([1, 1]), 2, [], [], scratch);
    expect(out).toBe(scratch);
    expect(Array.from(out.subarray(0, 2))).toEqual([0, 2]);
  });
});

describe("mutualInformation", () => {
  it("matches sklearn on a 2x2 table", () => {
    // >>> from sklearn.metrics import mutual_info_score            (sklearn 1.2.1)
    // >>> mi = mutual_info_score(None, None, contingency=np.array([[30, 10], [10, 50]]))
    // >>> mi, mi / np.log(2)
    // (0.17774088384195097, 0.25642589168200397)                    nats, then bits
    const { parent, child } = fromContingency([
      [30, 10],
      [10, 50],
    ]);
    expect(mutualInformation(jointCounts(child, 2, [parent], [2]), 2, 2)).toBeCloseTo(0.25642589168200397, 12);
  });

  it("matches sklearn on a 2x3 table with an empty cell", () => {
    // >>> mutual_info_score(None, None, contingency=np.array([[5, 0, 3], [2, 9, 1]])) / np.log(2)
    // 0.5066027705645209
    const { parent, child } = fromContingency([
      [5, 0, 3],
      [2, 9, 1],
    ]);
    expect(mutualInformation(jointCounts(child, 3, [parent], [2]), 3, 2)).toBeCloseTo(0.5066027705645209, 12);
  });

  it("is near 0 for independent columns and equals H(X) for a copy", () => {
    const rng = new Rng("independent");
    const n = 5000;
    const x = Int32Array.from({ length: n }, () => rng.int(3));
    const y = Int32Array.from({ length: n }, () => rng.int(3));
    // The plug-in estimate is biased up by about (3-1)(3-1) / (2 n ln 2) = 0.0006 bits.
    expect(mutualInformation(jointCounts(x, 3, [y], [3]), 3, 3)).toBeLessThan(0.003);
    const h = entropy(jointCounts(x, 3, [], []));
    expect(mutualInformation(jointCounts(x, 3, [x], [3]), 3, 3)).toBeCloseTo(h, 12);
  });
});

describe("entropy", () => {
  it("is in bits", () => {
    // >>> scipy.stats.entropy([1, 1, 2], base=2)  -> 1.5
    expect(entropy([1, 1, 2])).toBeCloseTo(1.5, 12);
    expect(entropy([0, 0])).toBe(0);
  });
});

describe("mutualInformationSensitivity", () => {
  it("gives Lemma 4.1 of Zhang et al. 2017 for n = 500", () => {
    // >>> n = 500
    // >>> log2(n)/n + (n-1)/n*log2(n/(n-1))                            -> 0.020814071335500874 (binary)
    // >>> 2/n*log2((n+1)/2) + (n-1)/n*log2((n+1)/(n-1))                 -> 0.03763391345501282 (general)
    expect(mutualInformationSensitivity(500, true)).toBeCloseTo(0.020814071335500874, 15);
    expect(mutualInformationSensitivity(500, false)).toBeCloseTo(0.03763391345501282, 15);
  });

  it("bounds the change of MI when one row is replaced (binary and general domains)", () => {
    const rng = new Rng("neighbours");
    const n = 40;
    for (const [childSize, parentSize] of [
      [2, 4],
      [3, 5],
    ] as const) {
      const bound = mutualInformationSensitivity(n, childSize <= 2 || parentSize <= 2);
      let worst = 0;
      for (let trial = 0; trial < 300; trial++) {
        // Strongly dependent data, so that one row can matter.
        const parent = Int32Array.from({ length: n }, () => rng.int(parentSize));
        const child = Int32Array.from(parent, (p) => (rng.bernoulli(0.9) ? p % childSize : rng.int(childSize)));
        const before = mutualInformation(jointCounts(child, childSize, [parent], [parentSize]), childSize, parentSize);
        const row = rng.int(n);
        parent[row] = rng.int(parentSize);
        child[row] = rng.int(childSize);
        const after = mutualInformation(jointCounts(child, childSize, [parent], [parentSize]), childSize, parentSize);
        worst = Math.max(worst, Math.abs(after - before));
      }
      expect(worst).toBeGreaterThan(0);
      expect(worst).toBeLessThanOrEqual(bound);
    }
  });
});
