import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { DataError } from "../../../core/errors.js";
import { detectFormat, loadTables, readRawTable } from "../../../evaluation/data/load-table.js";

describe("load-table", () => {
  it("detects formats from extensions", () => {
    expect(detectFormat("a/b.CSV")).toEqual({ format: "csv", gzip: false });
    expect(detectFormat("t.jsonl.gz")).toEqual({ format: "jsonl", gzip: true });
    expect(detectFormat("t.parquet")).toEqual({ format: "parquet", gzip: false });
    expect(detectFormat("t.xlsx")).toBeUndefined();
  });

  it("loads CSV, gzipped JSONL and Parquet under the schema of the training table", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dentsynth-load-"));
    const train = join(dir, "train.csv");
    const holdout = join(dir, "holdout.jsonl.gz");
    const synthetic = join(dir, "syn.parquet");
    await writeFile(train, "patient_id,tooth,depth\nP1,11,2.5\nP1,12,3\nP2,11,NA\n");
    await writeFile(holdout, gzipSync('{"patient_id":"P3","tooth":"21","depth":2}\n{"patient_id":"P3","tooth":"22","depth":null}\n'));
    await writeFile(
      synthetic,
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            { name: "patient_id", data: ["S1", "S2"], type: "STRING" },
            { name: "tooth", data: [11, 31], type: "INT32" },
            { name: "depth", data: [2.75, 4], type: "DOUBLE" },
          ],
        }),
      ),
    );
    const loaded = await loadTables({ train, holdout, synthetic }, { metadata: { version: 1, columns: { tooth: { kind: "categorical" } } } });
    expect(loaded.schema.columns.map((c) => c.kind)).toEqual(["id", "categorical", "numeric"]);
    expect(loaded.holdout.table.columns[1]?.values).toEqual(["21", "22"]);
    expect(loaded.synthetic.table.columns[1]?.values).toEqual(["11", "31"]);
    expect(Array.from(loaded.synthetic.table.columns[2]?.values as Float64Array)).toEqual([2.75, 4]);
    expect(loaded.train.report.columns[2]?.missing).toBe(1);
    expect(loaded.holdout.report.columns[2]?.missing).toBe(1);
  });

  it("fails clearly on unknown formats and unreadable files", async () => {
    await expect(readRawTable("x.xlsx")).rejects.toThrowError(DataError);
    await expect(readRawTable("/nonexistent/x.csv")).rejects.toThrowError("cannot read /nonexistent/x.csv: ENOENT");
  });
});
