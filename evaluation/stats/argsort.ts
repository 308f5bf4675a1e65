/**
 * Row indices ordered by ascending value (ties keep row order), for NaN-free values.
 *
 * A comparator sort of indices is several times slower in V8 than the native numeric sort of a Float64Array,
 * so this sorts a copy of the values natively, finds each row's rank among the distinct values by binary
 * search, and places rows with a counting sort. Cost: O(n log n) in cheap steps.
 *
 * @example
 * argsort(Float64Array.of(3, 1, 2, 1)) // Int32Array [1, 3, 2, 0]
 */
export function argsort(values: Float64Array): Int32Array {
  const n = values.length;
  const distinct = values.slice().sort();
  let u = 0;
  for (let i = 0; i < n; i++) if (i === 0 || distinct[i] !== distinct[u - 1]) distinct[u++] = distinct[i] as number;
  const ranks = new Int32Array(n);
  const counts = new Int32Array(u + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    let lo = 0;
    let hi = u - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((distinct[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo;
    counts[lo + 1]!++;
  }
  for (let r = 0; r < u; r++) counts[r + 1]! += counts[r] as number;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[counts[ranks[i] as number]!++] = i;
  return order;
}
