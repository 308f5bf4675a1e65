/**
 * Realism of the procedural crowns against real ones (issue 5, item 8, first part). Reads the real crowns of the
 * SJTUzhou 3D-Teeth-Reconstruction data (MIT; too large to bundle, never read by tests) from the folder given as
 * the first argument, and prints Markdown:
 *
 * 1. Per FDI tooth, the crown's three principal extents (PCA axes, largest first: orientation-free, so real
 *    crowns in arch coordinates and generated crowns in tooth coordinates compare directly), real (2 patients)
 *    against generated (20 seeds, mean ± sd).
 * 2. Chamfer distance of generated tooth-11 crowns to the 30 real tooth-11 point clouds, next to real-vs-real,
 *    after centring and principal-axis alignment (the best of the 4 proper sign flips; no scaling, size counts).
 *
 * The generated crown is the outer surface above the facial CEJ (z ≥ 0). Real crowns are what an intraoral scan
 * shows above the gingiva, so they are expected to be somewhat shorter than the anatomical crown.
 *
 * Usage: npx tsx bench/mesh-realism.ts path/to/SJTUzhou-3D-Teeth-Reconstruction
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "../core/rng.js";
import { symmetricEigen } from "../evaluation/stats/symmetric-eigen.js";
import { renderTooth } from "../generators/meshes/tooth/index.js";
import type { Fdi } from "../generators/patient/types.js";

const root = process.argv[2];
if (!root || !existsSync(join(root, "demo", "ref_mesh"))) {
  console.error(
    `${root ? `No real crowns at ${root}` : "No folder given"}: pass the SJTUzhou-3D-Teeth-Reconstruction folder (with demo/ref_mesh and data/tooth-pcd-txt) as the first argument; ` +
      "get it from https://github.com/SJTUzhou/3D-Teeth-Reconstruction-from-Five-Intra-oral-Images (MIT).",
  );
  process.exit(2);
}
const SEEDS = 20;

type Points = Float64Array; // xyz interleaved

function readObjVertices(path: string): Points {
  const out: number[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.startsWith("v ")) continue;
    const [, x, y, z] = line.trim().split(/\s+/);
    out.push(Number(x), Number(y), Number(z));
  }
  return Float64Array.from(out);
}

function readXyz(path: string): Points {
  return Float64Array.from(readFileSync(path, "utf8").trim().split("\n").flatMap((l) => l.trim().split(/\s+/).map(Number)));
}

function generatedCrown(fdi: Fdi, seed: number): Points {
  const tooth = renderTooth(fdi, new Rng(`realism/${seed}`).fork(`tooth-${fdi}`));
  const p = tooth.outer.positions;
  const out: number[] = [];
  for (let i = 0; i < p.length; i += 3) if ((p[i + 2] as number) >= 0) out.push(p[i] as number, p[i + 1] as number, p[i + 2] as number);
  return Float64Array.from(out);
}

/** Centred points rotated onto their principal axes (largest variance first). */
function principal(points: Points): { aligned: Points; extents: [number, number, number] } {
  const n = points.length / 3;
  const mean = [0, 0, 0];
  for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) mean[k]! += points[i * 3 + k]! / n;
  const cov = new Float64Array(9);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) cov[a * 3 + b]! += ((points[i * 3 + a]! - mean[a]!) * (points[i * 3 + b]! - mean[b]!)) / n;
  }
  const { values, vectors } = symmetricEigen(cov, 3);
  const order = [0, 1, 2].sort((a, b) => values[b]! - values[a]!);
  const aligned = new Float64Array(points.length);
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) {
      const axis = order[j]!;
      let s = 0;
      for (let k = 0; k < 3; k++) s += (points[i * 3 + k]! - mean[k]!) * vectors[k * 3 + axis]!;
      aligned[i * 3 + j] = s;
      if (s < lo[j]!) lo[j] = s;
      if (s > hi[j]!) hi[j] = s;
    }
  }
  return { aligned, extents: [hi[0]! - lo[0]!, hi[1]! - lo[1]!, hi[2]! - lo[2]!] };
}

/** Every `step`-th point, so Chamfer distances cost n² on a few hundred points. */
function thin(points: Points, max: number): Points {
  const n = points.length / 3;
  const step = Math.max(1, Math.floor(n / max));
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(points[i * 3]!, points[i * 3 + 1]!, points[i * 3 + 2]!);
  return Float64Array.from(out);
}

/** Symmetric Chamfer distance: mean nearest-neighbour distance each way, averaged (mm). */
function chamfer(a: Points, b: Points): number {
  const one = (p: Points, q: Points) => {
    let sum = 0;
    for (let i = 0; i < p.length; i += 3) {
      let best = Infinity;
      for (let j = 0; j < q.length; j += 3) {
        const d = (p[i]! - q[j]!) ** 2 + (p[i + 1]! - q[j + 1]!) ** 2 + (p[i + 2]! - q[j + 2]!) ** 2;
        if (d < best) best = d;
      }
      sum += Math.sqrt(best);
    }
    return sum / (p.length / 3);
  };
  return (one(a, b) + one(b, a)) / 2;
}

/** Chamfer after principal-axis alignment, minimised over the 4 sign flips that keep a proper rotation. */
function alignedChamfer(a: Points, b: Points): number {
  let best = Infinity;
  for (const [sx, sy] of [[1, 1], [1, -1], [-1, 1], [-1, -1]] as const) {
    const sz = sx * sy;
    const flipped = new Float64Array(b.length);
    for (let i = 0; i < b.length; i += 3) {
      flipped[i] = sx * b[i]!;
      flipped[i + 1] = sy * b[i + 1]!;
      flipped[i + 2] = sz * b[i + 2]!;
    }
    best = Math.min(best, chamfer(a, flipped));
  }
  return best;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / Math.max(1, xs.length - 1));
const f = (x: number) => x.toFixed(1);

const fdis = [11, 12, 13, 14, 15, 16, 17, 21, 22, 23, 24, 25, 26, 27, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 47] as Fdi[];
console.log("| FDI | real extents, mm (2 patients: largest / middle / smallest) | generated, mm (20 seeds, mean ± sd) | ratio generated / real |");
console.log("|---|---|---|---|");
for (const fdi of fdis) {
  const real = [0, 1].map((p) => principal(readObjVertices(join(root, "demo", "ref_mesh", String(p), "byFDI", `Ref_Mesh_Tag=${p}_FDI=${fdi}.obj`))).extents);
  const gen = Array.from({ length: SEEDS }, (_, s) => principal(generatedCrown(fdi, s)).extents);
  const r = [0, 1, 2].map((k) => mean(real.map((e) => e[k]!)));
  const g = [0, 1, 2].map((k) => gen.map((e) => e[k]!));
  console.log(
    `| ${fdi} | ${r.map(f).join(" / ")} | ${g.map((xs) => `${f(mean(xs))} ± ${f(sd(xs))}`).join(" / ")} | ${g.map((xs, k) => (mean(xs) / r[k]!).toFixed(2)).join(" / ")} |`,
  );
}

const pcdDir = join(root, "data", "tooth-pcd-txt", "11");
const realClouds = readdirSync(pcdDir).filter((n) => n.endsWith(".txt")).sort().map((n) => thin(principal(readXyz(join(pcdDir, n))).aligned, 400));
const genClouds = Array.from({ length: SEEDS }, (_, s) => thin(principal(generatedCrown(11 as Fdi, s)).aligned, 400));
const realVsReal: number[] = [];
for (let i = 0; i < realClouds.length; i++) for (let j = i + 1; j < realClouds.length; j++) realVsReal.push(alignedChamfer(realClouds[i]!, realClouds[j]!));
const genVsReal: number[] = [];
for (const g of genClouds) for (const r of realClouds) genVsReal.push(alignedChamfer(g, r));
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]!;
console.log("");
console.log("| tooth-11 crowns, symmetric Chamfer distance (mm) | pairs | median | 10th–90th percentile |");
console.log("|---|---|---|---|");
console.log(`| real vs real (${realClouds.length} scans) | ${realVsReal.length} | ${q(realVsReal, 0.5).toFixed(2)} | ${q(realVsReal, 0.1).toFixed(2)}–${q(realVsReal, 0.9).toFixed(2)} |`);
console.log(`| generated (${SEEDS} seeds) vs real | ${genVsReal.length} | ${q(genVsReal, 0.5).toFixed(2)} | ${q(genVsReal, 0.1).toFixed(2)}–${q(genVsReal, 0.9).toFixed(2)} |`);
