import { csvField } from "./text-format.js";
import { TextTableWriter } from "./text-table-writer.js";
import type { TableFormat } from "./table-format.js";

/** CSV (RFC 4180, UTF-8, LF line ends, header row). Each shard file has its own header so it reads alone. */
export const csvFormat: TableFormat = {
  name: "csv",
  extension: "csv",
  encode(_spec, batch) {
    let out = "";
    for (let r = 0; r < batch.rowCount; r++) {
      let line = "";
      for (let c = 0; c < batch.columns.length; c++) {
        if (c > 0) line += ",";
        line += csvField((batch.columns[c] as unknown[])[r] as never);
      }
      out += line + "\n";
    }
    return out;
  },
  open(path, spec) {
    return new TextTableWriter(path, spec.columns.map((c) => csvField(c.name)).join(",") + "\n");
  },
};
