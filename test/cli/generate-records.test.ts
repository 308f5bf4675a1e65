import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parquetReadObjects } from "hyparquet";
import { DuckDBInstance } from "@duckdb/node-api";
import { sha256Hex } from "../../core/hash.js";
import type { RunManifest } from "../../core/manifest.js";
import { runCli } from "./run-cli.js";

const root = mkdtempSync(join(tmpdir(), "dentsynth-gen-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TABLES = ["patients", "teeth", "lesions", "lab_cases", "creighton"];

function generate(name: string, ...args: string[]): { dir: string; manifest: RunManifest } {
  const dir = join(root, name);
  const r = runCli(["generate", "records", "-o", dir, "-q", ...args]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, manifest: JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as RunManifest };
}

const hashes = (m: RunManifest) => Object.fromEntries(m.files.map((f) => [f.path, f.sha256]));

describe("generate records", () => {
  const base = generate("base", "-n", "600", "--seed", "7", "--batch-size", "100");

  it("writes the linked tables, a data dictionary and a manifest whose hashes and counts match the files", () => {
    const { dir, manifest } = base;
    expect(manifest.files.map((f) => f.path)).toEqual([...TABLES.map((t) => `${t}.csv`), "data_dictionary.json", "data_dictionary.md"]);
    for (const f of manifest.files) expect(sha256Hex(readFileSync(join(dir, f.path))), f.path).toBe(f.sha256);
    for (const t of TABLES) {
      const lines = readFileSync(join(dir, `${t}.csv`), "utf8").trimEnd().split("\n");
      expect(lines.length - 1).toBe(manifest.counts[t]);
    }
    expect(manifest.counts.patients).toBe(600);
    expect(manifest.counts.teeth).toBe(600 * 32);
    expect(manifest.seed).toBe("7");
    expect(manifest.tool.name).toBe("dentsynth");
    expect(manifest.timing.wallTimeMs).toBeGreaterThanOrEqual(0);
    const dictionary = JSON.parse(readFileSync(join(dir, "data_dictionary.json"), "utf8")) as { tables: { table: string; columns: { column: string }[] }[] };
    for (const t of dictionary.tables) {
      const header = readFileSync(join(dir, `${t.table}.csv`), "utf8").split("\n")[0];
      expect(header).toBe(t.columns.map((c) => c.column).join(","));
    }
  });

  it("keeps foreign keys intact: every tooth, lesion and lab case belongs to a written patient and tooth", async () => {
    const db = await DuckDBInstance.create();
    const con = await db.connect();
    const q = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson()[0] as Record<string, unknown>;
    const d = base.dir;
    const orphans = await q(`select
      (select count(*) from read_csv('${d}/teeth.csv') t anti join read_csv('${d}/patients.csv') p using (patient_id)) as teeth,
      (select count(*) from read_csv('${d}/lesions.csv') l anti join read_csv('${d}/teeth.csv') t using (tooth_id)) as lesions,
      (select count(*) from read_csv('${d}/lab_cases.csv') c anti join read_csv('${d}/patients.csv') p using (patient_id)) as cases`);
    expect(orphans).toEqual({ teeth: "0", lesions: "0", cases: "0" });
  });

  it("gives the same bytes for the same seed, and different bytes for another seed", () => {
    const again = generate("again", "-n", "600", "--seed", "7", "--batch-size", "100");
    expect(hashes(again.manifest)).toEqual(hashes(base.manifest));
    const other = generate("other", "-n", "600", "--seed", "8", "--batch-size", "100");
    expect(hashes(other.manifest)["teeth.csv"]).not.toBe(hashes(base.manifest)["teeth.csv"]);
  });

  it("gives identical bytes with 1 and 2 workers (CSV and Parquet)", () => {
    const two = generate("two-workers", "-n", "600", "--seed", "7", "--batch-size", "100", "-w", "2");
    expect(hashes(two.manifest)).toEqual(hashes(base.manifest));
    const p1 = generate("pq1", "-n", "600", "--seed", "7", "--batch-size", "100", "-f", "parquet");
    const p2 = generate("pq2", "-n", "600", "--seed", "7", "--batch-size", "100", "-f", "parquet", "-w", "2");
    expect(hashes(p2.manifest)).toEqual(hashes(p1.manifest));
  });

  it("concatenates shards 0/4..3/4 into exactly the unsharded output", () => {
    const shards = [0, 1, 2, 3].map((i) => generate(`shard${i}`, "-n", "600", "--seed", "7", "--batch-size", "100", "--shard", `${i}/4`));
    for (const t of TABLES) {
      const whole = readFileSync(join(base.dir, `${t}.csv`), "utf8");
      const parts = shards.map((s, i) => {
        const text = readFileSync(join(s.dir, `${t}.csv`), "utf8");
        return i === 0 ? text : text.slice(text.indexOf("\n") + 1); // each shard file carries its own header
      });
      expect(parts.join(""), t).toBe(whole);
    }
    expect(shards.map((s) => s.manifest.shard.firstRecord)).toEqual([0, 150, 300, 450]);
  });

  it("writes Parquet that reads back with the same rows as the CSV, in DuckDB and hyparquet", async () => {
    const pq = generate("pq-rows", "-n", "600", "--seed", "7", "--batch-size", "100", "-f", "parquet");
    const db = await DuckDBInstance.create();
    const con = await db.connect();
    for (const t of TABLES) {
      const diff = (await con.runAndReadAll(
        `select count(*) as n from ((select * from '${pq.dir}/${t}.parquet' except all select * from read_csv('${base.dir}/${t}.csv', header=true, all_varchar=false))
          union all (select * from read_csv('${base.dir}/${t}.csv', header=true) except all select * from '${pq.dir}/${t}.parquet'))`,
      )).getRowObjectsJson()[0] as { n: string };
      expect(diff.n, t).toBe("0");
    }
    const buf = readFileSync(join(pq.dir, "patients.parquet"));
    const rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) });
    expect(rows).toHaveLength(600);
    expect(rows[0]?.patient_id).toBe("P000000000");
  });

  it("writes JSON Lines with one object per row", () => {
    const j = generate("jsonl", "-n", "50", "--seed", "7", "-f", "jsonl", "--tables", "patients", "lesions");
    const lines = readFileSync(join(j.dir, "patients.jsonl"), "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(50);
    expect(Object.keys(JSON.parse(lines[0] as string) as object)[0]).toBe("patient_id");
    expect(j.manifest.files.map((f) => f.path)).toEqual(["patients.jsonl", "lesions.jsonl", "data_dictionary.json", "data_dictionary.md"]);
  });
});
