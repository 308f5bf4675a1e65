/**
 * Equivalence classes on quasi-identifiers, shared by k-anonymity, l-diversity and t-closeness: rows with equal
 * (generalised) quasi-identifier values form a class; a class's size is its number of distinct *patients*.
 *
 * Generalisation of numeric quasi-identifiers: exact values would make almost every class a singleton, so numeric
 * columns with more than `maxExact` (default 20) distinct values are cut into `bins` (default 10) equal-width bins
 * over the training data's range (values outside fall in the first/last bin), or at the edges given per column.
 * Missing values form a class value of their own.
 */
import { DataError, UsageError } from "../../../../core/errors.js";
import type { EntityIndex } from "../../../data/entity-index.js";
import type { Column, Table } from "../../../types.js";

/** How quasi-identifiers are generalised before grouping. */
export interface QuasiIdentifierOptions {
  /** The quasi-identifier columns (e.g. age, sex, postcode area). Required. */
  quasiIdentifiers: readonly string[];
  /** Bins for numeric quasi-identifiers: a count of equal-width bins (default 10), or inner edges per column. */
  bins?: number | Readonly<Record<string, readonly number[]>>;
  /** Numeric columns with at most this many distinct values are used exactly; default 20. */
  maxExact?: number;
}

/** The generalisation applied to one quasi-identifier (for the report). */
export interface Generalisation {
  column: string;
  /** Inner bin edges, or null when exact values are used. */
  edges: number[] | null;
}

/**
 * What a report may say about a generalisation: the number of bins per column, not the edges (equal-width edges
 * are computed from the real minimum and maximum, which are real patients' values).
 */
export function describeGeneralisation(gen: readonly Generalisation[]): { column: string; bins: number | "exact" }[] {
  return gen.map((g) => ({ column: g.column, bins: g.edges === null ? "exact" : g.edges.length + 1 }));
}

/** Classes of one table: class of each row, patients and rows per class. */
export interface Classes {
  classOf: Int32Array;
  nClasses: number;
  /** Distinct entities per class. */
  entities: Int32Array;
  rows: Int32Array;
}

/**
 * Fits the generalisation on the reference (training) table.
 * @throws {UsageError} no quasi-identifier given
 * @throws {DataError} a quasi-identifier is missing from the reference
 */
export function fitGeneralisation(reference: Table, options: QuasiIdentifierOptions): Generalisation[] {
  if (options.quasiIdentifiers.length === 0) throw new UsageError([{ path: "quasiIdentifiers", message: "name at least one column" }]);
  const maxExact = options.maxExact ?? 20;
  return options.quasiIdentifiers.map((name) => {
    const col = reference.columns.find((c) => c.name === name);
    if (!col) throw new DataError(`quasi-identifier ${JSON.stringify(name)} is not in the training table`);
    if (col.kind === "categorical" || col.kind === "id") return { column: name, edges: null };
    const explicit = typeof options.bins === "object" ? options.bins[name] : undefined;
    if (explicit) return { column: name, edges: [...explicit].sort((a, b) => a - b) };
    const values = col.values as Float64Array;
    const distinct = new Set<number>();
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      if (Number.isNaN(v)) continue;
      if (distinct.size <= maxExact) distinct.add(v);
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (distinct.size <= maxExact) return { column: name, edges: null };
    const bins = typeof options.bins === "number" ? options.bins : 10;
    const edges: number[] = [];
    for (let b = 1; b < bins; b++) edges.push(min + ((max - min) * b) / bins);
    return { column: name, edges };
  });
}

/** Groups a table's rows into classes by generalised quasi-identifiers. Cost: O(rows · quasi-identifiers). */
export function equivalenceClasses(table: Table, gen: readonly Generalisation[], index: EntityIndex): Classes {
  const cols = gen.map((g) => {
    const c = table.columns.find((x) => x.name === g.column);
    if (!c) throw new DataError(`table has no quasi-identifier column ${JSON.stringify(g.column)}`);
    return c;
  });
  const keyOf = (row: number) =>
    cols
      .map((c: Column, j) => {
        const v = c.values[row];
        if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return "\u0000";
        const edges = (gen[j] as Generalisation).edges;
        if (edges === null || typeof v === "string") return typeof v === "string" ? JSON.stringify(v) : String(v);
        let b = 0;
        while (b < edges.length && v >= (edges[b] as number)) b++;
        return `#${b}`;
      })
      .join("\u0001");
  const ids = new Map<string, number>();
  const classOf = new Int32Array(table.nRows);
  for (let i = 0; i < table.nRows; i++) {
    const key = keyOf(i);
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    classOf[i] = id;
  }
  const nClasses = ids.size;
  const rows = new Int32Array(nClasses);
  const entities = new Int32Array(nClasses);
  const seen = new Set<number>();
  for (let i = 0; i < table.nRows; i++) {
    const c = classOf[i] as number;
    rows[c]!++;
    // A patient counts once per class (teeth of one patient share its patient-level quasi-identifiers).
    const pair = c * index.nEntities + (index.rowEntity[i] as number);
    if (!seen.has(pair)) {
      seen.add(pair);
      entities[c]!++;
    }
  }
  return { classOf, nClasses, entities, rows };
}
