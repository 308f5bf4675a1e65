import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { combinations, learnStructure, selectionSensitivity, type StructureOptions } from "../../../models/bayesnet/greedy-structure.js";
import { mutualInformationSensitivity } from "../../../models/bayesnet/mutual-information.js";
import { chainCodes } from "./chain-fixture.js";

const greedy: StructureOptions = { degree: 2, maxCells: 10_000, candidatePool: 8 };

/** Undirected edges of a structure, as sorted "a-b" strings. */
function edges(steps: { node: number; parents: number[] }[]): string[] {
  return steps.flatMap((s) => s.parents.map((p) => [Math.min(p, s.node), Math.max(p, s.node)].join("-"))).sort();
}

describe("combinations", () => {
  it("lists the subsets of a size in lexicographic order", () => {
    expect(combinations([1, 2, 3, 4], 2)).toEqual([[1, 2], [1, 3], [1, 4], [2, 3], [2, 4], [3, 4]]);
    expect(combinations([1, 2], 0)).toEqual([[]]);
    expect(combinations([1], 2)).toEqual([]);
  });
});

describe("learnStructure", () => {
  const codes = chainCodes(5000);
  const sizes = [3, 3, 3];

  it("recovers the chain A - B - C with degree 1 (a Chow-Liu tree)", () => {
    const steps = learnStructure({ codes, sizes, contextCount: 0 }, { ...greedy, degree: 1 }, new Rng("s"));
    expect(steps.map((s) => s.node).sort()).toEqual([0, 1, 2]);
    expect(steps[0]!.parents).toEqual([]);
    expect(edges(steps)).toEqual(["0-1", "1-2"]);
  });

  it("links B to both A and C with degree 2, and places every node after its parents", () => {
    const steps = learnStructure({ codes, sizes, contextCount: 0 }, greedy, new Rng("s"));
    // B is the root here (all three marginals are near uniform, B's entropy is the highest), so A and C take it
    // as a parent; with k = 2, C may also take A, which adds nothing given B.
    expect(edges(steps)).toEqual(expect.arrayContaining(["0-1", "1-2"]));
    const placed = new Set<number>();
    for (const s of steps) {
      for (const p of s.parents) expect(placed.has(p)).toBe(true);
      placed.add(s.node);
    }
  });

  it("places context nodes first, never as children, and lets them be parents", () => {
    // Node 0 (A) is the context: the first modelled node to be placed takes it as its parent.
    const steps = learnStructure({ codes, sizes, contextCount: 1 }, { ...greedy, degree: 1 }, new Rng("s"));
    expect(steps.map((s) => s.node)).not.toContain(0);
    expect(steps[0]).toMatchObject({ node: 1, parents: [0] });
    expect(steps[1]).toMatchObject({ node: 2, parents: [1] });
  });

  it("lowers the degree of a column whose table would exceed maxCells", () => {
    const rng = new Rng("cells");
    const wide = Array.from({ length: 4 }, () => Int32Array.from({ length: 300 }, () => rng.int(10)));
    // 10 x 10 = 100 cells fit, 10 x 10 x 10 = 1000 do not: at most one parent each.
    const steps = learnStructure({ codes: wide, sizes: [10, 10, 10, 10], contextCount: 0 }, { ...greedy, maxCells: 150 }, rng);
    expect(steps.slice(1).every((s) => s.parents.length === 1)).toBe(true);
    const none = learnStructure({ codes: wide, sizes: [10, 10, 10, 10], contextCount: 0 }, { ...greedy, maxCells: 50 }, rng);
    expect(none.every((s) => s.parents.length === 0)).toBe(true);
  });

  it("draws parents from the candidate pool only", () => {
    // Six noisy copies of one latent: with a pool of 1 and degree 2, every child still gets one parent.
    const rng = new Rng("pool");
    const latent = Int32Array.from({ length: 2000 }, () => rng.int(4));
    const copies = Array.from({ length: 6 }, () => Int32Array.from(latent, (v) => (rng.bernoulli(0.8) ? v : rng.int(4))));
    const steps = learnStructure({ codes: copies, sizes: [4, 4, 4, 4, 4, 4], contextCount: 0 }, { ...greedy, candidatePool: 1, degree: 1 }, rng);
    const full = learnStructure({ codes: copies, sizes: [4, 4, 4, 4, 4, 4], contextCount: 0 }, { ...greedy, candidatePool: 8, degree: 1 }, rng);
    // With degree 1 the best pairwise parent is always in the pool, so the pool does not change the greedy result.
    expect(steps.map((s) => [s.node, s.parents])).toEqual(full.map((s) => [s.node, s.parents]));
    const two = learnStructure({ codes: copies, sizes: [4, 4, 4, 4, 4, 4], contextCount: 0 }, { ...greedy, candidatePool: 3 }, rng);
    expect(two.slice(2).every((s) => s.parents.length === 2)).toBe(true);
  });

  it("with degree 0 keeps every column alone without reading the data", () => {
    const steps = learnStructure({ codes, sizes, contextCount: 0 }, { ...greedy, degree: 0, epsilonPerSelection: 1 }, new Rng("s"));
    expect(steps).toEqual([0, 1, 2].map((node) => ({ node, parents: [], score: 0 })));
  });

  it("private: deterministic per seed, near-greedy for a huge epsilon, varied for a tiny one", () => {
    const run = (epsilon: number, seed: string) =>
      learnStructure({ codes, sizes, contextCount: 0 }, { ...greedy, degree: 1, epsilonPerSelection: epsilon }, new Rng(seed));
    expect(run(0.1, "x")).toEqual(run(0.1, "x"));
    for (const seed of ["a", "b", "c"]) expect(edges(run(1e6, seed))).toEqual(["0-1", "1-2"]);
    const shapes = new Set(["a", "b", "c", "d", "e", "f", "g", "h"].map((seed) => edges(run(1e-6, seed)).join(" ")));
    expect(shapes.size).toBeGreaterThan(1);
  });
});

describe("selectionSensitivity", () => {
  it("uses the binary bound only when every candidate involves a binary domain", () => {
    const sizes = [2, 3, 4];
    expect(selectionSensitivity(100, sizes, [{ node: 1, parents: [0] }])).toBe(mutualInformationSensitivity(100, true));
    expect(selectionSensitivity(100, sizes, [{ node: 0, parents: [2] }])).toBe(mutualInformationSensitivity(100, true));
    expect(selectionSensitivity(100, sizes, [{ node: 0, parents: [2] }, { node: 2, parents: [1] }])).toBe(mutualInformationSensitivity(100, false));
  });
});
