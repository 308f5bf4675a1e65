import type { Rng } from "../../core/rng.js";
import { exponentialMechanism } from "./exponential-mechanism.js";
import { entropy, jointCounts, mutualInformation, mutualInformationSensitivity } from "./mutual-information.js";

/** The discretised training data the structure is learned from. */
export interface NetworkData {
  /** Training codes of every node (0..size-1): context columns first, then the modelled columns. */
  codes: readonly Int32Array[];
  sizes: readonly number[];
  /** How many leading nodes are context columns: placed first, given at sampling, never children. */
  contextCount: number;
}

export interface StructureOptions {
  /** Maximum parents per node (k). */
  degree: number;
  /** Largest conditional table (child size × parent configurations) a candidate may have. */
  maxCells: number;
  /** Parents are drawn from at most this many placed nodes per child (see {@link learnStructure}). */
  candidatePool: number;
  /** Private fit: ε of each exponential-mechanism selection. Absent: the best-scoring pair is taken. */
  epsilonPerSelection?: number;
}

/** One node of the network, in the order nodes are placed (and sampled). */
export interface NetworkStep {
  node: number;
  parents: number[];
  /** Mutual information (bits) of the chosen pair on the training data. Not private: never saved with a model. */
  score: number;
}

/**
 * Greedy network construction of PrivBayes (Zhang et al. 2017, §3-4, after Chow & Liu 1968): start from one node
 * (or from the context columns, which are given), then repeatedly add the (node, parent set) pair with the
 * largest mutual information I(X; Π), where X is not yet placed and Π is a set of min(k, placed) placed nodes.
 * Non-private fits take the argmax; private fits draw the pair with the exponential mechanism, scored by I with
 * the sensitivity of Zhang et al.'s Lemma 4.1 (the larger, non-binary bound unless every candidate of the step
 * involves a binary domain), each draw spending `epsilonPerSelection`.
 *
 * Choices that are ours, not the paper's:
 * - Root without context: the highest-entropy column in a non-private fit (its marginal is the only thing the root
 *   learns, and a spread-out root is an informative parent); a uniformly random column in a private fit, which
 *   spends nothing, as in PrivBayes.
 * - Candidate pool: with more than `candidatePool` placed nodes, the parent sets of X are drawn only from the
 *   `candidatePool` placed nodes with the highest pairwise mutual information with X (non-private), or from a
 *   random but fixed set of that size (private: a data-dependent pool would leak outside the budget). Without it
 *   a k = 2 search on 56 columns weighs ~400,000 candidates, ~80,000 of them distinct (each a pass over all
 *   rows); with a pool of 8 it scores a few thousand, each cached for the later steps.
 * - maxCells: when every size-s parent set of X exceeds `maxCells` cells, X gets sets of size s-1 (down to none).
 *   This uses domain sizes only.
 *
 * Cost: O(d² · C(pool, k) · n) in the worst case, typically O(d · C(pool, k) · n) thanks to the cache.
 */
export function learnStructure(
  data: NetworkData,
  options: StructureOptions,
  rng: Rng,
  onStep: (placed: number, total: number) => void = () => {},
): NetworkStep[] {
  const { codes, sizes, contextCount } = data;
  const total = codes.length;
  const targets = total - contextCount;
  const n = codes[0]?.length ?? 0;
  const dp = options.epsilonPerSelection !== undefined;
  const poolSize = Math.max(options.candidatePool, options.degree);
  const placed: number[] = [];
  for (let i = 0; i < contextCount; i++) placed.push(i);
  const remaining: number[] = [];
  for (let i = contextCount; i < total; i++) remaining.push(i);
  const steps: NetworkStep[] = [];

  // With degree 0 every column stands alone: no choice to make, nothing read from the data.
  if (options.degree === 0) return remaining.map((node) => ({ node, parents: [], score: 0 }));

  let scratch = new Float64Array(Math.max(options.maxCells, 16));
  const counts = (child: number, parents: readonly number[]): Float64Array => {
    let cells = sizes[child] as number;
    for (const p of parents) cells *= sizes[p] as number;
    if (cells > scratch.length) scratch = new Float64Array(cells);
    return jointCounts(codes[child] as Int32Array, sizes[child] as number, parents.map((p) => codes[p] as Int32Array), parents.map((p) => sizes[p] as number), scratch);
  };
  const configsOf = (parents: readonly number[]) => parents.reduce((c, p) => c * (sizes[p] as number), 1);
  const cache = new Map<string, number>();
  const score = (child: number, parents: readonly number[]): number => {
    const key = `${child}:${parents.join(",")}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = mutualInformation(counts(child, parents), sizes[child] as number, configsOf(parents));
      cache.set(key, value);
    }
    return value;
  };

  // Pool ranking: pairwise MI (computed on demand) or, in a private fit, random priorities fixed up front.
  const priority = new Float64Array(total * total).fill(Number.NaN);
  if (dp) for (let i = 0; i < priority.length; i++) priority[i] = rng.next();
  const rank = (child: number, other: number): number => {
    const at = child * total + other;
    let value = priority[at] as number;
    if (Number.isNaN(value)) {
      value = score(child, [other]);
      priority[at] = value;
    }
    return value;
  };

  const parentSets = (child: number): number[][] => {
    let pool = placed;
    if (placed.length > poolSize) {
      pool = placed
        .map((p) => ({ p, r: rank(child, p) }))
        .sort((a, b) => b.r - a.r || a.p - b.p)
        .slice(0, poolSize)
        .map((e) => e.p);
    }
    pool = [...pool].sort((a, b) => a - b);
    const smallest = pool.map((p) => sizes[p] as number).sort((a, b) => a - b);
    for (let size = Math.min(options.degree, pool.length); size > 0; size--) {
      // Skip a size whose smallest possible table is already too big, without enumerating its subsets.
      if ((sizes[child] as number) * smallest.slice(0, size).reduce((c, v) => c * v, 1) > options.maxCells) continue;
      const fitting = combinations(pool, size).filter((set) => (sizes[child] as number) * configsOf(set) <= options.maxCells);
      if (fitting.length > 0) return fitting;
    }
    return [[]];
  };

  if (contextCount === 0) {
    let root = remaining[0] as number;
    if (dp) root = remaining[rng.int(remaining.length)] as number;
    else {
      let best = -Infinity;
      for (const node of remaining) {
        const h = entropy(counts(node, []).subarray(0, sizes[node] as number));
        if (h > best) {
          best = h;
          root = node;
        }
      }
    }
    steps.push({ node: root, parents: [], score: 0 });
    placed.push(root);
    remaining.splice(remaining.indexOf(root), 1);
    onStep(steps.length, targets);
  }

  while (remaining.length > 0) {
    const candidates: Candidate[] = [];
    const scores: number[] = [];
    for (const node of remaining) {
      for (const parents of parentSets(node)) {
        candidates.push({ node, parents });
        scores.push(score(node, parents));
      }
    }
    let pick = 0;
    if (dp) pick = exponentialMechanism(scores, options.epsilonPerSelection as number, selectionSensitivity(n, sizes, candidates), rng);
    else for (let i = 1; i < scores.length; i++) if ((scores[i] as number) > (scores[pick] as number)) pick = i;
    const chosen = candidates[pick] as Candidate;
    steps.push({ node: chosen.node, parents: chosen.parents, score: scores[pick] as number });
    placed.push(chosen.node);
    remaining.splice(remaining.indexOf(chosen.node), 1);
    onStep(steps.length, targets);
  }
  return steps;
}

/** A (node, parent set) pair the greedy search may add. */
export interface Candidate {
  node: number;
  parents: number[];
}

/**
 * Sensitivity of the mutual-information score over one selection's candidates: the largest Lemma 4.1 bound among
 * them (Zhang et al. 2017), so one Δ serves the whole exponential-mechanism draw. A candidate is "binary" when its
 * child or its parent set has at most two values; only domain sizes are read, never data.
 */
export function selectionSensitivity(n: number, sizes: readonly number[], candidates: readonly Candidate[]): number {
  let sensitivity = 0;
  for (const { node, parents } of candidates) {
    const configs = parents.reduce((c, p) => c * (sizes[p] as number), 1);
    const binary = (sizes[node] as number) <= 2 || configs <= 2;
    sensitivity = Math.max(sensitivity, mutualInformationSensitivity(n, binary));
  }
  return sensitivity;
}

/** All size-`size` subsets of `items`, in lexicographic order of positions. */
export function combinations<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  const current: T[] = [];
  const walk = (start: number) => {
    if (current.length === size) {
      out.push(current.slice());
      return;
    }
    for (let i = start; i <= items.length - (size - current.length); i++) {
      current.push(items[i] as T);
      walk(i + 1);
      current.pop();
    }
  };
  walk(0);
  return out;
}
