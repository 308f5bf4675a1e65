import { csvField, numberFormatter } from "./text-format.js";
import { TextTableWriter } from "./text-table-writer.js";
import type { TableFormat } from "./table-format.js";

/** CSV (RFC 4180, UTF-8, LF line ends, header row). Each shard file has its own header so it reads alone. */
export const csvFormat: TableFormat = {
  name: "csv",
  extension: "csv",
  encode(spec, rows) {
    const formats = spec.columns.map(numberFormatter);
    const width = formats.length;
    const lines = new Array<string>(rows.length);
    const cells = new Array<string>(width);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as unknown[];
      for (let c = 0; c < width; c++) cells[c] = csvField(row[c] as never, formats[c]);
      lines[r] = cells.join(",");
    }
    return lines.length > 0 ? lines.join("\n") + "\n" : "";
  },
  open(path, spec) {
    return new TextTableWriter(path, spec.columns.map((c) => csvField(c.name)).join(",") + "\n");
  },
};
