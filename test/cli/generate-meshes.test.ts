import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RunManifest } from "../../core/manifest.js";
import { runCli } from "./run-cli.js";

const root = mkdtempSync(join(tmpdir(), "dentsynth-meshes-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const generate = (name: string, ...args: string[]) => {
  const out = join(root, name);
  const r = runCli(["generate", "meshes", "-o", out, "-q", "--resolution", "0.5", ...args]);
  expect(r.code, r.stderr).toBe(0);
  return { out, manifest: JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as RunManifest };
};

describe("dentsynth generate meshes", () => {
  it("writes each jaw's scan with Teeth3DS labels that match the patient's chart in the records", () => {
    const scans = generate("arch", "-n", "3", "--seed", "5", "--kind", "arch", "-f", "ply", "obj");
    const records = join(root, "records");
    expect(runCli(["generate", "records", "-n", "3", "--seed", "5", "--tables", "teeth", "-o", records, "-q"]).code).toBe(0);
    const header = readFileSync(join(records, "teeth.csv"), "utf8").split("\n")[0]!.split(",");
    const rows = readFileSync(join(records, "teeth.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const col = (name: string) => header.indexOf(name);
    for (const jaw of ["upper", "lower"]) {
      const json = JSON.parse(readFileSync(join(scans.out, `P000000000_${jaw}.json`), "utf8")) as { id_patient: string; jaw: string; labels: number[]; instances: number[] };
      expect(Object.keys(json)).toEqual(["id_patient", "jaw", "labels", "instances"]);
      const obj = readFileSync(join(scans.out, `P000000000_${jaw}.obj`), "utf8");
      expect(obj.split("\n")[0]).toBe(`# ${jaw}`);
      expect(json.labels.length).toBe(obj.split("\n").filter((l) => l.startsWith("v ")).length);
      const present = rows
        .filter((r) => r[col("patient_id")] === "P000000000" && r[col("presence")] === "present" && !["implant", "pontic"].includes(r[col("restoration")]!))
        .map((r) => Number(r[col("fdi")]))
        .filter((fdi) => (jaw === "upper" ? fdi < 30 : fdi > 30))
        .sort((a, b) => a - b);
      expect([...new Set(json.labels)].sort((a, b) => a - b)).toEqual([0, ...present]);
    }
  });

  it("gives the same bytes with 1 and 2 workers, and shards that add up to the whole", () => {
    const a = generate("w1", "-n", "4", "--seed", "8", "-w", "1");
    const b = generate("w2", "-n", "4", "--seed", "8", "-w", "2");
    const files = (m: RunManifest) => m.files.map((f) => [f.path, f.sha256]);
    expect(files(b.manifest)).toEqual(files(a.manifest));
    const parts = [0, 1].map((i) => generate(`s${i}`, "-n", "4", "--seed", "8", "--shard", `${i}/2`));
    expect(parts.flatMap((p) => files(p.manifest))).toEqual(files(a.manifest));
  });

  it("writes layered teeth (outer, dentin, pulp) per jaw", () => {
    const t = generate("teeth", "-n", "1", "--kind", "teeth", "-f", "stl");
    // Layers per jaw, plus restorations and lesions where the jaw has them (patient 0 has both in each jaw).
    const layers = ["dentin", "lesions", "outer", "pulp", "restorations"];
    expect(readdirSync(t.out).filter((f) => f.endsWith(".stl")).sort()).toEqual(
      ["lower", "upper"].flatMap((jaw) => layers.map((l) => `P000000000_${jaw}_${l}.stl`)),
    );
    const outer = readFileSync(join(t.out, "P000000000_upper_outer.stl"));
    expect(outer.length).toBe(84 + 50 * outer.readUInt32LE(80));
  });

  it("writes GLB that passes the Khronos glTF validator, and PNG previews", async () => {
    const g = generate("glb", "-n", "1", "-f", "glb", "--preview");
    const glb = readFileSync(join(g.out, "P000000000_upper.glb"));
    expect(glb.subarray(0, 4).toString("latin1")).toBe("glTF");
    const png = readFileSync(join(g.out, "P000000000_upper.png"));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const validator = await import("gltf-validator");
    const report = await validator.validateBytes(new Uint8Array(glb));
    expect(report.issues.numErrors).toBe(0);
  });

  it("refuses bad options with exit 2 and writes nothing", () => {
    const out = join(root, "bad");
    const r = runCli(["generate", "meshes", "-n", "0", "--kind", "cbct", "-f", "fbx", "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--patients/);
    expect(r.stderr).toMatch(/--kind: invalid value "cbct"/);
    expect(r.stderr).toMatch(/--formats/);
    expect(existsSync(out)).toBe(false);
  });
});
