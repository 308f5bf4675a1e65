import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RunManifest } from "../../core/manifest.js";
import type { CocoDataset } from "../../core/sinks/annotations/index.js";
import { runCli } from "./run-cli.js";

const root = mkdtempSync(join(tmpdir(), "dentsynth-all-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("dentsynth generate all", () => {
  it("writes records, meshes and radiographs of the same patients, with a manifest of their manifests", () => {
    const out = join(root, "all");
    const r = runCli(["generate", "all", "-n", "2", "--seed", "13", "--views", "bitewing", "--size", "256x192", "-o", out, "-q"]);
    expect(r.code, r.stderr).toBe(0);
    const top = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as RunManifest;
    expect(top.generator.name).toBe("all");
    for (const f of top.files) {
      const bytes = readFileSync(join(out, f.path));
      expect(createHash("sha256").update(bytes).digest("hex"), f.path).toBe(f.sha256);
    }
    expect(top.files.map((f) => f.path)).toEqual(["records/manifest.json", "meshes/manifest.json", "radiographs/manifest.json"]);
    // The radiographs' lesions are the records' lesions.
    const lesions = readFileSync(join(out, "records", "lesions.csv"), "utf8");
    const coco = JSON.parse(readFileSync(join(out, "radiographs", "annotations", "coco.json"), "utf8")) as CocoDataset;
    for (const a of coco.annotations.filter((x) => x.attributes.kind === "lesion")) expect(lesions).toContain(a.attributes.lesion_id!);
    expect(existsSync(join(out, "meshes", "P000000000_upper.ply"))).toBe(true);
  });

  it("refuses bad options for any part with exit 2 and writes nothing", () => {
    const out = join(root, "bad");
    const r = runCli(["generate", "all", "-n", "2", "--views", "panoramic", "--kind", "cloud", "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/views/);
    expect(r.stderr).toMatch(/kind/);
    expect(existsSync(out)).toBe(false);
  });
});
