import { DataError } from "../../core/errors.js";
import type { Table } from "../types.js";

/**
 * Rows grouped by entity (patient), in compressed form: `rows[offsets[e] .. offsets[e + 1])` are the rows of
 * entity `e`, and `rowEntity[i]` is the entity of row `i`. Entity codes follow first appearance in the table.
 *
 * Dental tables have many rows per patient, and those rows are not independent: folds, bootstrap resamples and
 * subsamples must take or leave whole patients, or a model learns the patients and a resample understates the
 * spread. Every such operation in the evaluation works on this index. Without an entity column each row is its
 * own entity, so the same code serves independent rows.
 */
export interface EntityIndex {
  /** The grouping column, or null when each row is its own entity. */
  column: string | null;
  nRows: number;
  nEntities: number;
  rowEntity: Int32Array;
  offsets: Int32Array;
  rows: Int32Array;
  /** Rows whose entity value was missing; each became an entity of its own. */
  missingEntityRows: number;
  /** The entity value of each code (string form), for overlap checks; never printed in reports. */
  keys: (string | null)[];
}

/**
 * Builds the {@link EntityIndex} of a table from an entity column, or one entity per row when `column` is
 * null or undefined.
 *
 * Cost: O(rows) with one hash lookup per row.
 * @throws {DataError} the column does not exist
 */
export function buildEntityIndex(table: Table, column?: string | null): EntityIndex {
  const n = table.nRows;
  const rowEntity = new Int32Array(n);
  const keys: (string | null)[] = [];
  let missingEntityRows = 0;
  if (column === null || column === undefined) {
    for (let i = 0; i < n; i++) {
      rowEntity[i] = i;
      keys.push(null);
    }
  } else {
    const found = table.columns.find((c) => c.name === column);
    if (!found) throw new DataError(`entity column not found: ${JSON.stringify(column)}`);
    const codes = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const v = found.values[i];
      const key = v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) ? null : String(v);
      if (key === null) {
        // A row without a patient id cannot be grouped with anyone: it is its own entity.
        missingEntityRows++;
        rowEntity[i] = keys.length;
        keys.push(null);
        continue;
      }
      let code = codes.get(key);
      if (code === undefined) {
        code = keys.length;
        codes.set(key, code);
        keys.push(key);
      }
      rowEntity[i] = code;
    }
  }
  const nEntities = keys.length;
  // Counting sort of rows by entity: offsets from counts, then fill.
  const offsets = new Int32Array(nEntities + 1);
  for (let i = 0; i < n; i++) offsets[rowEntity[i]! + 1]!++;
  for (let e = 0; e < nEntities; e++) offsets[e + 1]! += offsets[e]!;
  const cursor = offsets.slice(0, nEntities);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[cursor[rowEntity[i]!]!++] = i;
  return { column: column ?? null, nRows: n, nEntities, rowEntity, offsets, rows, missingEntityRows, keys };
}
