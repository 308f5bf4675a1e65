import type { Rng } from "../../core/rng.js";
import type { ConditionalTable } from "./conditional-table.js";

/** What sampling needs of a fitted network. */
export interface SamplingNetwork {
  /** Domain size of every node (context nodes first). */
  sizes: readonly number[];
  /** Nodes in network order: every parent comes before its child (or is a context node). */
  steps: readonly { node: number; parents: readonly number[] }[];
  /** P(node | parents), aligned with `steps`. */
  tables: readonly ConditionalTable[];
}

/**
 * Ancestral sampling (forward sampling in network order; Koller & Friedman 2009, "Probabilistic Graphical
 * Models", §12.1.1): each node is drawn from its conditional table given the parents drawn (or given) before it.
 * Context nodes are not drawn: `given` holds their codes, one per row, and the network conditions on them.
 *
 * A row whose parents include an unknown code (-1: a context value the training data never had, e.g. missing
 * where training had no missing values) draws the child from its marginal instead.
 *
 * Vectorised node by node over all rows with typed arrays; each draw is one uniform against the cumulative
 * row of the table (binary search for wide children). Cost: O(rows · nodes · (parents + log size)).
 *
 * @returns the codes of every node (context nodes: the given codes)
 */
export function sampleCodes(network: SamplingNetwork, given: readonly (Int32Array | undefined)[], rows: number, rng: Rng): Int32Array[] {
  const codes: Int32Array[] = network.sizes.map((_, node) => given[node] ?? new Int32Array(rows));
  network.steps.forEach((step, s) => {
    const table = network.tables[s] as ConditionalTable;
    const size = table.childSize;
    const cumulative = cumulativeRows(table.probabilities, size);
    const marginal = cumulativeRows(table.marginal, size);
    const parentCodes = step.parents.map((p) => codes[p] as Int32Array);
    const parentSizes = step.parents.map((p) => network.sizes[p] as number);
    const out = codes[step.node] as Int32Array;
    for (let i = 0; i < rows; i++) {
      let config = 0;
      let known = true;
      for (let j = 0; j < parentCodes.length; j++) {
        const c = (parentCodes[j] as Int32Array)[i] as number;
        if (c < 0) known = false;
        config = config * (parentSizes[j] as number) + c;
      }
      out[i] = known ? draw(cumulative, config * size, size, rng.next()) : draw(marginal, 0, size, rng.next());
    }
  });
  return codes;
}

/** Running sums of each row of `size` probabilities; from the last positive entry on, exactly 1. */
function cumulativeRows(probabilities: Float64Array, size: number): Float64Array {
  const out = new Float64Array(probabilities.length);
  for (let base = 0; base < probabilities.length; base += size) {
    let sum = 0;
    let lastPositive = size - 1;
    for (let x = 0; x < size; x++) {
      const p = probabilities[base + x] as number;
      sum += p;
      out[base + x] = sum;
      if (p > 0) lastPositive = x;
    }
    // Rounding can leave the total at 0.9999999999999998; a uniform above it must not pick a zero-probability tail.
    for (let x = lastPositive; x < size; x++) out[base + x] = 1;
  }
  return out;
}

/** The first code whose cumulative probability exceeds `u`. */
function draw(cumulative: Float64Array, base: number, size: number, u: number): number {
  if (size <= 16) {
    for (let x = 0; x < size - 1; x++) if (u < (cumulative[base + x] as number)) return x;
    return size - 1;
  }
  let a = 0;
  let b = size - 1;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (u < (cumulative[base + mid] as number)) b = mid;
    else a = mid + 1;
  }
  return a;
}
