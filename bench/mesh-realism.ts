/**
 * Realism of the procedural teeth against real ones (issue 5, item 8). Reads real data from folders given as
 * arguments (too large or too restrictively licensed to bundle; never read by tests) and prints Markdown:
 *
 * From the SJTUzhou 3D-Teeth-Reconstruction data (MIT; first argument):
 * 1. Per FDI tooth, the crown's three principal extents (PCA axes, largest first: orientation-free, so real
 *    crowns in arch coordinates and generated crowns in tooth coordinates compare directly), real (2 patients)
 *    against generated (20 seeds, mean ± sd).
 * 2. Chamfer distance of generated tooth-11 crowns to the 30 real tooth-11 point clouds, next to real-vs-real,
 *    after centring and principal-axis alignment (the best of the 4 proper sign flips; no scaling, size counts).
 *
 * The real crowns are what an intraoral scan shows: the clinical crown above the gingival margin. The generated
 * crown is cut the same way: the outer surface above the CEJ line (which rises proximally by the cervical
 * curvature) raised by the gingival margin height GINGIVAL_MARGIN.
 *
 * From the Open-Full-Jaw data (CC BY-NC-SA 4.0, local evaluation only; optional second argument):
 * 3. Per FDI tooth, crown length, root length and root/crown ratio of the real full teeth (one adult, CBCT) against
 *    generated teeth of the same FDI (30 seeds, mean), measured along the long axis. The real CEJ is estimated
 *    from the mesh (see estimateCej).
 *
 * Usage: npx tsx bench/mesh-realism.ts path/to/SJTUzhou-3D-Teeth-Reconstruction [path/to/Open-Full-Jaw]
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "../core/rng.js";
import { symmetricEigen } from "../evaluation/stats/symmetric-eigen.js";
import { morphologyOf, renderTooth, ToothShape, WHEELER } from "../generators/meshes/tooth/index.js";
import { archOf, toothTypeOf } from "../generators/patient/dentition.js";
import type { Fdi } from "../generators/patient/types.js";

const root = process.argv[2];
if (!root || !existsSync(join(root, "demo", "ref_mesh"))) {
  console.error(
    `${root ? `No real crowns at ${root}` : "No folder given"}: pass the SJTUzhou-3D-Teeth-Reconstruction folder (with demo/ref_mesh and data/tooth-pcd-txt) as the first argument; ` +
      "get it from https://github.com/SJTUzhou/3D-Teeth-Reconstruction-from-Five-Intra-oral-Images (MIT).",
  );
  process.exit(2);
}
const fullJaw = process.argv[3];
const fullJawTeeth = fullJaw ? join(fullJaw, "Patient_26", "input") : undefined;
if (fullJawTeeth && !existsSync(fullJawTeeth)) {
  console.error(
    `No Open-Full-Jaw teeth at ${fullJawTeeth}: pass the folder holding Patient_26/input/{maxilla,mandible} (teeth/tooth_<UNN>.stl and ` +
      "teeth_axes_*.json) as the second argument; get it from https://github.com/diku-dk/Open-Full-Jaw (CC BY-NC-SA 4.0, local use only).",
  );
  process.exit(2);
}
const SEEDS = 20;
/** Seeds per FDI for the root/crown table. */
const FULL_TOOTH_SEEDS = 30;
/**
 * Height of the gingival margin above the CEJ in health, mm: sulcus depth 0.69 + junctional epithelium 0.97 =
 * 1.66 mm while the junctional epithelium still lies on enamel (Gargiulo et al. 1961, as quoted at pocketdentistry
 * "Esthetic management of the dentogingival unit"); "about 2 mm on average at the mid-facial sites and 2–3.5 mm at
 * interproximal sites" (Appl Sci 2022;12:7015, abstract). We take 1.7 mm and let the margin follow the scalloped CEJ,
 * which puts it 1.7 mm above the proximal CEJ as well [V, rounded].
 */
const GINGIVAL_MARGIN = 1.7;

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

/** The clinical crown of a generated tooth: outer vertices above the CEJ line raised by the gingival margin (or,
 * with `anatomical`, every outer vertex above the facial CEJ, z ≥ 0: the definition of the first report). */
function generatedCrown(fdi: Fdi, seed: number, anatomical = false): Points {
  const tooth = renderTooth(fdi, new Rng(`realism/${seed}`).fork(`tooth-${fdi}`));
  const shape = new ToothShape(tooth.dimensions, morphologyOf(tooth.arch, tooth.type), tooth.arch, false);
  const p = tooth.outer.positions;
  const out: number[] = [];
  for (let i = 0; i < p.length; i += 3) {
    const x = p[i] as number;
    const y = p[i + 1] as number;
    const z = p[i + 2] as number;
    if (anatomical ? z >= 0 : z >= shape.cejHeight(Math.atan2(y, x)) + GINGIVAL_MARGIN) out.push(x, y, z);
  }
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
console.log(`| FDI | real extents, mm (2 patients: largest / middle / smallest) | generated clinical crown, mm (${SEEDS} seeds, mean ± sd) | ratio generated / real |`);
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
const realVsReal: number[] = [];
for (let i = 0; i < realClouds.length; i++) for (let j = i + 1; j < realClouds.length; j++) realVsReal.push(alignedChamfer(realClouds[i]!, realClouds[j]!));
const versusReal = (anatomical: boolean) => {
  const out: number[] = [];
  for (let s = 0; s < SEEDS; s++) {
    const g = thin(principal(generatedCrown(11 as Fdi, s, anatomical)).aligned, 400);
    for (const r of realClouds) out.push(alignedChamfer(g, r));
  }
  return out;
};
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]!;
console.log("");
console.log("| tooth-11 crowns, symmetric Chamfer distance (mm) | pairs | median | 10th–90th percentile |");
console.log("|---|---|---|---|");
console.log(`| real vs real (${realClouds.length} scans) | ${realVsReal.length} | ${q(realVsReal, 0.5).toFixed(2)} | ${q(realVsReal, 0.1).toFixed(2)}–${q(realVsReal, 0.9).toFixed(2)} |`);
for (const [label, anatomical] of [["clinical crown", false], ["anatomical crown, z ≥ 0", true]] as const) {
  const d = versusReal(anatomical);
  console.log(`| generated (${SEEDS} seeds, ${label}) vs real | ${d.length} | ${q(d, 0.5).toFixed(2)} | ${q(d, 0.1).toFixed(2)}–${q(d, 0.9).toFixed(2)} |`);
}

/** Triangle corners of a binary STL (Open-Full-Jaw's are binary), xyz interleaved. */
function readBinaryStl(path: string): Points {
  const bytes = readFileSync(path);
  const count = bytes.readUInt32LE(80);
  const out = new Float64Array(count * 9);
  for (let t = 0; t < count; t++) for (let k = 0; k < 9; k++) out[t * 9 + k] = bytes.readFloatLE(84 + t * 50 + 12 + k * 4);
  return out;
}

/** Universal (1–32) to FDI: 1–8 → 18–11, 9–16 → 21–28, 17–24 → 38–31, 25–32 → 41–48 (Open-Full-Jaw SOURCE.txt). */
function universalOf(fdi: number): number {
  const quadrant = Math.floor(fdi / 10);
  const index = fdi % 10;
  return quadrant === 1 ? 9 - index : quadrant === 2 ? 8 + index : quadrant === 3 ? 25 - index : 24 + index;
}

/** Bin width and Gaussian smoothing of the width profile along the long axis, and the half-step of its second
 * difference, mm [A]: fine enough to place a knee to ±0.25 mm, coarse enough to ignore the STL's facets. */
const PROFILE_STEP = 0.25;
const PROFILE_SMOOTHING = 0.5;
const KNEE_STEP = 0.75;
/** The knee is searched 4.5–13 mm below the crown tip, the range of crown lengths of all tooth types [A]. */
const KNEE_FROM = 4.5;
const KNEE_TO = 13;

/**
 * The facial CEJ level of a real tooth (z along its long axis), estimated from the mesh: there is no enamel label
 * in a CBCT surface. Below the contact areas the mesiodistal width falls steeply toward the cervix and then, past
 * the proximal CEJ, the root tapers slowly; the knee between the two (the maximum of the smoothed width profile's
 * second difference, searched 4.5–13 mm below the tip) marks the proximal CEJ. The mesiodistal width is used because
 * it is the cleanest profile on every type: the buccolingual one is disturbed by the cingulum on anterior teeth and
 * by the diverging palatal root on upper molars. The facial CEJ, which Wheeler's crown length starts from, lies lower
 * than the proximal one by the cervical-line curvature, taken as Wheeler's mean of mesial and distal for the type.
 */
function estimateCej(points: Points, zOf: (i: number) => number, xOf: (i: number) => number, curvature: number): { top: number; apex: number; cej: number } {
  const bins = new Map<number, [number, number]>();
  let top = -Infinity;
  let apex = Infinity;
  for (let i = 0; i < points.length / 3; i++) {
    const z = zOf(i);
    const x = xOf(i);
    top = Math.max(top, z);
    apex = Math.min(apex, z);
    const k = Math.round(z / PROFILE_STEP);
    const b = bins.get(k) ?? [Infinity, -Infinity];
    bins.set(k, [Math.min(b[0], x), Math.max(b[1], x)]);
  }
  const width = (z: number) => {
    let sum = 0;
    let weight = 0;
    for (let k = Math.round((z - 3 * PROFILE_SMOOTHING) / PROFILE_STEP); k <= Math.round((z + 3 * PROFILE_SMOOTHING) / PROFILE_STEP); k++) {
      const b = bins.get(k);
      if (!b) continue;
      const g = Math.exp(-(((k * PROFILE_STEP - z) / PROFILE_SMOOTHING) ** 2) / 2);
      sum += g * (b[1] - b[0]);
      weight += g;
    }
    return sum / weight;
  };
  let best = -Infinity;
  let knee = top - KNEE_FROM;
  for (let z = top - KNEE_FROM; z >= top - KNEE_TO; z -= PROFILE_STEP) {
    const bend = width(z + KNEE_STEP) - 2 * width(z) + width(z - KNEE_STEP);
    if (bend > best) {
      best = bend;
      knee = z;
    }
  }
  return { top, apex, cej: knee - curvature };
}

/** Crown length, root length and root/crown ratio: real Open-Full-Jaw teeth against generated ones. */
function printRootCrownTable(folder: string): void {
  const fdis = [11, 12, 13, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25, 26, 27, 28, 31, 32, 33, 34, 35, 36, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48] as Fdi[];
  const axesOf = {
    maxilla: JSON.parse(readFileSync(join(folder, "maxilla", "teeth_axes_maxilla.json"), "utf8")) as Record<string, Record<"c" | "x" | "z", number[]>>,
    mandible: JSON.parse(readFileSync(join(folder, "mandible", "teeth_axes_mandible.json"), "utf8")) as Record<string, Record<"c" | "x" | "z", number[]>>,
  };
  console.log("");
  console.log(
    `| FDI | real crown / root, mm (Open-Full-Jaw, CEJ estimated) | real root/crown | generated crown / root, mm (${FULL_TOOTH_SEEDS} seeds, mean) | generated root/crown | Wheeler root/crown | ratio generated / real |`,
  );
  console.log("|---|---|---|---|---|---|---|");
  const ratios: number[] = [];
  for (const fdi of fdis) {
    const unn = universalOf(fdi);
    const jaw = unn <= 16 ? "maxilla" : "mandible";
    const file = join(folder, jaw, "teeth", `tooth_${unn}.stl`);
    const axes = axesOf[jaw][String(unn)];
    if (!existsSync(file) || !axes) continue; // this patient lacks the tooth
    // The JSON gives the crown centre c and the end points of unit axes from it: x mesial, y labial, z occlusal.
    const c = axes.c!;
    const along = (end: number[]) => end.map((v, k) => v - c[k]!);
    const ax = along(axes.x!);
    const az = along(axes.z!);
    const points = readBinaryStl(file);
    const project = (axis: number[]) => (i: number) =>
      (points[i * 3]! - c[0]!) * axis[0]! + (points[i * 3 + 1]! - c[1]!) * axis[1]! + (points[i * 3 + 2]! - c[2]!) * axis[2]!;
    const row = WHEELER[archOf(fdi)][toothTypeOf(fdi)];
    const real = estimateCej(points, project(az), project(ax), (row.cejCurveMesial + row.cejCurveDistal) / 2);
    const realCrown = real.top - real.cej;
    const realRoot = real.cej - real.apex;
    // Generated: the CEJ is known (z = 0 at the facial CEJ), so crown = highest point, root = depth of the apex.
    const crowns: number[] = [];
    const roots: number[] = [];
    for (let seed = 0; seed < FULL_TOOTH_SEEDS; seed++) {
      const p = renderTooth(fdi, new Rng(`realism-roots/${seed}`).fork(`tooth-${fdi}`)).outer.positions;
      let hi = -Infinity;
      let lo = Infinity;
      for (let i = 2; i < p.length; i += 3) {
        hi = Math.max(hi, p[i]!);
        lo = Math.min(lo, p[i]!);
      }
      crowns.push(hi);
      roots.push(-lo);
    }
    const genCrown = mean(crowns);
    const genRoot = mean(roots);
    const ratio = genRoot / genCrown / (realRoot / realCrown);
    ratios.push(ratio);
    console.log(
      `| ${fdi} | ${f(realCrown)} / ${f(realRoot)} | ${(realRoot / realCrown).toFixed(2)} | ${f(genCrown)} / ${f(genRoot)} | ${(genRoot / genCrown).toFixed(2)} | ` +
        `${(Math.max(...row.rootLengths) / row.crownLength).toFixed(2)} | ${ratio.toFixed(2)} |`,
    );
  }
  console.log("");
  console.log(`Median ratio generated / real root/crown over ${ratios.length} teeth: ${q(ratios, 0.5).toFixed(2)}`);
}

// Last, after every constant above is initialised.
if (fullJawTeeth) printRootCrownTable(fullJawTeeth);
