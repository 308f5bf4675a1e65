import { numberFormatter } from "./text-format.js";
import { TextTableWriter } from "./text-table-writer.js";
import type { TableFormat } from "./table-format.js";

/** JSON Lines: one object per row, keys in the table's column order, null for missing values. */
export const jsonlFormat: TableFormat = {
  name: "jsonl",
  extension: "jsonl",
  encode(spec, rows) {
    const keys = spec.columns.map((c) => JSON.stringify(c.name) + ":");
    const formats = spec.columns.map(numberFormatter);
    const lines = new Array<string>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as unknown[];
      let line = "{";
      for (let c = 0; c < keys.length; c++) {
        const value = row[c];
        const text =
          typeof value === "number" ? ((formats[c] as (v: number) => string | null)(value) ?? "null") : typeof value === "boolean" ? String(value) : JSON.stringify(value ?? null);
        line += (c > 0 ? "," : "") + keys[c] + text;
      }
      lines[r] = line + "}";
    }
    return lines.length > 0 ? lines.join("\n") + "\n" : "";
  },
  open(path) {
    return new TextTableWriter(path, "");
  },
};
