import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RunManifest } from "../../core/manifest.js";
import { runCli } from "../cli/run-cli.js";

const root = mkdtempSync(join(tmpdir(), "dentsynth-sample-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("samples/example-200", () => {
  it("is reproduced byte for byte by the command in samples/README.md", () => {
    const committed = JSON.parse(readFileSync(new URL("../../samples/example-200/manifest.json", import.meta.url), "utf8")) as RunManifest;
    const out = join(root, "again");
    const r = runCli(["generate", "records", "--patients", "200", "--seed", "42", "--out", out, "-q"]);
    expect(r.code, r.stderr).toBe(0);
    const fresh = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as RunManifest;
    expect(fresh.files.map((f) => [f.path, f.sha256])).toEqual(committed.files.map((f) => [f.path, f.sha256]));
  });
});
