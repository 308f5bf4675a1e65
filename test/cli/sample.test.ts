import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunManifest } from "../../core/manifest.js";
import { creightonSubset } from "./creighton-subset.js";
import { runCli } from "./run-cli.js";

const root = mkdtempSync(join(tmpdir(), "dentsynth-sample-"));
const model = join(root, "model");
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(() => {
  const r = runCli(["fit", "records", "--real", creightonSubset(root, 120), "--model", "copula", "-o", model, "-q"]);
  if (r.code !== 0) throw new Error(r.stderr);
});

const sample = (name: string, ...args: string[]) => {
  const out = join(root, name);
  const r = runCli(["sample", "--model", model, "-o", out, "-q", ...args]);
  expect(r.code, r.stderr).toBe(0);
  return { out, manifest: JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as RunManifest, csv: () => readFileSync(join(out, "records.csv"), "utf8") };
};

describe("dentsynth sample", () => {
  it("writes records, a data dictionary and a manifest naming the model", () => {
    const s = sample("basic", "--n", "40", "--seed", "5");
    const lines = s.csv().trim().split("\n");
    expect(lines[0]?.split(",")).toContain("x48_baseline_age");
    expect(s.manifest.counts.patients).toBe(40);
    expect(s.manifest.counts.rows).toBe(lines.length - 1);
    expect(s.manifest.generator.name).toBe("learned:copula");
    expect((s.manifest.config as { model: { sha256: string } }).model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(s.out, "data_dictionary.md"))).toBe(true);
  });

  it("is byte-identical for the same seed, whatever the worker count", () => {
    const a = sample("w1", "--n", "600", "--seed", "9", "-w", "1");
    const b = sample("w2", "--n", "600", "--seed", "9", "-w", "2");
    expect(b.csv()).toBe(a.csv());
    expect(sample("other", "--n", "600", "--seed", "10").csv()).not.toBe(a.csv());
  });

  it("concatenates shards into the unsharded output", () => {
    const whole = sample("whole", "--n", "600", "--seed", "9", "-f", "jsonl");
    const parts = [0, 1].map((i) => sample(`shard${i}`, "--n", "600", "--seed", "9", "-f", "jsonl", "--shard", `${i}/2`));
    const text = (p: typeof whole) => readFileSync(join(p.out, "records.jsonl"), "utf8");
    expect(parts.map(text).join("")).toBe(text(whole));
    expect(parts.map((p) => p.manifest.shard.firstRecord)).toEqual([0, 256]);
  });

  it("refuses a missing model folder and a model from another format version, exit 2", () => {
    const missing = runCli(["sample", "--model", join(root, "nowhere"), "--n", "5", "-o", join(root, "x")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/model folder .*nowhere does not exist/);
    const future = join(root, "future");
    expect(runCli(["fit", "records", "--real", join(root, "train.csv"), "--model", "copula", "-o", future, "-q"]).code).toBe(0);
    const path = join(future, "records-model.json");
    writeFileSync(path, readFileSync(path, "utf8").replace('"formatVersion": 1', '"formatVersion": 99').replace(/"version": "[^"]+"/, '"version": "9.0.0"'));
    const r = runCli(["sample", "--model", future, "--n", "5", "-o", join(root, "y")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/format 99; this dentsynth .* reads format 1/);
    expect(r.stderr).toMatch(/Upgrade dentsynth to 9\.0\.0/);
    expect(existsSync(join(root, "y"))).toBe(false);
    const bad = runCli(["sample", "--model", model, "--n", "0", "-o", join(root, "z")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--n: must be a positive whole number/);
  });
});
