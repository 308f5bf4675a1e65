import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const root = mkdtempSync(join(tmpdir(), "dentsynth-split-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const REAL = new URL("../../samples/real/MST-Teeth-Creighton/Teeth.csv.gz", import.meta.url).pathname;

const idsOf = (csv: string) => {
  const lines = csv.trimEnd().split("\n");
  const idCol = (lines[0] as string).split(",").indexOf("id");
  return lines.slice(1).map((l) => l.split(",")[idCol]);
};

describe("dentsynth split on the bundled Creighton table", () => {
  it("splits by patient into disjoint halves whose rows add up to the input, reproducibly", () => {
    const out = join(root, "a");
    const r = runCli(["split", "--in", REAL, "--by", "id", "--holdout", "0.5", "--seed", "3", "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    const input = gunzipSync(readFileSync(REAL)).toString("utf8");
    const train = readFileSync(join(out, "train.csv"), "utf8");
    const holdout = readFileSync(join(out, "holdout.csv"), "utf8");
    const trainIds = new Set(idsOf(train));
    const holdoutIds = new Set(idsOf(holdout));
    expect([...trainIds].some((id) => holdoutIds.has(id))).toBe(false);
    expect(trainIds.size + holdoutIds.size).toBe(5336); // patients in the table (SOURCE.txt)
    expect(Math.abs(trainIds.size - holdoutIds.size)).toBeLessThanOrEqual(1);
    expect(idsOf(train).length + idsOf(holdout).length).toBe(idsOf(input).length);
    expect(train.split("\n")[0]).toBe(input.split("\n")[0]);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { files: { sha256: string }[] };
    const again = join(root, "b");
    expect(runCli(["split", "--in", REAL, "--by", "id", "--seed", "3", "-o", again]).code).toBe(0);
    const manifest2 = JSON.parse(readFileSync(join(again, "manifest.json"), "utf8")) as { files: { sha256: string }[] };
    expect(manifest2.files.map((f) => f.sha256)).toEqual(manifest.files.map((f) => f.sha256));
  });

  it("refuses a bad fraction and an unknown id column with exit 2", () => {
    const bad = runCli(["split", "--in", REAL, "--holdout", "1.5", "-o", join(root, "c")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--holdout: must be a fraction between 0 and 1, got 1.5/);
    const noCol = runCli(["split", "--in", REAL, "--by", "patient", "-o", join(root, "d")]);
    expect(noCol.code).toBe(2);
    expect(noCol.stderr).toMatch(/no column "patient"/);
    expect(noCol.stderr).toMatch(/columns are: .*x1_mobil/);
  });
});
