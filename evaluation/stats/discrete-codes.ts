import type { Column } from "../types.js";

/**
 * Integer codes for discrete columns (categorical, boolean, id) over one shared list of levels, so that the
 * same category gets the same code in the real and the synthetic column. Missing cells get −1.
 */
export interface DiscreteCodes {
  /** One code array per input column, in input order. */
  codes: Int32Array[];
  /** Level labels by code: categories as they are, booleans as "false"/"true". */
  levels: string[];
}

/**
 * Codes several discrete columns against one shared level list, levels numbered in order of first appearance
 * (the first column first, so real categories come before synthetic-only ones when real is passed first).
 * Numeric columns are coded by their value's text, which suits booleans (0/1) and small integer codes.
 */
export function sharedDiscreteCodes(columns: readonly Column[]): DiscreteCodes {
  const index = new Map<string, number>();
  const levels: string[] = [];
  const codes = columns.map((column) => {
    const n = column.values.length;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = column.values[i];
      let key: string | null;
      if (v === null || v === undefined) key = null;
      else if (typeof v === "number") key = Number.isNaN(v) ? null : column.kind === "boolean" ? (v ? "true" : "false") : String(v);
      else key = v;
      if (key === null) {
        out[i] = -1;
        continue;
      }
      let code = index.get(key);
      if (code === undefined) {
        code = levels.length;
        index.set(key, code);
        levels.push(key);
      }
      out[i] = code;
    }
    return out;
  });
  return { codes, levels };
}

/**
 * Weighted counts of each code (missing −1 skipped). `weights` (optional) gives each row a multiplicity, as a
 * bootstrap resample does; the default is 1 per row.
 */
export function countCodes(codes: Int32Array, nLevels: number, weights?: Float64Array): Float64Array {
  const counts = new Float64Array(nLevels);
  if (weights) {
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] as number;
      if (c >= 0) counts[c]! += weights[i] as number;
    }
  } else {
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] as number;
      if (c >= 0) counts[c]!++;
    }
  }
  return counts;
}
