import { DataError } from "../../core/errors.js";
import { toRawValue, type RawTable, type RawValue } from "./raw-table.js";

export interface ParseJsonlOptions {
  source?: string;
  /** How many bad lines to list before giving up; default 10. */
  maxProblems?: number;
}

/**
 * Parses JSON Lines (one JSON object per line) into a {@link RawTable}.
 *
 * Columns are the union of keys in first-seen order; a key absent from a line, or `null`, is a missing cell.
 * Numbers, strings and booleans keep their JSON type (so `"007"` stays a string and `7` a number); nested
 * objects and arrays are kept as their JSON text and will usually be typed categorical.
 *
 * Bad lines (not JSON, or not an object) are reported together with their line numbers.
 * Source: https://jsonlines.org/
 *
 * @throws {DataError} malformed lines, or no records at all
 */
export function parseJsonl(text: string, options: ParseJsonlOptions = {}): RawTable {
  const { source = "jsonl", maxProblems = 10 } = options;
  const columns = new Map<string, RawValue[]>();
  const order: string[] = [];
  const problems: string[] = [];
  let nRows = 0;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNumber = 0;
  while (start <= text.length && problems.length < maxProblems) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    lineNumber++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === "") continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      problems.push(`line ${lineNumber}: not valid JSON`);
      continue;
    }
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      problems.push(`line ${lineNumber}: expected a JSON object`);
      continue;
    }
    for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
      let values = columns.get(key);
      if (!values) {
        // Earlier records lacked this key: their cells are missing.
        values = new Array<RawValue>(nRows).fill(null);
        columns.set(key, values);
        order.push(key);
      }
      values[nRows] = toRawValue(value);
    }
    nRows++;
    // Keys absent from this record leave holes; fill them so every column has nRows cells.
    for (const values of columns.values()) if (values.length < nRows) values.length = nRows;
  }
  if (problems.length > 0) throw new DataError(`${source}: malformed jsonl\n${problems.join("\n")}`);
  if (nRows === 0) throw new DataError(`${source}: no records in jsonl`);
  return {
    source,
    format: "jsonl",
    columns: order.map((name) => {
      const values = columns.get(name) as RawValue[];
      // Holes from absent keys read back as undefined; normalise them to null.
      for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
      return { name, values };
    }),
    nRows,
  };
}
