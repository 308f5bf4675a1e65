import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decode } from "fast-png";
import { afterAll, describe, expect, it } from "vitest";
import type { RunManifest } from "../../core/manifest.js";
import type { CocoDataset } from "../../core/sinks/annotations/index.js";
import { runCli } from "./run-cli.js";

const root = mkdtempSync(join(tmpdir(), "dentsynth-xrays-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Small images and coarse teeth keep the CLI runs quick; the rendering is the same code at any size. */
const SMALL = ["--size", "256x192", "--resolution", "0.5"];

const generate = (name: string, ...args: string[]) => {
  const out = join(root, name);
  const r = runCli(["generate", "radiographs", "-o", out, "-q", ...SMALL, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return { out, manifest: JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as RunManifest };
};

describe("dentsynth generate radiographs", () => {
  it("writes 12-bit images, masks, YOLO labels and one COCO file whose lesion ids are the records' lesion ids", () => {
    const x = generate("full", "-n", "3", "--seed", "21", "--views", "bitewing,periapical", "--periapicals", "1");
    const coco = JSON.parse(readFileSync(join(x.out, "annotations", "coco.json"), "utf8")) as CocoDataset;
    expect(coco.images.length).toBe(x.manifest.counts["images"]);
    expect(coco.images.length).toBeGreaterThanOrEqual(3 * 2);
    for (const image of coco.images) {
      const png = decode(readFileSync(join(x.out, "images", image.file_name)));
      expect([png.width, png.height, png.depth, png.channels]).toEqual([image.width, image.height, 16, 1]);
      // Full-range scaling of 12-bit values: v << 4 | v >> 8, so the low nibble repeats the top bits.
      const v = (png.data as Uint16Array)[Math.floor(png.data.length / 2)]!;
      expect(v & 0xf).toBe(v >> 12);
      const stem = image.file_name.replace(/\.png$/, "");
      for (const f of [`masks/${stem}_class.png`, `masks/${stem}_instance.png`, `labels/${stem}.txt`, `labels_seg/${stem}.txt`]) expect(existsSync(join(x.out, f)), f).toBe(true);
    }
    // Every lesion annotation names a lesion of the same patient and tooth in the records.
    const records = join(root, "records");
    expect(runCli(["generate", "records", "-n", "3", "--seed", "21", "--tables", "lesions", "-o", records, "-q"]).code).toBe(0);
    const lines = readFileSync(join(records, "lesions.csv"), "utf8").trim().split("\n");
    const header = lines[0]!.split(",");
    const lesions = new Map(lines.slice(1).map((l) => l.split(",")).map((r) => [r[header.indexOf("lesion_id")]!, r]));
    for (const a of coco.annotations.filter((a) => a.attributes.kind === "lesion")) {
      const row = lesions.get(a.attributes.lesion_id!);
      expect(row, a.attributes.lesion_id).toBeDefined();
      expect(Number(row![header.indexOf("fdi")])).toBe(a.attributes.fdi);
      expect(row![header.indexOf("depth_class")]).toBe(a.attributes.depth_class);
    }
    expect(readFileSync(join(x.out, "data.yaml"), "utf8")).toMatch(/^nc: 41$/m);
  });

  it("gives the same bytes with 1 and 2 workers, and shards whose images add up to the whole", () => {
    const a = generate("w1", "-n", "2", "--seed", "4", "--views", "bitewing", "-w", "1");
    const b = generate("w2", "-n", "2", "--seed", "4", "--views", "bitewing", "-w", "2");
    const files = (m: RunManifest) => m.files.map((f) => [f.path, f.sha256]);
    expect(files(b.manifest)).toEqual(files(a.manifest));
    const parts = [0, 1].map((i) => generate(`s${i}`, "-n", "2", "--seed", "4", "--views", "bitewing", "--shard", `${i}/2`));
    // Dataset-level files (COCO, data.yaml, images.csv) describe each shard's own images; the per-image files must match.
    const perImage = (m: RunManifest) => files(m).filter(([p]) => !p!.startsWith("annotations/") && p !== "data.yaml" && p !== "images.csv");
    expect(parts.flatMap((p) => perImage(p.manifest)).sort()).toEqual(perImage(a.manifest).sort());
    // COCO ids depend on the patient, not on the shard: the shards' images keep their ids.
    const ids = (out: string) => (JSON.parse(readFileSync(join(out, "annotations", "coco.json"), "utf8")) as CocoDataset).images.map((i) => [i.file_name, i.id]);
    expect([...ids(parts[0]!.out), ...ids(parts[1]!.out)]).toEqual(ids(a.out));
  });

  it("writes DICOM files and 8-bit copies on request", () => {
    const d = generate("dicom", "-n", "1", "--views", "bitewing", "--dicom", "--png8");
    const dicoms = readdirSync(join(d.out, "dicom"));
    expect(dicoms.length).toBeGreaterThan(0);
    const bytes = readFileSync(join(d.out, "dicom", dicoms[0]!));
    expect(bytes.subarray(128, 132).toString("latin1")).toBe("DICM");
    expect(readdirSync(join(d.out, "png8")).length).toBe(dicoms.length);
  });

  it("refuses bad options with exit 2, names every problem, and writes nothing", () => {
    const out = join(root, "bad");
    const r = runCli(["generate", "radiographs", "-n", "0", "--views", "panoramic", "--size", "12x9", "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--patients/);
    expect(r.stderr).toMatch(/--views/);
    expect(r.stderr).toMatch(/--size/);
    expect(r.stderr).not.toMatch(/\s+at .*\.(ts|js):\d+/);
    expect(existsSync(out)).toBe(false);
  });
});
