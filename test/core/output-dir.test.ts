import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../core/errors.js";
import { StagedOutputDir } from "../../core/output-dir.js";

const root = mkdtempSync(join(tmpdir(), "dentsynth-out-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("StagedOutputDir", () => {
  it("writes into a hidden staging folder and renames it into place on commit", () => {
    const target = join(root, "new");
    const out = StagedOutputDir.open(target, { overwrite: false });
    writeFileSync(out.file("a.txt"), "hello");
    expect(existsSync(target)).toBe(false);
    out.commit();
    expect(readFileSync(join(target, "a.txt"), "utf8")).toBe("hello");
    expect(readdirSync(root).filter((n) => n.includes(".tmp-"))).toEqual([]);
  });

  it("leaves nothing behind when aborted", () => {
    const target = join(root, "aborted");
    const out = StagedOutputDir.open(target, { overwrite: false });
    writeFileSync(out.file("half.csv"), "partial");
    out.abort();
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(root).filter((n) => n.includes(".tmp-"))).toEqual([]);
  });

  it("refuses a non-empty folder unless overwrite is given, then replaces it whole", () => {
    const target = join(root, "full");
    mkdirSync(target);
    writeFileSync(join(target, "old.txt"), "old");
    expect(() => StagedOutputDir.open(target, { overwrite: false })).toThrow(UsageError);
    expect(() => StagedOutputDir.open(target, { overwrite: false })).toThrow(/exists and is not empty/);
    const out = StagedOutputDir.open(target, { overwrite: true });
    writeFileSync(out.file("new.txt"), "new");
    out.commit();
    expect(readdirSync(target)).toEqual(["new.txt"]);
  });

  it("accepts an existing empty folder and refuses a file", () => {
    const empty = join(root, "empty");
    mkdirSync(empty);
    StagedOutputDir.open(empty, { overwrite: false }).commit();
    const file = join(root, "file.txt");
    writeFileSync(file, "x");
    expect(() => StagedOutputDir.open(file, { overwrite: true })).toThrow(/is a file, not a folder/);
  });
});
