import type { EntityIndex } from "../../data/entity-index.js";
import type { Interval, MetricContext } from "../../types.js";
import { bootstrapStratified, median } from "../../stats/intervals.js";
import type { PreparedPair } from "./fidelity-input.js";

/** One cluster-bootstrap resample: how many times each real and each synthetic entity was drawn. */
export interface EntityDraw {
  real: Float64Array;
  synthetic: Float64Array;
}

/**
 * Cluster-bootstrap interval of a two-table statistic: real entities and synthetic entities are resampled
 * with replacement, each within its own table, and the statistic is recomputed from the draw counts (a row
 * counts as many times as its patient was drawn). Resampling patients, not rows, gives honest intervals for
 * clustered dental rows. Statistics precompute per-entity sums where they can, so a resample costs
 * O(entities) instead of O(rows); {@link rowWeights} turns a draw into row weights for the others.
 *
 * Bias correction: a distance between two samples is biased upward under resampling (each resample adds its
 * own noise on both sides), so the percentile interval of a similarity such as 1 − KS sits below the estimate
 * and may not even contain it. When `estimate` is given, the interval is shifted by the bootstrap bias
 * estimate, median(replicates) − estimate (Efron & Tibshirani, An Introduction to the Bootstrap, 1993, §10),
 * and clipped to `range`.
 *
 * @param statistic called once per resample (the draw buffers are reused; do not keep them)
 * @param options.sides which tables to resample; the other side's counts stay 1 (e.g. boundary adherence
 *   holds the real bounds fixed and resamples only the synthetic side)
 */
export function pairBootstrap(
  pair: PreparedPair,
  ctx: MetricContext,
  statistic: (draw: EntityDraw) => number,
  options: { sides?: "both" | "synthetic" | "real"; resamples?: number; label?: string; estimate?: number; range?: [number, number] } = {},
): { interval: Interval; resamples: number; failed: number; seed: string; bias: number } {
  const sides = options.sides ?? "both";
  const resamples = options.resamples ?? ctx.resamples;
  const draw: EntityDraw = {
    real: new Float64Array(pair.realIndex.nEntities).fill(1),
    synthetic: new Float64Array(pair.syntheticIndex.nEntities).fill(1),
  };
  const sizes: number[] = [];
  if (sides !== "synthetic") sizes.push(pair.realIndex.nEntities);
  if (sides !== "real") sizes.push(pair.syntheticIndex.nEntities);
  const count = (drawn: Int32Array, out: Float64Array): void => {
    out.fill(0);
    for (let i = 0; i < drawn.length; i++) out[drawn[i] as number]!++;
  };
  const result = bootstrapStratified(
    sizes,
    (groups) => {
      let g = 0;
      if (sides !== "synthetic") count(groups[g++] as Int32Array, draw.real);
      if (sides !== "real") count(groups[g++] as Int32Array, draw.synthetic);
      return statistic(draw);
    },
    { rng: ctx.rng.fork(options.label ?? "bootstrap"), resamples, level: ctx.ciLevel },
  );
  let interval = result.interval;
  let bias = 0;
  if (options.estimate !== undefined && Number.isFinite(options.estimate)) {
    bias = median(result.replicates) - options.estimate;
    if (Number.isFinite(bias)) {
      const [min, max] = options.range ?? [0, 1];
      const clip = (x: number): number => Math.min(max, Math.max(min, x));
      interval = { ...interval, lower: clip(interval.lower - bias), upper: clip(interval.upper - bias) };
    } else bias = 0;
  }
  return { interval, resamples, failed: result.failed, seed: result.seed, bias };
}

/** Row weights of a draw: each row weighs its entity's draw count. Cost O(rows). */
export function rowWeights(multiplicity: Float64Array, index: EntityIndex, out: Float64Array = new Float64Array(index.nRows)): Float64Array {
  const rowEntity = index.rowEntity;
  for (let r = 0; r < out.length; r++) out[r] = multiplicity[rowEntity[r] as number] as number;
  return out;
}

/**
 * Codes compressed per entity: one (entity, code, count) triplet for each distinct code an entity has. Weighted
 * code counts under a draw then cost one step per triplet, and patient-level columns (the same value on all of
 * a patient's rows) shrink by the rows-per-patient factor.
 */
export interface EntityCodeCounts {
  entity: Int32Array;
  code: Int32Array;
  count: Float64Array;
  nCodes: number;
}

/** Builds {@link EntityCodeCounts} from one code per row (codes < 0 are left out). Cost O(rows). */
export function entityCodeCounts(codes: Int32Array, index: EntityIndex, nCodes: number): EntityCodeCounts {
  const lastEntity = new Int32Array(nCodes).fill(-1);
  const slot = new Int32Array(nCodes);
  // At most one triplet per row: fill preallocated arrays, then trim.
  const entity = new Int32Array(codes.length);
  const code = new Int32Array(codes.length);
  const count = new Float64Array(codes.length);
  let size = 0;
  for (let e = 0; e < index.nEntities; e++) {
    for (let p = index.offsets[e] as number, end = index.offsets[e + 1] as number; p < end; p++) {
      const c = codes[index.rows[p] as number] as number;
      if (c < 0) continue;
      if (lastEntity[c] === e) {
        count[slot[c] as number]!++;
      } else {
        lastEntity[c] = e;
        slot[c] = size;
        entity[size] = e;
        code[size] = c;
        count[size++] = 1;
      }
    }
  }
  return { entity: entity.slice(0, size), code: code.slice(0, size), count: count.slice(0, size), nCodes };
}

/** Weighted code counts under a draw (or plain counts without one). */
export function drawCodeCounts(c: EntityCodeCounts, multiplicity?: Float64Array, out: Float64Array = new Float64Array(c.nCodes)): Float64Array {
  out.fill(0);
  const { entity, code, count } = c;
  if (multiplicity) {
    for (let t = 0; t < code.length; t++) out[code[t] as number]! += (count[t] as number) * (multiplicity[entity[t] as number] as number);
  } else {
    for (let t = 0; t < code.length; t++) out[code[t] as number]! += count[t] as number;
  }
  return out;
}

/** Σ_e m_e·hits_e / Σ_e m_e·totals_e: a share under a draw, from per-entity counts. NaN when the total is 0. */
export function drawnShare(hits: Float64Array, totals: Float64Array, multiplicity: Float64Array): number {
  let h = 0;
  let t = 0;
  for (let e = 0; e < totals.length; e++) {
    const m = multiplicity[e] as number;
    h += m * (hits[e] as number);
    t += m * (totals[e] as number);
  }
  return t === 0 ? Number.NaN : h / t;
}

/**
 * How many resamples fit a work budget (elementary steps), at least `min`. Pair metrics on wide, tall tables
 * cost up to rows × pairs per resample; rather than run for minutes they use fewer resamples and say so.
 */
export function resamplesWithinBudget(requested: number, workPerResample: number, budget = 2e9, min = 50): number {
  if (workPerResample <= 0) return requested;
  return Math.max(Math.min(requested, min), Math.min(requested, Math.floor(budget / workPerResample)));
}
