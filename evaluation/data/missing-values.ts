import type { RawValue } from "./raw-table.js";

/**
 * Text cells read as missing by default: the `na_values` list of pandas.read_csv, so a file reads the same here
 * as in the Python tools people compare against. Whitespace around a cell is ignored when matching, and a cell
 * of only spaces is missing too.
 * Source: https://pandas.pydata.org/docs/reference/api/pandas.read_csv.html (na_values)
 */
export const DEFAULT_MISSING_TOKENS: readonly string[] = [
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
];

/**
 * Whether a raw cell is missing: `null`, `undefined`, a NaN number, an invalid Date, or a string (trimmed)
 * in `tokens`.
 */
export function isMissing(value: RawValue, tokens: ReadonlySet<string>): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return tokens.has(value.trim());
  if (typeof value === "number") return Number.isNaN(value);
  if (value instanceof Date) return Number.isNaN(value.getTime());
  return false;
}
