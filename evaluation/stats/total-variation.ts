/**
 * Total variation distance between two discrete distributions given as (unnormalised) counts over the same
 * levels: TVD = ½ Σ_c |p(c) − q(c)|, in [0, 1]. 0 means identical frequencies, 1 disjoint supports.
 *
 * SDMetrics' TVComplement is 1 − TVD over the categories seen in either table (it gives synthetic-only
 * categories a real count of 1e-6, which changes nothing at double precision; here they simply count 0).
 * Source: https://docs.sdv.dev/sdmetrics/metrics/metrics-glossary/tvcomplement
 *
 * @returns NaN if either side has no counts at all
 * @example
 * totalVariationDistance(Float64Array.of(5, 5), Float64Array.of(8, 2)) // 0.3
 */
export function totalVariationDistance(p: Float64Array, q: Float64Array): number {
  const n = Math.max(p.length, q.length);
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) sp += p[i] as number;
  for (let i = 0; i < q.length; i++) sq += q[i] as number;
  if (sp <= 0 || sq <= 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs((p[i] ?? 0) / sp - (q[i] ?? 0) / sq);
  return 0.5 * sum;
}
