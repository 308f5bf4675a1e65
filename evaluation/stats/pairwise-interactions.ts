import type { EncodedFeature } from "./table-encoder.js";
import type { Matrix } from "./matrix.js";

/**
 * Chooses pairs of encoded features whose products a linear model gets as extra inputs: among the `maxBase`
 * features with the largest variance in the reference matrix (value and level features only), every pair from
 * different source columns (two levels of one column are never both 1, so their product is always 0).
 *
 * Why: a linear detector sees only shifts of each feature's mean, so it is blind to a generator that gets every
 * marginal right and every dependence wrong (columns sampled independently). Products of standardised
 * features are what it needs to see correlations; this makes logistic regression a quadratic discriminant on
 * the most informative features at a bounded cost (at most maxBase·(maxBase − 1)/2 extra columns).
 */
export function interactionPairs(reference: Matrix, features: readonly EncodedFeature[], maxBase: number): [number, number][] {
  if (maxBase < 2) return [];
  const { data, rows, cols } = reference;
  const variance = new Float64Array(cols);
  const mean = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j]! += data[i * cols + j] as number;
  for (let j = 0; j < cols; j++) mean[j]! /= Math.max(1, rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const d = (data[i * cols + j] as number) - (mean[j] as number);
      variance[j]! += d * d;
    }
  }
  const candidates = features
    .map((f, j) => ({ j, f, v: variance[j] as number }))
    .filter(({ f, v }) => (f.role === "value" || f.role === "level") && v > 0)
    .sort((a, b) => b.v - a.v || a.j - b.j)
    .slice(0, maxBase)
    .sort((a, b) => a.j - b.j);
  const pairs: [number, number][] = [];
  for (let a = 0; a < candidates.length; a++) {
    for (let b = a + 1; b < candidates.length; b++) {
      const fa = candidates[a] as { j: number; f: EncodedFeature };
      const fb = candidates[b] as { j: number; f: EncodedFeature };
      if (fa.f.column !== fb.f.column) pairs.push([fa.j, fb.j]);
    }
  }
  return pairs;
}

/** The matrix with one extra column per pair: the product of the two features. */
export function withInteractions(m: Matrix, pairs: readonly [number, number][]): Matrix {
  if (pairs.length === 0) return m;
  const width = m.cols + pairs.length;
  const out = new Float64Array(m.rows * width);
  for (let i = 0; i < m.rows; i++) {
    const src = i * m.cols;
    const dst = i * width;
    out.set(m.data.subarray(src, src + m.cols), dst);
    for (let p = 0; p < pairs.length; p++) {
      const [a, b] = pairs[p] as [number, number];
      out[dst + m.cols + p] = (m.data[src + a] as number) * (m.data[src + b] as number);
    }
  }
  return { data: out, rows: m.rows, cols: width };
}
