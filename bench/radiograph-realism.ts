/**
 * Realism of the synthetic radiographs against real ones (issue 6, item 7). Reads the DC1000 panoramic test
 * subset of the MLUA repository from a folder given as the first argument (no licence stated, so it is never
 * bundled and no test reads it), renders N synthetic patients with the library API, and prints Markdown tables
 * (docs/radiograph-realism.md explains every row):
 *
 * 1. Lesion size: area (mm²) and equivalent diameter of every 8-connected caries mask component, real against
 *    the annotated synthetic lesions; the real 3-level grade mix against the synthetic depth classes.
 * 2. Intensity and contrast on crops at one common pixel size (COMMON_PIXEL_MM): whole-image percentiles, and on
 *    lesion-centred crops the p5/p50/p95, RMS contrast, edge strength and lesion-versus-ring contrast.
 * 3. Synthetic per-material grey levels (enamel, dentin, pulp, bone, soft tissue), from the projection's chords.
 *
 * Every number is computed on 8-bit images: the real files are 8-bit, and the synthetic 12-bit images go through
 * windowTo8Bit with its default (whole-range) window, the same map as the `--png8` export and a DICOM viewer
 * with the default VOI window.
 *
 * Usage: npx tsx bench/radiograph-realism.ts path/to/MLUA-DC1000 [--patients N]
 * (the folder holds images/, labels/ and colors/ as in the repository's dataset/test/). About 10 s per patient.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decode } from "fast-png";
import { maskBbox, type AnnotatedObject, type MaskTile } from "../core/sinks/annotations/index.js";
import { windowTo8Bit } from "../core/sinks/image/index.js";
import type { DepthClass } from "../generators/patient/types.js";
import { radiographsConfigSchema } from "../generators/radiographs/config.js";
import { prepareRadiographs, shootView } from "../generators/radiographs/encode-patient-radiographs.js";
import { projectScene, type Projection } from "../generators/radiographs/render/project-scene.js";
import { aimOf } from "../generators/radiographs/scene/aim.js";
import { drawView } from "../generators/radiographs/scene/view-geometry.js";
import { withoutLesions } from "../generators/radiographs/scene/without-lesions.js";
import {
  connectedComponents,
  crop,
  equivalentDiameter,
  gradientMagnitudes,
  quantiles,
  resampleArea,
  ringContrast,
  rmsContrast,
  summarize,
  type Raster,
  type Summary,
} from "./radiograph-stats.js";

const args = process.argv.slice(2);
const patientsFlag = args.indexOf("--patients");
const PATIENTS = patientsFlag >= 0 ? Number(args[patientsFlag + 1]) : 20;
const root = args.find((a, k) => !a.startsWith("--") && args[k - 1] !== "--patients");
if (!root || !["images", "labels", "colors"].every((d) => existsSync(join(root, d)))) {
  console.error(
    `${root ? `No DC1000 images/, labels/ and colors/ under ${root}` : "No folder given"}: pass the folder holding the DC1000 test subset ` +
      "(images/*.png panoramic radiographs, labels/*.png binary caries masks, colors/*.png 3-level masks) as the first argument; " +
      "get it from https://github.com/Zzz512/MLUA, folder dataset/test/ (Wang et al., Neurocomputing 2023; no licence stated, so local evaluation only, never commit it).",
  );
  process.exit(2);
}
if (!(Number.isInteger(PATIENTS) && PATIENTS >= 1)) {
  console.error(`--patients must be a positive integer, got ${args[patientsFlag + 1]}`);
  process.exit(2);
}

/**
 * Pixel size of the DC1000 panoramics at the image plane, mm: 2943 px across a 30 cm panoramic film width gives
 * ~0.1 mm/px (dental-domain.md 2.1 [M]). DC1000 ships no pixel spacing; this is the stated assumption.
 */
const REAL_PIXEL_MM = 0.1;
/** Panoramic magnification at the focal trough: ~1.2-1.3 typical (dental-domain.md 2.1 [U]); the middle. */
const PANORAMIC_MAGNIFICATION = 1.25;
/** Every crop is resampled to this pixel size (image plane) before its statistics: the real one. */
const COMMON_PIXEL_MM = 0.1;
/**
 * Margin around a lesion's bounding box for its crop, mm [A]: half a premolar crown width (MD ~7 mm, dental-domain.md
 * 1.1), so the crop holds the lesion's tooth around the lesion and a little of the neighbour or the bone.
 */
const CROP_MARGIN_MM = 3;
/** Width of the ring around a lesion its contrast is measured against, mm [A]: a reader compares a radiolucency with the tissue just beside it. */
const RING_MM = 1;
/**
 * Grey levels of DC1000's colors/ masks and the grade we read them as [A]. The repository does not document them
 * (SOURCE.txt). Measured here: each 8-connected component has exactly one level, so a level is a per-lesion grade,
 * not a layer; we take the usual three-grade panoramic caries scale (shallow: enamel; moderate: outer dentin;
 * deep: inner dentin near the pulp), brighter = deeper.
 */
const GRADE_OF_LEVEL: Readonly<Record<number, Grade>> = { 102: "shallow", 153: "moderate", 255: "deep" };
type Grade = "shallow" | "moderate" | "deep";
const GRADES: readonly Grade[] = ["shallow", "moderate", "deep"];
/**
 * Radiographic depth classes (dental-domain.md 2.4) on the same three grades [A]: enamel (E1, E2) is shallow, the
 * outer third of dentin (D1) moderate, middle and inner thirds (D2, D3) deep, the same split as DENTEX's
 * "Deep Caries" in core/sinks/annotations/categories.ts.
 */
const GRADE_OF_DEPTH: Readonly<Record<DepthClass, Grade>> = { E1: "shallow", E2: "shallow", D1: "moderate", D2: "deep", D3: "deep" };
const DEPTHS: readonly DepthClass[] = ["E1", "E2", "D1", "D2", "D3"];

/**
 * Per-material pixels of a synthetic image, from chord lengths (mm) through the tooth's volumes [A]: thresholds keep
 * pixels whose ray crosses enough of the material that the detector blur does not mix in a neighbour.
 * - enamel: ≥ ENAMEL_MIN of enamel and at least as much enamel as dentin on the ray: the bright cap a reader calls
 *   enamel (cusps, and the proximal enamel the beam crosses tangentially), not the thin rim at the outline;
 * - dentin: ≥ DENTIN_MIN of dentin, at least twice as much dentin as enamel, no pulp (crown dentin between the cap
 *   and the pulp, and root dentin);
 * - pulp: ≥ PULP_MIN of pulp (the ray still crosses dentin on both sides, as every radiograph of a pulp does);
 * - bone: no tooth on the ray and a bone line integral ≥ BONE_MIN_L (≈ 1 mm of cortical bone at 0.23 mm⁻¹);
 * - soft tissue: no tooth and no bone (the cheek slab only): the darkest anatomy in the image.
 * Pixels of lesions and restorations belong to none of them.
 */
const ENAMEL_MIN = 2;
const DENTIN_MIN = 2;
const PULP_MIN = 1;
const BONE_MIN_L = 0.23;
const MATERIALS = ["enamel", "dentin", "pulp", "bone", "soft tissue"] as const;
type MaterialClass = (typeof MATERIALS)[number];

/** What one crop yields (all at COMMON_PIXEL_MM, 8-bit grey levels). */
interface CropStats {
  p5: number;
  p50: number;
  p95: number;
  /** sd / mean of the crop. */
  rms: number;
  /** p90 of the gradient magnitude over (p95 − p5): how much of the crop's range one 0.1 mm step crosses at an edge. */
  edge: number;
  /** (lesion mean − ring mean) / (p95 − p5); null without a lesion or when the lesion vanishes at 0.1 mm. */
  ring: number | null;
  /** The same with the ring cut to the lesion's tooth (synthetic only: the real set has no tooth masks). */
  ringTooth: number | null;
}

/**
 * The statistics of the box [x0, x1] × [y0, y1] (inclusive, image pixels) grown by CROP_MARGIN_MM, after resampling
 * the image (and the lesion mask, as covered fractions, kept where ≥ ½) from `pixelMm` to COMMON_PIXEL_MM.
 */
function cropStats(
  image: Raster,
  pixelMm: number,
  box: [number, number, number, number],
  lesion: ((x: number, y: number) => boolean) | null,
  tooth: ((x: number, y: number) => boolean) | null = null,
): CropStats {
  const margin = Math.round(CROP_MARGIN_MM / pixelMm);
  const [bx0, by0, bx1, by1] = box;
  const c = crop(image, bx0 - margin, by0 - margin, bx1 - bx0 + 1 + 2 * margin, by1 - by0 + 1 + 2 * margin);
  const small = resampleArea(c, pixelMm, COMMON_PIXEL_MM);
  const [p5, p50, p95] = quantiles(small.data, [0.05, 0.5, 0.95]) as [number, number, number];
  const range = Math.max(1, p95 - p5); // a flat crop (p95 = p5) would divide by zero; one grey level is the floor
  const [g90] = quantiles(gradientMagnitudes(small), [0.9]) as [number];
  // A predicate over image pixels as a mask at COMMON_PIXEL_MM: covered fraction ≥ ½.
  const maskOf = (inside: (x: number, y: number) => boolean): Raster => {
    const full = new Float32Array(c.width * c.height);
    for (let j = 0; j < c.height; j++) for (let i = 0; i < c.width; i++) full[j * c.width + i] = inside(c.x0 + i, c.y0 + j) ? 1 : 0;
    const fraction = resampleArea({ width: c.width, height: c.height, data: full }, pixelMm, COMMON_PIXEL_MM);
    return { width: fraction.width, height: fraction.height, data: Uint8Array.from(fraction.data, (f) => (f >= 0.5 ? 1 : 0)) };
  };
  const ringPx = Math.max(1, Math.round(RING_MM / COMMON_PIXEL_MM));
  const lesionMask = lesion ? maskOf(lesion) : null;
  const ring = lesionMask ? (ringContrast(small, lesionMask, ringPx, range)?.contrast ?? null) : null;
  const ringTooth = lesionMask && tooth ? (ringContrast(small, lesionMask, ringPx, range, maskOf(tooth))?.contrast ?? null) : null;
  return { p5, p50, p95, rms: rmsContrast(small.data), edge: g90 / range, ring, ringTooth };
}

const inTile = (m: MaskTile) => (x: number, y: number) => x >= m.x0 && y >= m.y0 && x < m.x0 + m.w && y < m.y0 + m.h && m.data[(y - m.y0) * m.w + (x - m.x0)] !== 0;

/** Inclusive pixel box [x0, y0, x1, y1] of a mask tile's set pixels, or null (maskBbox in corner form). */
function tileBox(m: MaskTile): [number, number, number, number] | null {
  const b = maskBbox(m);
  return b ? [b[0], b[1], b[0] + b[2] - 1, b[1] + b[3] - 1] : null;
}

function decodeGray(path: string): Raster & { data: Uint8Array } {
  const png = decode(readFileSync(path));
  if (png.depth !== 8) throw new Error(`${path}: expected 8-bit PNG, got ${png.depth}-bit`);
  const data = new Uint8Array(png.width * png.height);
  for (let p = 0; p < data.length; p++) data[p] = png.data[p * png.channels] as number; // first channel of grey(+alpha)
  return { width: png.width, height: png.height, data };
}

/** Everything both sides collect. */
interface Side {
  images: number;
  imagePixelMm: number[];
  global: { p5: number[]; p50: number[]; p95: number[] };
  lesionAreaMm2: number[];
  lesionAreaObjectMm2: number[];
  lesionDiameterMm: number[];
  lesionsPerImage: number[];
  grades: Record<Grade, number>;
  crops: CropStats[];
}

const emptySide = (): Side => ({
  images: 0,
  imagePixelMm: [],
  global: { p5: [], p50: [], p95: [] },
  lesionAreaMm2: [],
  lesionAreaObjectMm2: [],
  lesionDiameterMm: [],
  lesionsPerImage: [],
  grades: { shallow: 0, moderate: 0, deep: 0 },
  crops: [],
});

function addGlobal(side: Side, data: ArrayLike<number>): void {
  const [p5, p50, p95] = quantiles(data, [0.05, 0.5, 0.95]) as [number, number, number];
  side.global.p5.push(p5);
  side.global.p50.push(p50);
  side.global.p95.push(p95);
}

// ---- Real side: every mask for lesion sizes and grades; the masks with their image for intensities.
const real = emptySide();
const t0 = performance.now();
const maskFiles = readdirSync(join(root, "colors")).filter((f) => f.endsWith(".png")).sort();
let unknownLevels = 0;
for (const file of maskFiles) {
  const colors = decodeGray(join(root, "colors", file));
  const { labels, components } = connectedComponents(colors);
  real.lesionsPerImage.push(components.length);
  for (const c of components) {
    const area = c.area * REAL_PIXEL_MM ** 2;
    real.lesionAreaMm2.push(area);
    real.lesionAreaObjectMm2.push(area / PANORAMIC_MAGNIFICATION ** 2);
    real.lesionDiameterMm.push(equivalentDiameter(area));
    const grade = GRADE_OF_LEVEL[c.value];
    if (grade) real.grades[grade]++;
    else unknownLevels++;
  }
  const imagePath = join(root, "images", file);
  if (!existsSync(imagePath)) continue; // the local copy holds 20 of the 100 images, all 100 masks
  const image = decodeGray(imagePath);
  if (image.width !== colors.width || image.height !== colors.height) throw new Error(`${file}: image and mask sizes differ`);
  real.images++;
  real.imagePixelMm.push(REAL_PIXEL_MM);
  addGlobal(real, image.data);
  for (const c of components) {
    real.crops.push(cropStats(image, REAL_PIXEL_MM, [c.x0, c.y0, c.x1, c.y1], (x, y) => labels[y * image.width + x] === c.label));
  }
}
if (unknownLevels > 0) console.error(`warning: ${unknownLevels} real components have a grey level other than 102/153/255`);
console.error(`real: ${maskFiles.length} masks, ${real.images} images, ${real.lesionAreaMm2.length} lesions (${((performance.now() - t0) / 1000).toFixed(0)} s)`);

// ---- Synthetic side: N patients with the default seed and views, as `dentsynth generate radiographs` renders them.
const config = radiographsConfigSchema.parse({ patients: PATIENTS });
const syn = emptySide();
const synToothCrops: CropStats[] = [];
/**
 * Crops around the cervical-burnout look-alikes: the proximal tooth neck below the contact, where proximal caries
 * starts (dental-domain.md 2.3), so their crops sit where lesion crops sit, and their ring contrast is that of the
 * radiolucency a detector must NOT call caries.
 */
const synBurnoutCrops: CropStats[] = [];
const synDepths: Record<DepthClass, number> = { E1: 0, E2: 0, D1: 0, D2: 0, D3: 0 };
const recordDepths: Record<DepthClass, number> = { E1: 0, E2: 0, D1: 0, D2: 0, D3: 0 };
const synMagnification: number[] = [];
/** Per image: the median grey level of each material, and normalised differences between them. */
const materialMedians: Record<MaterialClass, number[]> = { enamel: [], dentin: [], pulp: [], bone: [], "soft tissue": [] };
const materialShares: Record<MaterialClass, number[]> = { enamel: [], dentin: [], pulp: [], bone: [], "soft tissue": [] };
const materialContrasts: Record<"enamel − dentin" | "dentin − pulp" | "dentin − bone" | "bone − soft tissue", number[]> = {
  "enamel − dentin": [],
  "dentin − pulp": [],
  "dentin − bone": [],
  "bone − soft tissue": [],
};

/** Classifies every pixel of a projection into MATERIALS (or none), from its volumes' chords and its bone. */
function materialOf(projection: Projection, width: number, height: number): (MaterialClass | null)[] {
  const n = width * height;
  const chords = { outer: new Float32Array(n), dentin: new Float32Array(n), pulp: new Float32Array(n), other: new Float32Array(n) };
  for (const { volume, tile } of projection.volumes) {
    const into = volume.role === "tooth:outer" ? chords.outer : volume.role === "tooth:dentin" ? chords.dentin : volume.role === "tooth:pulp" ? chords.pulp : chords.other;
    for (let r = 0; r < tile.height; r++) {
      for (let c = 0; c < tile.width; c++) into[(tile.y0 + r) * width + tile.x0 + c]! += tile.data[r * tile.width + c]!;
    }
  }
  const out: (MaterialClass | null)[] = new Array(n).fill(null);
  for (let p = 0; p < n; p++) {
    if (chords.other[p]! > 0) continue; // lesion or restoration on the ray
    const outer = chords.outer[p]!;
    const dentin = chords.dentin[p]!;
    const pulp = chords.pulp[p]!;
    if (outer > 0) {
      // The dentin lies inside the outer (enamel-hosted) surface, so the enamel on the ray is outer − dentin.
      const enamel = outer - dentin;
      if (enamel >= ENAMEL_MIN && enamel >= dentin) out[p] = "enamel";
      else if (pulp >= PULP_MIN) out[p] = "pulp";
      else if (pulp === 0 && dentin >= DENTIN_MIN && dentin >= 2 * enamel) out[p] = "dentin";
    } else {
      // Rendered without soft tissue (see below), so a tooth-free pixel's line integral is its bone alone.
      out[p] = projection.lineIntegral[p]! >= BONE_MIN_L ? "bone" : projection.lineIntegral[p]! === 0 ? "soft tissue" : null;
    }
  }
  return out;
}

/** Lesion − ring contrast (ring within the lesion's tooth) per depth class: does darkness follow the class? */
const ringToothByDepth: Record<(typeof DEPTHS)[number], number[]> = { E1: [], E2: [], D1: [], D2: [], D3: [] };
/** Mean grey-level drop inside each lesion's mask against the same view rendered without lesion volumes. */
const dropByDepth: Record<(typeof DEPTHS)[number], number[]> = { E1: [], E2: [], D1: [], D2: [], D3: [] };

const t1 = performance.now();
for (let index = 0; index < PATIENTS; index++) {
  const { patient, scene, views, rng } = prepareRadiographs(config, index);
  const sound = withoutLesions(scene);
  for (const tooth of patient.teeth) for (const lesion of tooth.lesions) recordDepths[lesion.depth]++;
  for (const view of views) {
    const viewRng = rng.fork(`view-${view.name}`);
    const shot = shootView(patient, scene, view, config, viewRng);
    if (!shot) continue;
    const { width, height, pixelSizeMm } = shot.annotation.image;
    const image = windowTo8Bit({ width, height, data: shot.pixels }, {});
    // The same view without the lesion volumes (same geometry, exposure and noise: the forks are stable).
    const clean = shootView(patient, sound, view, config, rng.fork(`view-${view.name}`));
    const cleanImage = clean ? windowTo8Bit({ width, height, data: clean.pixels }, {}) : null;
    syn.images++;
    syn.imagePixelMm.push(pixelSizeMm);
    synMagnification.push(shot.acquisition.magnification);
    addGlobal(syn, image.data);
    const lesions = shot.annotation.objects.filter((o): o is Extract<AnnotatedObject, { kind: "lesion" }> => o.kind === "lesion");
    syn.lesionsPerImage.push(lesions.length);
    for (const lesion of lesions) {
      const box = tileBox(lesion.mask);
      if (!box) continue;
      let pixels = 0;
      for (const v of lesion.mask.data) if (v !== 0) pixels++;
      const area = pixels * pixelSizeMm ** 2;
      syn.lesionAreaMm2.push(area);
      syn.lesionAreaObjectMm2.push(area / shot.acquisition.magnification ** 2);
      syn.lesionDiameterMm.push(equivalentDiameter(area));
      synDepths[lesion.attributes.depth]++;
      syn.grades[GRADE_OF_DEPTH[lesion.attributes.depth]]++;
      const tooth = shot.annotation.objects.find((o) => o.kind === "tooth" && o.fdi === lesion.fdi);
      const crop = cropStats(image, pixelSizeMm, box, inTile(lesion.mask), tooth ? inTile(tooth.mask) : null);
      syn.crops.push(crop);
      if (crop.ringTooth !== null) ringToothByDepth[lesion.attributes.depth].push(crop.ringTooth);
      if (cleanImage) {
        const m = lesion.mask;
        let drop = 0;
        let n = 0;
        for (let y = 0; y < m.h; y++) {
          for (let x = 0; x < m.w; x++) {
            if (!m.data[y * m.w + x]) continue;
            const k = (m.y0 + y) * width + m.x0 + x;
            drop += cleanImage.data[k]! - image.data[k]!;
            n++;
          }
        }
        if (n > 0) dropByDepth[lesion.attributes.depth].push(drop / n);
      }
    }
    for (const object of shot.annotation.objects) {
      const box = object.kind === "tooth" || (object.kind === "lookalike" && object.attributes.type === "cervical_burnout") ? tileBox(object.mask) : null;
      if (!box) continue;
      if (object.kind === "tooth") synToothCrops.push(cropStats(image, pixelSizeMm, box, null));
      else {
        const tooth = shot.annotation.objects.find((o) => o.kind === "tooth" && o.fdi === object.fdi);
        synBurnoutCrops.push(cropStats(image, pixelSizeMm, box, inTile(object.mask), tooth ? inTile(tooth.mask) : null));
      }
    }
    // Materials: the same frame projected again without soft tissue, for the chords the Shot does not keep. The
    // frame is re-drawn from the view's "geometry" stream exactly as shootView draws it (forks are stable per label).
    const aim = aimOf(scene, view);
    if (!aim) continue;
    const drawn = drawView(view.view, aim, config.size, aim.anterior, viewRng.fork("geometry"));
    if (drawn.frame.width !== width || Math.abs(drawn.frame.pixelSize * drawn.geometry.magnification - pixelSizeMm) > 1e-9) {
      throw new Error(`${shot.stem}: the re-drawn frame differs from the rendered one; shootView changed how it draws views`);
    }
    const classes = materialOf(projectScene(scene, drawn.frame, { softTissue: 0 }), width, height);
    const values: Record<MaterialClass, number[]> = { enamel: [], dentin: [], pulp: [], bone: [], "soft tissue": [] };
    classes.forEach((m, p) => m && values[m].push(image.data[p]!));
    const [ip5, ip95] = quantiles(image.data, [0.05, 0.95]) as [number, number];
    const range = Math.max(1, ip95 - ip5);
    const median: Partial<Record<MaterialClass, number>> = {};
    for (const m of MATERIALS) {
      materialShares[m].push(values[m].length / (width * height));
      if (values[m].length < 50) continue; // too few pixels for a median worth reporting (e.g. no bone in a bitewing corner)
      median[m] = quantiles(values[m], [0.5])[0]!;
      materialMedians[m].push(median[m]);
    }
    const diff = (a: MaterialClass, b: MaterialClass) => (median[a] !== undefined && median[b] !== undefined ? (median[a] - median[b]) / range : undefined);
    for (const [key, a, b] of [
      ["enamel − dentin", "enamel", "dentin"],
      ["dentin − pulp", "dentin", "pulp"],
      ["dentin − bone", "dentin", "bone"],
      ["bone − soft tissue", "bone", "soft tissue"],
    ] as const) {
      const d = diff(a, b);
      if (d !== undefined) materialContrasts[key].push(d);
    }
  }
  console.error(`synthetic: patient ${index + 1}/${PATIENTS}, ${syn.images} images, ${syn.lesionAreaMm2.length} lesions (${((performance.now() - t1) / 1000).toFixed(0)} s)`);
}

// ---- Tables.
const fmt = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : "–");
const cell = (values: readonly number[], digits = 2): string => {
  if (values.length === 0) return "– (n = 0)";
  const s: Summary = summarize(values);
  return `${fmt(s.median, digits)} [${fmt(s.q1, digits)}, ${fmt(s.q3, digits)}] (n = ${s.n})`;
};
const col = (crops: readonly CropStats[], key: keyof CropStats) => crops.map((c) => c[key]).filter((v): v is number => v !== null);
const mix = (counts: Readonly<Record<string, number>>, keys: readonly string[]) => {
  const total = keys.reduce((s, k) => s + (counts[k] ?? 0), 0);
  return total === 0 ? "– (n = 0)" : `${keys.map((k) => `${Math.round((100 * (counts[k] ?? 0)) / total)} %`).join(" / ")} (n = ${total})`;
};

console.log(`Real: DC1000 test subset, ${maskFiles.length} masks, ${real.images} images. Synthetic: ${PATIENTS} patients, seed "${config.seed}", ` +
  `${syn.images} images (${config.views.join(" + ")}), windowTo8Bit default window. Crops at ${COMMON_PIXEL_MM} mm/px. Cells: median [IQR] (n).`);
console.log("");
console.log(`| quantity | real DC1000 panoramic, lesion crops | synthetic intraoral, lesion crops | synthetic, cervical-burnout crops (not caries) | synthetic, tooth crops |`);
console.log(`|---|---|---|---|---|`);
console.log(`| image pixel size, mm (image plane) | ${REAL_PIXEL_MM} (assumed) | ${cell(syn.imagePixelMm, 4)} | | |`);
console.log(`| magnification | ${PANORAMIC_MAGNIFICATION} (assumed) | ${cell(synMagnification, 3)} | | |`);
for (const [label, key] of [["whole image p5, 8-bit", "p5"], ["whole image p50, 8-bit", "p50"], ["whole image p95, 8-bit", "p95"]] as const) {
  console.log(`| ${label} | ${cell(real.global[key], 0)} | ${cell(syn.global[key], 0)} | | |`);
}
for (const [label, key, digits] of [
  ["crop p5, 8-bit", "p5", 0],
  ["crop p50, 8-bit", "p50", 0],
  ["crop p95, 8-bit", "p95", 0],
  ["crop RMS contrast (sd / mean)", "rms", 3],
  ["crop edge strength (p90 gradient per 0.1 mm / (p95 − p5))", "edge", 3],
  ["lesion − ring contrast / (p95 − p5)", "ring", 3],
  ["lesion − ring contrast, ring within the lesion's tooth (synthetic only)", "ringTooth", 3],
] as const) {
  const tooth = key === "ring" || key === "ringTooth" ? "" : cell(col(synToothCrops, key), digits);
  const realCell = key === "ringTooth" ? "– (no tooth masks)" : cell(col(real.crops, key), digits);
  console.log(`| ${label} | ${realCell} | ${cell(col(syn.crops, key), digits)} | ${cell(col(synBurnoutCrops, key), digits)} | ${tooth} |`);
}
console.log(`| lesion area, mm² (image plane) | ${cell(real.lesionAreaMm2)} | ${cell(syn.lesionAreaMm2)} | | |`);
console.log(`| lesion area, mm² (object plane: ÷ magnification²) | ${cell(real.lesionAreaObjectMm2)} | ${cell(syn.lesionAreaObjectMm2)} | | |`);
console.log(`| lesion equivalent diameter, mm (image plane) | ${cell(real.lesionDiameterMm)} | ${cell(syn.lesionDiameterMm)} | | |`);
console.log(`| annotated lesions per image | ${cell(real.lesionsPerImage, 1)} | ${cell(syn.lesionsPerImage, 1)} | | |`);
const recordGrades: Record<Grade, number> = { shallow: 0, moderate: 0, deep: 0 };
for (const d of DEPTHS) recordGrades[GRADE_OF_DEPTH[d]] += recordDepths[d];
console.log(`| grade mix shallow / moderate / deep | ${mix(real.grades, GRADES)} | ${mix(syn.grades, GRADES)} (annotated) | | ${mix(recordGrades, GRADES)} (records) |`);
console.log("");
console.log(`| depth class mix E1 / E2 / D1 / D2 / D3 | synthetic annotated lesions | synthetic records (all lesions of the ${PATIENTS} charts) |`);
console.log(`|---|---|---|`);
console.log(`| share | ${mix(synDepths, DEPTHS)} | ${mix(recordDepths, DEPTHS)} |`);
console.log("");
console.log(`| synthetic lesions by depth class | lesion − ring contrast, ring within the tooth, / (p95 − p5) | share no darker than the ring (≥ 0) | grey-level drop in the mask vs the same view without the lesion (8-bit) | share with a drop under 1 grey level |`);
console.log(`|---|---|---|---|---|`);
const share = (v: readonly number[], test: (x: number) => boolean) => (v.length === 0 ? "–" : `${Math.round((100 * v.filter(test).length) / v.length)} %`);
for (const d of DEPTHS) {
  console.log(`| ${d} | ${cell(ringToothByDepth[d], 3)} | ${share(ringToothByDepth[d], (x) => x >= 0)} | ${cell(dropByDepth[d], 1)} | ${share(dropByDepth[d], (x) => x < 1)} |`);
}
console.log("");
console.log(`| synthetic material (per-image median, 8-bit) | grey level | share of image pixels |`);
console.log(`|---|---|---|`);
for (const m of MATERIALS) console.log(`| ${m} | ${cell(materialMedians[m], 0)} | ${cell(materialShares[m], 3)} |`);
console.log("");
console.log(`| synthetic contrast (difference of per-image medians / image p95 − p5) | value |`);
console.log(`|---|---|`);
for (const [k, v] of Object.entries(materialContrasts)) console.log(`| ${k} | ${cell(v, 3)} |`);
