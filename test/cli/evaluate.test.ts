import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportFixture } from "../evaluation/reports/fixture.js";
import type { RawTable } from "../../evaluation/data/raw-table.js";
import { runCli } from "./run-cli.js";

const root = mkdtempSync(join(tmpdir(), "dentsynth-eval-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const HOSTILE = "<script>alert(1)</script>";

/** Writes a raw table as CSV with two extra columns: a hostile column name, and a secret free-text note per row. */
function writeCsv(t: RawTable, path: string, tag: string): void {
  const names = [...t.columns.map((c) => c.name), HOSTILE, "note"];
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [names.map(esc).join(",")];
  for (let r = 0; r < t.nRows; r++) {
    lines.push([...t.columns.map((c) => esc(c.values[r])), r % 2 ? "a" : "b", `secret-${tag}-${r}-zq`].join(","));
  }
  writeFileSync(path, lines.join("\n") + "\n");
}

const fx = reportFixture(80, "cli-eval");
const files = { train: join(root, "train.csv"), holdout: join(root, "holdout.csv"), synthetic: join(root, "synthetic.csv") };
const args = (out: string, ...extra: string[]) => [
  "evaluate", "records", "--train", files.train, "--holdout", files.holdout, "--synthetic", files.synthetic,
  "--entity", "id", "--no-mlp", "-q", "-o", out, ...extra,
];

beforeAll(() => {
  writeCsv(fx.train, files.train, "train");
  writeCsv(fx.holdout, files.holdout, "holdout");
  writeCsv(fx.independent, files.synthetic, "syn");
});

describe("dentsynth evaluate records", () => {
  const out = join(root, "report");
  let run: ReturnType<typeof runCli>;
  beforeAll(() => {
    run = runCli(args(out));
  });

  it("writes report.json, report.html with plotly beside it, and summary.md", () => {
    expect(run.code, run.stderr).toBe(0);
    for (const f of ["report.json", "report.html", "summary.md", "plotly.min.js"]) expect(existsSync(join(out, f)), f).toBe(true);
  });

  it("escapes every input-derived string: a column named <script> renders as text", () => {
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const md = readFileSync(join(out, "summary.md"), "utf8");
    expect(md).not.toContain("<script>");
  });

  it("never contains a raw real record: no real free-text value and no real patient id appears", () => {
    const all = ["report.json", "report.html", "summary.md"].map((f) => readFileSync(join(out, f), "utf8")).join("\n");
    expect(all).not.toMatch(/secret-(train|holdout)-\d+-zq/);
    const realIds = new Set((fx.train.columns.find((c) => c.name === "id")?.values ?? []).map(String));
    for (const id of realIds) expect(all.includes(`"${id}"`), id).toBe(false);
  });

  it("exits 1 when a --fail-on gate holds and 0 when it does not", () => {
    const failing = runCli(args(join(root, "gate1"), "--fail-on", "privacy.mia.auc>0.01"));
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/gate failed: privacy\.mia\.auc>0\.01 \(value 0\.\d+\)/);
    const passing = runCli(args(join(root, "gate2"), "--fail-on", "privacy.mia.auc>0.99", "--fail-on", "fidelity.ks<0"));
    expect(passing.code, passing.stderr).toBe(0);
  });

  it("refuses malformed and unknown gates, and partial inputs, with exit 2", () => {
    const bad = runCli(args(join(root, "gate3"), "--fail-on", "privacy.mia.auc >> 3"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--fail-on: invalid gate/);
    const unknown = runCli(args(join(root, "gate4"), "--fail-on", "privacy.nothing>1"));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no score at "privacy.nothing"/);
    expect(existsSync(join(root, "gate4"))).toBe(false);
    const partial = runCli(["evaluate", "records", "--train", files.train, "-o", join(root, "partial")]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/--holdout: missing/);
  });
});
