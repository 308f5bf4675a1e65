import { DataError } from "../../core/errors.js";
import type { RawTable, RawValue } from "./raw-table.js";

export interface ParseCsvOptions {
  /** Field separator, one character; default ",". Use "\t" for TSV. */
  delimiter?: string;
  /** Name of the input, used in error messages. */
  source?: string;
  /** How many malformed rows to list before giving up; default 10. */
  maxProblems?: number;
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/**
 * Parses CSV text (RFC 4180) into a {@link RawTable} of strings, one column per header field.
 *
 * Quoted fields may hold delimiters, line breaks and doubled quotes (`"a ""b"""` is `a "b"`). Lines may end in
 * CRLF or LF; a UTF-8 byte-order mark and blank lines are skipped. Every cell stays a string (an empty field is
 * `""`), because typing belongs to {@link inferSchema}, which sees the whole column at once.
 *
 * Malformed input is reported together: a row with the wrong number of fields, an unterminated quote, or text
 * after a closing quote each becomes one line of the thrown {@link DataError}, with its line number, so a user
 * fixes the file in one pass.
 *
 * Cost: one pass over the text; unquoted fields are sliced, not built character by character.
 * Source: https://www.rfc-editor.org/rfc/rfc4180
 *
 * @throws {DataError} empty input, missing or duplicate header names, malformed rows
 * @example
 * parseCsv('id,note\n1,"a, b"\n').columns[1].values // ["a, b"]
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): RawTable {
  const { delimiter = ",", source = "csv", maxProblems = 10 } = options;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new DataError(`invalid csv delimiter: ${JSON.stringify(delimiter)}`);
  }
  const delim = delimiter.charCodeAt(0);
  const len = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const problems: string[] = [];
  let header: string[] | null = null;
  let columns: string[][] = [];
  // Reused for every record so that parsing allocates only the cell strings.
  const fields: string[] = [];

  while (pos < len) {
    // Skip blank lines between records.
    const first = text.charCodeAt(pos);
    if (first === LF || first === CR) {
      if (first === CR && text.charCodeAt(pos + 1) === LF) pos++;
      pos++;
      line++;
      continue;
    }
    const recordLine = line;
    fields.length = 0;
    let recordBroken = false;
    for (;;) {
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        // Quoted field: copy runs between quotes, turning "" into ".
        pos++;
        let built = "";
        for (;;) {
          const close = text.indexOf('"', pos);
          if (close === -1) {
            problems.push(`line ${recordLine}: unterminated quoted field`);
            recordBroken = true;
            built += text.slice(pos);
            pos = len;
            break;
          }
          const run = text.slice(pos, close);
          line += countLineFeeds(run);
          built += run;
          if (text.charCodeAt(close + 1) === QUOTE) {
            built += '"';
            pos = close + 2;
            continue;
          }
          pos = close + 1;
          break;
        }
        value = built;
        const next = pos < len ? text.charCodeAt(pos) : -1;
        if (next !== -1 && next !== delim && next !== LF && next !== CR) {
          problems.push(`line ${line}: unexpected text after a closing quote`);
          recordBroken = true;
          // Resynchronise at the next delimiter or line end.
          while (pos < len) {
            const c = text.charCodeAt(pos);
            if (c === delim || c === LF || c === CR) break;
            pos++;
          }
        }
      } else {
        const start = pos;
        while (pos < len) {
          const c = text.charCodeAt(pos);
          if (c === delim || c === LF || c === CR) break;
          pos++;
        }
        value = text.slice(start, pos);
      }
      fields.push(value);
      if (pos >= len) break;
      const c = text.charCodeAt(pos);
      if (c === delim) {
        pos++;
        // A delimiter at the very end of the text still opens one (empty) last field.
        if (pos >= len) {
          fields.push("");
          break;
        }
        continue;
      }
      // End of record.
      if (c === CR && text.charCodeAt(pos + 1) === LF) pos++;
      pos++;
      line++;
      break;
    }

    if (header === null) {
      header = fields.slice();
      checkHeader(header, source);
      columns = header.map(() => []);
      continue;
    }
    if (fields.length !== header.length) {
      if (!recordBroken) {
        problems.push(`line ${recordLine}: expected ${header.length} fields, found ${fields.length}`);
      }
      recordBroken = true;
    }
    if (problems.length >= maxProblems) break;
    if (recordBroken) continue;
    for (let j = 0; j < fields.length; j++) (columns[j] as string[]).push(fields[j] as string);
  }

  if (header === null) throw new DataError(`${source}: empty csv, no header row`);
  if (problems.length > 0) {
    const more = problems.length >= maxProblems ? `\n(stopped after ${maxProblems} problems)` : "";
    throw new DataError(`${source}: malformed csv\n${problems.join("\n")}${more}`);
  }
  const nRows = columns[0]?.length ?? 0;
  return {
    source,
    format: "csv",
    columns: header.map((name, j) => ({ name, values: columns[j] as RawValue[] })),
    nRows,
  };
}

function countLineFeeds(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

function checkHeader(header: string[], source: string): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  header.forEach((name, j) => {
    if (name.trim() === "") problems.push(`header field ${j + 1} is empty`);
    else if (seen.has(name)) problems.push(`duplicate column name ${JSON.stringify(name)}`);
    seen.add(name);
  });
  if (problems.length > 0) throw new DataError(`${source}: invalid csv header\n${problems.join("\n")}`);
}
