import { Rng } from "../../core/rng.js";
import { DataError } from "../../core/errors.js";
import type { RawTable } from "../data/raw-table.js";

export interface EntitySplit {
  /** Row indices of each part, in the input's row order. */
  train: number[];
  holdout: number[];
  entities: { train: number; holdout: number };
}

/**
 * Splits rows into train and holdout by entity (patient), never by row: all rows of one patient land on the same
 * side, so a membership attack or a detector cannot win by recognising a patient's other teeth.
 *
 * Entities are sorted by their key before a seeded shuffle, so the split depends only on (seed, the set of
 * entities, fraction) and not on row order. The holdout gets round(fraction x entities) patients, at least one
 * on each side.
 */
export function splitByEntity(table: RawTable, by: string, holdoutFraction: number, seed: string): EntitySplit {
  const column = table.columns.find((c) => c.name === by);
  if (!column) {
    throw new DataError(
      `no column ${JSON.stringify(by)} in ${table.source}`,
      `Name the patient id column with --by; columns are: ${table.columns.map((c) => c.name).join(", ")}.`,
    );
  }
  const rowsByEntity = new Map<string, number[]>();
  let missing = 0;
  column.values.forEach((value, row) => {
    if (value === null || value === undefined || value === "") {
      missing++;
      return;
    }
    const key = String(value);
    let rows = rowsByEntity.get(key);
    if (!rows) rowsByEntity.set(key, (rows = []));
    rows.push(row);
  });
  if (missing > 0) {
    throw new DataError(`${missing} rows of ${table.source} have no ${by}`, "Every row needs its patient id to be split by patient.");
  }
  const keys = [...rowsByEntity.keys()].sort();
  if (keys.length < 2) throw new DataError(`${table.source} has ${keys.length} distinct ${by}; a split needs at least 2`);
  const nHoldout = Math.min(keys.length - 1, Math.max(1, Math.round(holdoutFraction * keys.length)));
  const shuffled = new Rng(`${seed}/split/${by}`).shuffle(keys);
  const holdoutKeys = new Set(shuffled.slice(0, nHoldout));
  const train: number[] = [];
  const holdout: number[] = [];
  column.values.forEach((value, row) => (holdoutKeys.has(String(value)) ? holdout : train).push(row));
  return { train, holdout, entities: { train: keys.length - nHoldout, holdout: nHoldout } };
}
