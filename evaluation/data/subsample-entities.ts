import type { Rng } from "../../core/rng.js";
import type { Table } from "../types.js";
import { buildEntityIndex, type EntityIndex } from "./entity-index.js";
import { takeRows } from "./take-rows.js";

/** What a subsample kept, for the report: enough to reproduce and to judge it. */
export interface SubsampleRecord {
  applied: boolean;
  /** Seed of the stream that chose the entities. */
  seed: string;
  entitiesKept: number;
  entitiesTotal: number;
  rowsKept: number;
  rowsTotal: number;
}

export interface SubsampleOptions {
  /** Stop adding entities once this many rows are taken (the last entity is kept whole, so it may overshoot). */
  maxRows?: number;
  /** Keep at most this many entities. */
  maxEntities?: number;
}

/**
 * A seeded subsample of whole entities: patients are shuffled and taken in that order until the row or
 * entity budget is met; a patient is never split. Rows keep their original order.
 *
 * Why whole entities: splitting a patient would leave correlated rows on both sides of any later comparison.
 * Why "until the budget is met" rather than "skip patients that do not fit": skipping would favour patients
 * with few rows and bias the sample.
 *
 * @example
 * const { table: small, record } = subsampleEntities(train, index, { maxRows: 50_000 }, rng.fork("subsample"));
 */
export function subsampleEntities(
  table: Table,
  index: EntityIndex,
  options: SubsampleOptions,
  rng: Rng,
): { table: Table; index: EntityIndex; record: SubsampleRecord } {
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const maxEntities = options.maxEntities ?? Number.POSITIVE_INFINITY;
  const base = { seed: rng.seed, entitiesTotal: index.nEntities, rowsTotal: table.nRows };
  if (table.nRows <= maxRows && index.nEntities <= maxEntities) {
    return { table, index, record: { ...base, applied: false, entitiesKept: index.nEntities, rowsKept: table.nRows } };
  }
  const order = shuffledCodes(index.nEntities, rng);
  const keep = new Uint8Array(index.nEntities);
  let rowsKept = 0;
  let entitiesKept = 0;
  for (let k = 0; k < order.length && rowsKept < maxRows && entitiesKept < maxEntities; k++) {
    const e = order[k] as number;
    keep[e] = 1;
    entitiesKept++;
    rowsKept += (index.offsets[e + 1] as number) - (index.offsets[e] as number);
  }
  const rows = new Int32Array(rowsKept);
  let w = 0;
  for (let i = 0; i < table.nRows; i++) if (keep[index.rowEntity[i] as number]) rows[w++] = i;
  const sub = takeRows(table, rows);
  return {
    table: sub,
    index: buildEntityIndex(sub, index.column),
    record: { ...base, applied: true, entitiesKept, rowsKept },
  };
}

/** 0..n-1 in a seeded random order (Fisher-Yates on a typed array). */
export function shuffledCodes(n: number, rng: Rng): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i] as number;
    out[i] = out[j] as number;
    out[j] = t;
  }
  return out;
}
