import { formatNumber } from "./text-format.js";
import { TextTableWriter } from "./text-table-writer.js";
import type { TableFormat } from "./table-format.js";

/** JSON Lines: one object per row, keys in the table's column order, null for missing values. */
export const jsonlFormat: TableFormat = {
  name: "jsonl",
  extension: "jsonl",
  encode(spec, batch) {
    const keys = spec.columns.map((c) => JSON.stringify(c.name));
    let out = "";
    for (let r = 0; r < batch.rowCount; r++) {
      let line = "{";
      for (let c = 0; c < keys.length; c++) {
        const value = (batch.columns[c] as unknown[])[r];
        const text = typeof value === "number" ? (formatNumber(value) ?? "null") : JSON.stringify(value ?? null);
        line += (c > 0 ? "," : "") + keys[c] + ":" + text;
      }
      out += line + "}\n";
    }
    return out;
  },
  open(path) {
    return new TextTableWriter(path, "");
  },
};
