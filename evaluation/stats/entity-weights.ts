import type { EntityIndex } from "../data/entity-index.js";

/**
 * Row weights of a cluster-bootstrap resample: each row weighs as many times as its entity was drawn.
 *
 * Metrics turn the entity indices drawn by `bootstrapStratified` / `bootstrapPercentile` (stats/intervals.ts)
 * into these weights and recompute their statistic as a weighted sum, which is the same as materialising the
 * resampled table but without copying a row.
 *
 * Cost: O(drawn entities + rows).
 */
export function entityRowWeights(drawn: Int32Array, index: EntityIndex, out: Float64Array = new Float64Array(index.nRows)): Float64Array {
  const multiplicity = new Float64Array(index.nEntities);
  for (let i = 0; i < drawn.length; i++) multiplicity[drawn[i] as number]!++;
  const rowEntity = index.rowEntity;
  for (let r = 0; r < out.length; r++) out[r] = multiplicity[rowEntity[r] as number] as number;
  return out;
}

/**
 * The row indices of a cluster-bootstrap resample: every row of each drawn entity, once per draw. For
 * statistics that need an actual list of rows (AUC, F1) rather than weights.
 */
export function entityRows(drawn: Int32Array, index: EntityIndex): Int32Array {
  let total = 0;
  for (let i = 0; i < drawn.length; i++) {
    const e = drawn[i] as number;
    total += (index.offsets[e + 1] as number) - (index.offsets[e] as number);
  }
  const out = new Int32Array(total);
  let w = 0;
  for (let i = 0; i < drawn.length; i++) {
    const e = drawn[i] as number;
    for (let p = index.offsets[e] as number, end = index.offsets[e + 1] as number; p < end; p++) out[w++] = index.rows[p] as number;
  }
  return out;
}
