import { DataError } from "../../core/errors.js";
import type { Column, Table } from "../../evaluation/types.js";

/**
 * How a clustered table (many rows per patient) splits into patient-level and row-level columns.
 *
 * - **parent** columns are constant within every patient (age, sex, DMFT totals): modelled once per patient.
 * - the **key** column, when there is one, numbers a patient's rows (the tooth): unique within each patient and
 *   with few distinct values. Which keys a patient has (which teeth are present) is then a patient-level fact.
 * - **child** columns vary within a patient (pocket depth of each tooth): modelled per row, given the patient's
 *   attributes and the key.
 */
export interface EntityStructure {
  entity: string;
  /** Row indices of each patient, patients in order of first appearance. */
  groups: Int32Array[];
  parent: string[];
  key: string | null;
  /** Distinct key values as text, sorted by frequency (most common first), ties by value. */
  keyValues: string[];
  child: string[];
  /** Other id columns, which are not modelled and are left out of samples. */
  droppedIds: string[];
  /** Training rows that repeat their patient's key (tolerated duplicates; samples have each key once). */
  keyRepeats: number;
}

/** Keys with more distinct values than this are not a position within the patient (teeth: 32, surfaces: 160). */
export const MAX_KEY_VALUES = 200;

export function cellText(column: Column, row: number): string | null {
  const v = column.values[row];
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isNaN(v) ? null : String(v);
  return v;
}

/**
 * Finds the patient groups and the column roles.
 *
 * @param key a key column name, `null` for none, or undefined to detect one (the first non-parent column whose
 *   values are unique within every patient, with at most MAX_KEY_VALUES distinct values, on tables with more
 *   than one row per patient on average)
 * @throws {DataError} the entity column is missing or has missing values; the named key is not unique per patient
 */
export function entityStructure(table: Table, entity: string, key?: string | null): EntityStructure {
  const entityColumn = table.columns.find((c) => c.name === entity);
  if (!entityColumn) throw new DataError(`the entity column ${entity} is not in the training table`, "Name an existing column with --entity, or pass --entity none for independent rows.");
  const index = new Map<string, number>();
  const members: number[][] = [];
  for (let r = 0; r < table.nRows; r++) {
    const id = cellText(entityColumn, r);
    if (id === null) throw new DataError(`the entity column ${entity} is empty in row ${r + 1}`, "Fill in the patient id of every row, or pass --entity none.");
    let g = index.get(id);
    if (g === undefined) {
      g = members.length;
      index.set(id, g);
      members.push([]);
    }
    (members[g] as number[]).push(r);
  }
  const groups = members.map((m) => Int32Array.from(m));
  const parent: string[] = [];
  const varying: Column[] = [];
  const droppedIds: string[] = [];
  for (const column of table.columns) {
    if (column.name === entity) continue;
    if (column.kind === "id") {
      droppedIds.push(column.name);
      continue;
    }
    if (constantWithinGroups(column, groups)) parent.push(column.name);
    else varying.push(column);
  }
  const meanRows = table.nRows / Math.max(1, groups.length);
  let keyColumn: Column | undefined;
  let keyRepeats = 0;
  if (key) {
    keyColumn = varying.find((c) => c.name === key);
    if (!keyColumn) throw new DataError(`the key column ${key} is not a row-level column of the training table`, "Name a column that numbers a patient's rows (e.g. tooth), or pass --key none.");
    const repeats = repeatsWithinGroups(keyColumn, groups);
    keyRepeats = repeats;
    if (repeats < 0 || repeats > KEY_REPEAT_TOLERANCE * table.nRows) {
      throw new DataError(
        repeats < 0 ? `the key column ${key} has missing values` : `the key column ${key} repeats within a patient in ${repeats} rows`,
        "Name a column whose values are unique within each patient, or pass --key none.",
      );
    }
  } else if (key === undefined && meanRows > 1) {
    keyColumn = varying.find((c) => {
      const repeats = repeatsWithinGroups(c, groups);
      keyRepeats = repeats;
      return repeats >= 0 && repeats <= KEY_REPEAT_TOLERANCE * table.nRows && distinctCount(c, table.nRows) <= MAX_KEY_VALUES;
    });
    if (!keyColumn) keyRepeats = 0;
  }
  const keyValues = keyColumn ? valuesByFrequency(keyColumn, table.nRows) : [];
  return {
    entity,
    groups,
    parent,
    key: keyColumn?.name ?? null,
    keyValues,
    child: varying.filter((c) => c !== keyColumn).map((c) => c.name),
    droppedIds,
    keyRepeats,
  };
}

function constantWithinGroups(column: Column, groups: Int32Array[]): boolean {
  for (const g of groups) {
    const first = cellText(column, g[0] as number);
    for (let k = 1; k < g.length; k++) if (cellText(column, g[k] as number) !== first) return false;
  }
  return true;
}

/**
 * Rows repeating a key value already seen for their patient, or -1 when a key is missing (no key then). Real
 * tables have a few such repeats (the Creighton table lists 98 of 65,229 tooth rows twice), so a key tolerates
 * up to KEY_REPEAT_TOLERANCE of the rows; samples then hold each key once per patient.
 */
function repeatsWithinGroups(column: Column, groups: Int32Array[]): number {
  let repeats = 0;
  for (const g of groups) {
    const seen = new Set<string>();
    for (let k = 0; k < g.length; k++) {
      const v = cellText(column, g[k] as number);
      if (v === null) return -1;
      if (seen.has(v)) repeats++;
      seen.add(v);
    }
  }
  return repeats;
}

/** Share of rows that may repeat a patient's key value (data-entry duplicates) for the column to still be a key. */
export const KEY_REPEAT_TOLERANCE = 0.01;

function distinctCount(column: Column, nRows: number): number {
  const seen = new Set<string | null>();
  for (let r = 0; r < nRows && seen.size <= MAX_KEY_VALUES; r++) seen.add(cellText(column, r));
  return seen.size;
}

function valuesByFrequency(column: Column, nRows: number): string[] {
  const counts = new Map<string, number>();
  for (let r = 0; r < nRows; r++) {
    const v = cellText(column, r);
    if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || compareValues(a[0], b[0])).map(([v]) => v);
}

function compareValues(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
