import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RecordsModelFile } from "../../models/linked/records-model-store.js";
import { creightonSubset } from "./creighton-subset.js";
import { runCli } from "./run-cli.js";

const root = mkdtempSync(join(tmpdir(), "dentsynth-fit-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const train = creightonSubset(root, 150);
const readModel = (dir: string) => JSON.parse(readFileSync(join(dir, "records-model.json"), "utf8")) as RecordsModelFile;

describe("dentsynth fit records", () => {
  it("fits a linked copula on real Creighton rows: patient-level columns, tooth key, provenance, no raw rows", () => {
    const out = join(root, "copula");
    const r = runCli(["fit", "records", "--real", train, "--model", "copula", "--seed", "1", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/copula model fitted/);
    expect(r.stdout).toMatch(/not differentially private/);
    const file = readModel(out);
    expect(file.kind).toBe("copula");
    expect(file.linked?.entity).toBe("id");
    expect(file.linked?.key).toBe("tooth");
    expect(file.linked?.keyRepeats).toBeLessThan(10);
    expect(file.linked?.parent).toEqual(expect.arrayContaining(["x48_baseline_age", "x49_gender", "x46_total_tooth"]));
    expect(file.linked?.child).toEqual(expect.arrayContaining(["x4_pocket_mean", "event", "time"]));
    expect(file.trainingData.patients).toBe(150);
    expect(file.trainingData.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file.metadata).toBeNull();
    expect(file.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(readdirSync(out).sort()).toEqual(["patients", "records-model.json", "rows"]);
  });

  it("gives the same model bytes with 1 and 2 workers", () => {
    const a = join(root, "w1");
    const b = join(root, "w2");
    expect(runCli(["fit", "records", "--real", train, "--model", "bayesnet", "--seed", "3", "-w", "1", "-o", a, "-q"]).code).toBe(0);
    expect(runCli(["fit", "records", "--real", train, "--model", "bayesnet", "--seed", "3", "-w", "2", "-o", b, "-q"]).code).toBe(0);
    for (const part of ["patients/model.json", "rows/model.json"]) expect(readFileSync(join(a, part), "utf8")).toBe(readFileSync(join(b, part), "utf8"));
  });

  it("records a differentially private fit in the ledger, per patient", () => {
    const out = join(root, "dp");
    const r = runCli(["fit", "records", "--real", train, "--model", "bayesnet", "--epsilon", "1", "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    const file = readModel(out);
    expect(file.privacy.unit).toBe("patient");
    expect(file.privacy.epsilon).toBeGreaterThan(0.9);
    expect(file.privacy.epsilon).toBeLessThanOrEqual(1 + 1e-9);
    expect(r.stdout).toMatch(/privacy: \(1\.00, 0\)-DP per patient/);
  });

  it("refuses bad input with every problem named, exit 2, and writes nothing", () => {
    const out = join(root, "refused");
    const r = runCli(["fit", "records", "--real", train, "--model", "copula", "--epsilon", "1", "--epochs", "5", "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--epsilon.*no differentially private version/);
    expect(r.stderr).toMatch(/--epochs.*tvae model only/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    const unknown = runCli(["fit", "records", "--real", train, "--model", "gan", "-o", out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--model: invalid value "gan"; valid values are "copula", "bayesnet", "tvae"/);
    const missing = runCli(["fit", "records", "--real", join(root, "nope.csv"), "--model", "copula", "-o", out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root).filter((f) => f.startsWith(".refused"))).toEqual([]);
  });
});
