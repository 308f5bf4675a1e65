import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const root = mkdtempSync(join(tmpdir(), "dentsynth-badinput-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every bad-input case: exit 2, messages on stderr naming the option, no stack trace, nothing written. */
function expectRefused(args: string[], ...mustMention: (string | RegExp)[]) {
  const out = join(root, `out-${Math.random().toString(36).slice(2)}`);
  const r = runCli([...args.map((a) => (a === "OUT" ? out : a))]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/^error: /m);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  for (const m of mustMention) expect(r.stderr).toMatch(m);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(root).filter((n) => n.includes(".tmp-"))).toEqual([]);
  return r;
}

describe("bad input to generate records", () => {
  it("rejects an unknown flag", () => {
    expectRefused(["generate", "records", "-n", "5", "-o", "OUT", "--pateints", "3"], /Unknown argument/i, /pateints/);
  });

  it("rejects zero, negative and non-numeric patient counts", () => {
    expectRefused(["generate", "records", "-n", "0", "-o", "OUT"], /--patients: must be a positive whole number, got 0/);
    expectRefused(["generate", "records", "-n", "-3", "-o", "OUT"], /--patients: must be a positive whole number/);
    expectRefused(["generate", "records", "-n", "lots", "-o", "OUT"], /--patients: must be a positive whole number/);
  });

  it("rejects a malformed shard spec with the expected form", () => {
    expectRefused(["generate", "records", "-n", "5", "--shard", "4/4", "-o", "OUT"], /--shard: invalid shard "4\/4"; write it as i\/n/);
    expectRefused(["generate", "records", "-n", "5", "--shard", "one", "-o", "OUT"], /--shard/);
  });

  it("rejects an unknown preset and lists the valid ones", () => {
    expectRefused(["generate", "records", "-n", "5", "--preset", "mars", "-o", "OUT"], /--preset: invalid value "mars"; valid values are .*"clinic".*"us-adult"|--preset: invalid value "mars"; valid values are .*"us-adult".*"clinic"/);
  });

  it("rejects an unknown format and an unknown table", () => {
    expectRefused(["generate", "records", "-n", "5", "-f", "xlsx", "-o", "OUT"], /--format: invalid value "xlsx"; valid values are "csv", "parquet", "jsonl"/);
    expectRefused(["generate", "records", "-n", "5", "--tables", "teeth", "x-rays", "-o", "OUT"], /--tables.*invalid value "x-rays"/);
  });

  it("reports several problems together", () => {
    const r = expectRefused(["generate", "records", "-n", "0", "--preset", "mars", "--shard", "9/2", "-o", "OUT"]);
    expect(r.stderr.match(/^error: /gm)?.length).toBe(3);
  });

  it("rejects a config file that is not JSON, or whose keys are invalid, naming the file and key", () => {
    const notJson = join(root, "bad.json");
    writeFileSync(notJson, "{ patients: 3 ");
    expectRefused(["generate", "records", "--config", notJson, "-o", "OUT"], /--config: config file .*bad\.json is not valid JSON/);
    const badKeys = join(root, "keys.json");
    writeFileSync(badKeys, JSON.stringify({ patients: 5, preset: "mars", colour: "blue" }));
    const r = expectRefused(["generate", "records", "--config", badKeys, "-o", "OUT"], /keys\.json: preset: invalid value "mars"/, /unknown key "colour"/);
    expect(r.stderr).toContain("keys.json");
    expectRefused(["generate", "records", "--config", join(root, "missing.json"), "-o", "OUT"], /cannot read config file/);
  });

  it("refuses an output folder that exists and is not empty, and leaves it untouched", () => {
    const full = join(root, "full");
    mkdirSync(full);
    writeFileSync(join(full, "keep.txt"), "mine");
    const r = runCli(["generate", "records", "-n", "3", "-o", full]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: output folder .* exists and is not empty/);
    expect(r.stderr).toMatch(/--overwrite/);
    expect(readdirSync(full)).toEqual(["keep.txt"]);
    const ok = runCli(["generate", "records", "-n", "3", "-o", full, "--overwrite", "-q"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readdirSync(full)).not.toContain("keep.txt");
  });

  it("asks for the required output folder", () => {
    expectRefused(["generate", "records", "-n", "5"], /Missing required argument: out/);
  });

  it("rejects an unknown command", () => {
    expectRefused(["generat", "records"], /Unknown argument|Did you mean/i);
  });
});
