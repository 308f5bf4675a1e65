import { buildEntityIndex, type EntityIndex } from "../../data/entity-index.js";
import type { ColumnKind, SampleSizes, Table } from "../../types.js";

/**
 * What every fidelity metric compares: a real table, a synthetic table with the same columns (see
 * `alignTables`), and optionally the column that groups rows into entities (patients).
 *
 * The same shape serves the noise floor: pass the real holdout as `synthetic`.
 */
export interface FidelityInput {
  real: Table;
  synthetic: Table;
  /** Entity column present in both tables; null or absent means rows are independent. */
  entity?: string | null;
}

/** A {@link FidelityInput} with its entity indexes built and its comparable columns listed. */
export interface PreparedPair {
  real: Table;
  synthetic: Table;
  realIndex: EntityIndex;
  syntheticIndex: EntityIndex;
  /** Columns in both tables with the same kind, excluding ids, in the real table's order. */
  shared: { name: string; kind: ColumnKind }[];
  n: SampleSizes;
  warnings: string[];
}

/**
 * Builds entity indexes for both tables and lists the comparable columns. If the synthetic table lacks the
 * entity column its rows are treated as independent, with a warning, since its intervals are then too narrow
 * when the synthetic rows really are clustered.
 */
export function preparePair(input: FidelityInput): PreparedPair {
  const warnings: string[] = [];
  const entity = input.entity ?? null;
  const has = (t: Table, name: string): boolean => t.columns.some((c) => c.name === name);
  const realIndex = buildEntityIndex(input.real, entity !== null && has(input.real, entity) ? entity : null);
  let syntheticEntity: string | null = null;
  if (entity !== null) {
    if (has(input.synthetic, entity)) syntheticEntity = entity;
    else warnings.push(`the synthetic table has no ${entity} column; its rows are treated as independent`);
  }
  const syntheticIndex = buildEntityIndex(input.synthetic, syntheticEntity);
  const syntheticKinds = new Map(input.synthetic.columns.map((c) => [c.name, c.kind]));
  const shared = input.real.columns
    .filter((c) => c.kind !== "id" && syntheticKinds.get(c.name) === c.kind)
    .map((c) => ({ name: c.name, kind: c.kind }));
  const n: SampleSizes = { real: input.real.nRows, synthetic: input.synthetic.nRows };
  if (entity !== null) n.entities = { real: realIndex.nEntities, synthetic: syntheticIndex.nEntities };
  return { real: input.real, synthetic: input.synthetic, realIndex, syntheticIndex, shared, n, warnings };
}

/** The column of a table by name (the caller has checked that it exists). */
export function columnOf(table: Table, name: string): Table["columns"][number] {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new RangeError(`column ${name} not found`);
  return column;
}
