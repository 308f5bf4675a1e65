import type { Column, Table } from "../types.js";

/**
 * A new table holding the given rows, in the given order (indices may repeat, as in a bootstrap resample).
 * Numeric columns are copied into fresh typed arrays; string columns into fresh arrays of the same strings.
 */
export function takeRows(table: Table, rows: ArrayLike<number>): Table {
  const n = rows.length;
  const columns: Column[] = table.columns.map((column) => {
    if (column.kind === "categorical" || column.kind === "id") {
      const out = new Array<string | null>(n);
      for (let i = 0; i < n; i++) out[i] = column.values[rows[i] as number] ?? null;
      return { name: column.name, kind: column.kind, values: out };
    }
    const out = new Float64Array(n);
    const src = column.values;
    for (let i = 0; i < n; i++) out[i] = src[rows[i] as number] as number;
    return { name: column.name, kind: column.kind, values: out };
  });
  return { columns, nRows: n };
}

/** The same table restricted to the named columns, in that order (columns are shared, not copied). */
export function selectColumns(table: Table, names: readonly string[]): Table {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const columns: Column[] = [];
  for (const name of names) {
    const column = byName.get(name);
    if (column) columns.push(column);
  }
  return { columns, nRows: table.nRows };
}

/** Finds a column by name. */
export function getColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}
