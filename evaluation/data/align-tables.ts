import { DataError, type Problem } from "../../core/errors.js";
import type { ColumnKind, Table } from "../types.js";
import { selectColumns } from "./take-rows.js";

export interface AlignOptions {
  /** Treat a column missing from the holdout or synthetic table as an error instead of dropping it. */
  strict?: boolean;
  /** Entity column: checked for overlap between train and holdout. */
  entity?: string | null;
  /** Warn when the holdout has fewer rows than this fraction of train; default 0.5 (as SDMetrics warns). */
  minHoldoutFraction?: number;
}

export interface AlignedTables {
  train: Table;
  holdout: Table;
  synthetic: Table;
  /** Shared columns, in the training table's order. */
  columns: string[];
  /** Every mismatch found, with the table and column as its path (e.g. `synthetic.age`). */
  mismatches: Problem[];
  warnings: string[];
}

/**
 * Restricts train, holdout and synthetic tables to the columns all three share, and reports every mismatch
 * together: columns missing from a table, extra columns, and columns whose kind differs.
 *
 * A kind mismatch is always fatal (comparing a numeric column with a categorical one means nothing); a column
 * missing from the holdout or synthetic table is dropped with a mismatch entry, or fatal with `strict`. Also
 * warns when the holdout is much smaller than train (the noise floor then understates what a good generator
 * reaches) and when train and holdout share entities (the noise floor is then optimistic).
 *
 * @throws {DataError} kind mismatches, strict-mode absences, or no shared comparable column, all listed at once
 */
export function alignTables(train: Table, holdout: Table, synthetic: Table, options: AlignOptions = {}): AlignedTables {
  const { strict = false, minHoldoutFraction = 0.5 } = options;
  const kinds = {
    holdout: new Map<string, ColumnKind>(holdout.columns.map((c) => [c.name, c.kind])),
    synthetic: new Map<string, ColumnKind>(synthetic.columns.map((c) => [c.name, c.kind])),
  };
  const mismatches: Problem[] = [];
  const fatal: Problem[] = [];
  const columns: string[] = [];
  for (const column of train.columns) {
    let shared = true;
    for (const side of ["holdout", "synthetic"] as const) {
      const kind = kinds[side].get(column.name);
      if (kind === undefined) {
        const problem = { path: `${side}.${column.name}`, message: "column missing" };
        mismatches.push(problem);
        if (strict) fatal.push(problem);
        shared = false;
      } else if (kind !== column.kind) {
        const problem = { path: `${side}.${column.name}`, message: `kind ${kind}, but ${column.kind} in train` };
        mismatches.push(problem);
        fatal.push(problem);
        shared = false;
      }
    }
    if (shared) columns.push(column.name);
  }
  const trainNames = new Set(train.columns.map((c) => c.name));
  for (const side of ["holdout", "synthetic"] as const) {
    for (const name of kinds[side].keys()) {
      if (!trainNames.has(name)) mismatches.push({ path: `${side}.${name}`, message: "column not in train (ignored)" });
    }
  }
  const comparable = columns.filter((name) => train.columns.find((c) => c.name === name)?.kind !== "id");
  if (comparable.length === 0) fatal.push({ path: "", message: "no comparable column is shared by train, holdout and synthetic" });
  if (fatal.length > 0) {
    throw new DataError(
      `tables do not align\n${fatal.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("\n")}`,
      "Make the synthetic and holdout tables use the training table's column names and types, or fix the types with --metadata.",
    );
  }

  const warnings: string[] = [];
  if (holdout.nRows < minHoldoutFraction * train.nRows) {
    warnings.push(
      `holdout has ${holdout.nRows} rows, under ${Math.round(minHoldoutFraction * 100)}% of train (${train.nRows}); ` +
        "the real-vs-real noise floor will look worse than what a perfect generator reaches",
    );
  }
  if (options.entity) {
    const overlap = sharedEntities(train, holdout, options.entity);
    if (overlap > 0) {
      warnings.push(`train and holdout share ${overlap} entities in ${options.entity}; split by entity, or the noise floor is optimistic`);
    }
  }
  return {
    train: selectColumns(train, columns),
    holdout: selectColumns(holdout, columns),
    synthetic: selectColumns(synthetic, columns),
    columns,
    mismatches,
    warnings,
  };
}

function sharedEntities(a: Table, b: Table, column: string): number {
  const ca = a.columns.find((c) => c.name === column);
  const cb = b.columns.find((c) => c.name === column);
  if (!ca || !cb) return 0;
  const keysA = new Set<string>();
  for (const v of ca.values) if (v !== null && !(typeof v === "number" && Number.isNaN(v))) keysA.add(String(v));
  const shared = new Set<string>();
  for (const v of cb.values) {
    if (v === null || (typeof v === "number" && Number.isNaN(v))) continue;
    const key = String(v);
    if (keysA.has(key)) shared.add(key);
  }
  return shared.size;
}
