/**
 * Count tables and the information measures the greedy structure search scores with. Everything is in bits
 * (log base 2), the unit of PrivBayes' sensitivity bound; the exponential mechanism only needs score and
 * sensitivity in the same unit.
 */

/**
 * Joint counts of a child column and its parents, laid out parent configuration first:
 * `counts[config * childSize + childCode]`, where `config` is the mixed-radix number of the parents' codes
 * (first parent most significant). Codes must lie in 0..size-1. Cost: O(n · parents).
 *
 * @param out optional scratch array of at least the table's size; it is zeroed and returned
 */
export function jointCounts(
  child: Int32Array,
  childSize: number,
  parents: readonly Int32Array[],
  parentSizes: readonly number[],
  out?: Float64Array,
): Float64Array {
  let configs = 1;
  for (const s of parentSizes) configs *= s;
  const cells = configs * childSize;
  const counts = out && out.length >= cells ? out : new Float64Array(cells);
  counts.fill(0, 0, cells);
  const n = child.length;
  // Specialised loops for the common degrees: the generic one costs an inner loop per row.
  if (parents.length === 0) {
    for (let i = 0; i < n; i++) counts[child[i] as number]!++;
  } else if (parents.length === 1) {
    const p = parents[0] as Int32Array;
    for (let i = 0; i < n; i++) counts[(p[i] as number) * childSize + (child[i] as number)]!++;
  } else if (parents.length === 2) {
    const p = parents[0] as Int32Array;
    const q = parents[1] as Int32Array;
    const qs = parentSizes[1] as number;
    for (let i = 0; i < n; i++) counts[((p[i] as number) * qs + (q[i] as number)) * childSize + (child[i] as number)]!++;
  } else {
    for (let i = 0; i < n; i++) {
      let config = 0;
      for (let j = 0; j < parents.length; j++) config = config * (parentSizes[j] as number) + ((parents[j] as Int32Array)[i] as number);
      counts[config * childSize + (child[i] as number)]!++;
    }
  }
  return counts;
}

/**
 * Mutual information I(X; Π) in bits of the empirical distribution in a `jointCounts` table:
 * Σ p(π, x) log2(p(π, x) / (p(π) p(x))). 0 when the child or the parents are constant. Cost: O(cells).
 */
export function mutualInformation(counts: Float64Array, childSize: number, configs: number): number {
  const childTotals = new Float64Array(childSize);
  let n = 0;
  for (let c = 0; c < configs; c++) {
    const base = c * childSize;
    for (let x = 0; x < childSize; x++) {
      const v = counts[base + x] as number;
      childTotals[x] = (childTotals[x] as number) + v;
      n += v;
    }
  }
  if (n === 0) return 0;
  let sum = 0;
  for (let c = 0; c < configs; c++) {
    const base = c * childSize;
    let configTotal = 0;
    for (let x = 0; x < childSize; x++) configTotal += counts[base + x] as number;
    if (configTotal === 0) continue;
    for (let x = 0; x < childSize; x++) {
      const v = counts[base + x] as number;
      if (v > 0) sum += v * Math.log2((v * n) / (configTotal * (childTotals[x] as number)));
    }
  }
  // Rounding can leave -1e-17 for independent columns; MI is never negative.
  return Math.max(0, sum / n);
}

/** Shannon entropy in bits of a vector of counts. */
export function entropy(counts: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i] as number;
  if (n === 0) return 0;
  let h = 0;
  for (let i = 0; i < counts.length; i++) {
    const v = counts[i] as number;
    if (v > 0) h -= (v / n) * Math.log2(v / n);
  }
  return h;
}

/**
 * Sensitivity (bits) of the empirical mutual information I(X; Π) between neighbouring datasets of `n` rows that
 * differ in one row: Zhang et al. 2017, Lemma 4.1. When X or Π has a binary domain it is
 * (1/n) log2 n + ((n-1)/n) log2(n/(n-1)); otherwise (2/n) log2((n+1)/2) + ((n-1)/n) log2((n+1)/(n-1)).
 *
 * @param binary whether the child's or the parent set's domain has at most two values
 */
export function mutualInformationSensitivity(n: number, binary: boolean): number {
  // One row: MI is always 0, so any bound holds; the formulas below would divide by zero.
  if (n < 2) return 1;
  if (binary) return Math.log2(n) / n + ((n - 1) / n) * Math.log2(n / (n - 1));
  return (2 / n) * Math.log2((n + 1) / 2) + ((n - 1) / n) * Math.log2((n + 1) / (n - 1));
}
