import { argsort } from "./argsort.js";

/**
 * Ranks 1..n with ties given their average rank (scipy.stats.rankdata's default "average"), the ranking
 * Spearman's correlation needs. NaN values must be removed first.
 * Cost: O(n log n).
 * Source: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.rankdata.html
 *
 * @example
 * averageRanks(Float64Array.of(10, 20, 10, 30)) // [1.5, 3, 1.5, 4]
 */
export function averageRanks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = argsort(values);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i + 1;
    const v = values[order[i] as number] as number;
    while (j < n && (values[order[j] as number] as number) === v) j++;
    // Positions i..j-1 (0-based) share ranks i+1..j; their average is (i + 1 + j) / 2.
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) ranks[order[k] as number] = rank;
    i = j;
  }
  return ranks;
}
