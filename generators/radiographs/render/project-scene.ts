/**
 * Forward projection of a scene for one view: the line integral ∫μ ds per pixel (dimensionless), and the
 * per-object chord tiles the annotations are cut from.
 *
 * Composition (generators/meshes/materials.ts): each volume adds (μ(material)·density − μ(host)) × chord. Volumes
 * hosted by the "surroundings" (a tooth's outer surface, an implant, a pontic) are added as displacing soft
 * tissue; their chords are also summed per jaw, and wherever that jaw's bone model puts the ray below the crest,
 * the sum is taken out of the bone path, so a root replaces the bone it sits in instead of adding to it. The
 * beam runs nearly perpendicular to the teeth, so a ray meets a tooth at one height: below the crest all of its
 * chord is in bone, above it none is. Using the bone model's own crest for the test keeps the two consistent.
 *
 * Bone: the analytic alveolar process of each jaw (alveolar-bone.ts), split into two cortical plates and the
 * trabecular core between them, with a cortical cap along the crest; the trabecular density carries the patient's
 * texture. Soft tissue: the cheek or lip the beam crosses before the teeth, a uniform slab drawn per image.
 */
import type { ChordTile } from "../projection/chord-tile.js";
import { rasteriseChords } from "../projection/rasterise-chords.js";
import { offsetMesh } from "../../meshes/geometry/offset-mesh.js";
import type { TriMesh } from "../../meshes/geometry/tri-mesh.js";
import { attenuationTable, deltaMuIn, mu, type Tissue } from "../projection/attenuation.js";
import type { MaterialVolume } from "../../meshes/materials.js";
import type { Arch } from "../../patient/types.js";
import { AlveolarBone, CREST_CORTEX, type BoneSample } from "../scene/alveolar-bone.js";
import type { Scene, SceneTooth } from "../scene/scene.js";
import type { ViewFrame } from "../scene/view-geometry.js";

/** Thickness of each cortical plate, mm [U: buccal/lingual alveolar cortex 1-2 mm in the mandible, thinner in the maxilla]. */
export const CORTICAL_PLATE: Readonly<Record<Arch, number>> = { upper: 0.8, lower: 1.4 };
/** Share of the crest's path that is cortical within CREST_CORTEX of the crest [A: the cap is a thin shell, not a solid slab]. */
const CAP_FRACTION = 0.3;
/** A pixel belongs to an object's mask when its chord through the object exceeds this, mm [A: a tenth of a typical pixel footprint keeps masks from catching grazing facets]. */
export const MASK_CHORD = 0.05;

/** The table for a tooth whose composite fillings are the old, radiolucent kind. */
const RADIOLUCENT = attenuationTable({ composite: "radiolucent" });

/** Periodontal ligament width, mm: 0.15-0.38, about 0.2 on average (Coolidge, J Am Dent Assoc 1937) [T]. */
export const PDL_WIDTH = 0.2;
/** Lamina dura (the socket's cortical lining) thickness, mm [U: 0.2-0.4 on radiographs]. */
export const LAMINA_DURA = 0.3;

/** Socket shells of a root or fixture: its surface grown by the PDL, and by the PDL plus the lamina dura. */
const sockets = new WeakMap<TriMesh, { pdl: TriMesh; lamina: TriMesh }>();
function socketOf(mesh: TriMesh): { pdl: TriMesh; lamina: TriMesh } {
  let s = sockets.get(mesh);
  if (!s) {
    s = { pdl: offsetMesh(mesh, PDL_WIDTH), lamina: offsetMesh(mesh, PDL_WIDTH + LAMINA_DURA) };
    sockets.set(mesh, s);
  }
  return s;
}

/** A volume's chord tile with what it is. */
export interface ProjectedVolume {
  tooth: SceneTooth;
  volume: MaterialVolume;
  tile: ChordTile;
}

export interface Projection {
  frame: ViewFrame;
  /** ∫μ ds per pixel, row-major. */
  lineIntegral: Float32Array;
  /** Every volume that reached the image. */
  volumes: ProjectedVolume[];
  /** Teeth with at least one pixel in the image. */
  teeth: SceneTooth[];
}

/** Whether a tooth can be in the image: its axis passes in front of the sensor and its box overlaps the field. */
function inField(tooth: SceneTooth, frame: ViewFrame): boolean {
  const m = tooth.toHead;
  const reach = tooth.crownLength + tooth.rootLength + 2 * tooth.halfWidth;
  const c = [m[12] as number, m[13] as number, m[14] as number];
  const rel = [c[0]! - frame.origin[0], c[1]! - frame.origin[1], c[2]! - frame.origin[2]];
  const depth = rel[0]! * frame.d[0] + rel[1]! * frame.d[1] + rel[2]! * frame.d[2];
  // Behind the sensor (the far side of the arch) or too far in front of it to be the near side.
  if (depth > 0 || depth < -40) return false;
  const i = (rel[0]! * frame.u[0] + rel[1]! * frame.u[1] + rel[2]! * frame.u[2]) / frame.pixelSize;
  const j = (rel[0]! * frame.v[0] + rel[1]! * frame.v[1] + rel[2]! * frame.v[2]) / frame.pixelSize;
  const r = reach / frame.pixelSize;
  return i > -r && j > -r && i < frame.width + r && j < frame.height + r;
}

/**
 * Tooth-frame height (z) and mesial coordinate (x) of the point where pixel (i, j)'s ray passes the tooth's
 * axis depth: both affine in (i, j), returned as coefficients [c0, ci, cj].
 */
export function toothCoordinates(tooth: SceneTooth, frame: ViewFrame): { x: [number, number, number]; z: [number, number, number] } {
  const m = tooth.toHead;
  const inv = tooth.fromHead;
  const centre = [m[12] as number, m[13] as number, m[14] as number];
  // The ray of pixel (i, j): p(i,j) = origin + (i+½)p u + (j+½)p v + t d, at t with (p − centre)·d = 0; since
  // u, v ⟂ d that t is the same for every pixel, so p(i, j) = p0 + i p u + j p v.
  const apply = (row: number, p: readonly number[]) =>
    (inv[row] as number) * p[0]! + (inv[row + 4] as number) * p[1]! + (inv[row + 8] as number) * p[2]!;
  const base = [0, 1, 2].map((k) => frame.origin[k]! + 0.5 * frame.pixelSize * (frame.u[k]! + frame.v[k]!));
  const t0 = [0, 1, 2].reduce((s, k) => s + (centre[k]! - base[k]!) * frame.d[k]!, 0);
  const p0 = [0, 1, 2].map((k) => base[k]! + t0 * frame.d[k]!);
  // Moving one pixel along u or v shifts the point by p·u or p·v (minus nothing: u, v ⟂ d).
  const du = frame.u.map((x) => x * frame.pixelSize);
  const dv = frame.v.map((x) => x * frame.pixelSize);
  const affine = (row: number): [number, number, number] => [apply(row, p0) + (inv[12 + row] as number), apply(row, du), apply(row, dv)];
  return { x: affine(0), z: affine(2) };
}

export interface ProjectOptions {
  /** Soft tissue the beam crosses outside the jaws (cheek, lip), mm. */
  softTissue: number;
}

export function projectScene(scene: Scene, frame: ViewFrame, options: ProjectOptions): Projection {
  const { width, height } = frame;
  const L = new Float32Array(width * height);
  const displaced: Record<Arch, Float32Array> = { upper: new Float32Array(width * height), lower: new Float32Array(width * height) };
  const lamina: Record<Arch, Float32Array> = { upper: new Float32Array(width * height), lower: new Float32Array(width * height) };
  const projected: ProjectedVolume[] = [];
  const teeth: SceneTooth[] = [];
  const muSoft = mu("soft_tissue");

  for (const tooth of scene.teeth) {
    if (!inField(tooth, frame)) continue;
    let any = false;
    for (const volume of tooth.volumes()) {
      const tile = rasteriseChords(volume.mesh, frame, tooth.toHead);
      if (tile.width === 0 || tile.height === 0) continue;
      any = true;
      projected.push({ tooth, volume, tile });
      const surroundings = volume.host === "surroundings";
      // A root or an implant fixture sits in a socket: ligament space, then the lamina dura (below the crest).
      const socketed = volume.role === "tooth:outer" || volume.role === "restoration:implant_fixture";
      // Above the crest a surroundings volume displaces soft tissue; below it, bone (taken out in addBone).
      const table = tooth.radiolucentComposite ? RADIOLUCENT : undefined;
      const delta = deltaMuIn(volume, surroundings ? "soft_tissue" : (volume.host as Tissue), table);
      const out = displaced[tooth.jaw];
      for (let r = 0; r < tile.height; r++) {
        const j = tile.y0 + r;
        for (let c = 0; c < tile.width; c++) {
          const chord = tile.data[r * tile.width + c] as number;
          if (chord === 0) continue;
          const i = tile.x0 + c;
          const at = j * width + i;
          L[at] = (L[at] as number) + delta * chord;
          if (surroundings && !socketed) out[at] = (out[at] as number) + chord;
        }
      }
      if (socketed) addSocket(volume.mesh, tooth, frame, out, lamina[tooth.jaw]);
    }
    if (any) teeth.push(tooth);
  }

  addBone(scene, frame, L, displaced, lamina);
  const soft = muSoft * options.softTissue;
  for (let k = 0; k < L.length; k++) L[k] = (L[k] as number) + soft;
  return { frame, lineIntegral: L, volumes: projected, teeth };
}

/** Across-beam extent of the image's rays (q = p·n, n ⟂ the beam's horizontal part) and the sensor's along-beam coordinate. */
function beamExtent(frame: ViewFrame): { q: [number, number]; w: number } {
  const l = Math.hypot(frame.d[0], frame.d[1]);
  const ux = frame.d[0] / l;
  const uy = frame.d[1] / l;
  let qMin = Infinity;
  let qMax = -Infinity;
  let wMax = -Infinity;
  for (const [a, b] of [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ] as const) {
    const p = [0, 1].map((k) => frame.origin[k]! + a * frame.width * frame.pixelSize * frame.u[k]! + b * frame.height * frame.pixelSize * frame.v[k]!);
    const q = -p[0]! * uy + p[1]! * ux;
    qMin = Math.min(qMin, q);
    qMax = Math.max(qMax, q);
    wMax = Math.max(wMax, p[0]! * ux + p[1]! * uy);
  }
  return { q: [qMin, qMax], w: wMax };
}

/**
 * A socket displaces the bone of its whole outer shell (root + ligament + lamina dura); the lamina dura's own
 * chord (outer shell minus ligament shell) is kept to add back as cortical bone where the ray is in the bone.
 */
function addSocket(mesh: TriMesh, tooth: SceneTooth, frame: ViewFrame, displaced: Float32Array, lamina: Float32Array): void {
  const socket = socketOf(mesh);
  const outer = rasteriseChords(socket.lamina, frame, tooth.toHead);
  const inner = rasteriseChords(socket.pdl, frame, tooth.toHead);
  const width = frame.width;
  for (let r = 0; r < outer.height; r++) {
    for (let c = 0; c < outer.width; c++) {
      const chord = outer.data[r * outer.width + c]!;
      if (chord === 0) continue;
      const i = outer.x0 + c;
      const j = outer.y0 + r;
      const ii = i - inner.x0;
      const jj = j - inner.y0;
      const pdl = ii >= 0 && jj >= 0 && ii < inner.width && jj < inner.height ? inner.data[jj * inner.width + ii]! : 0;
      const at = j * width + i;
      displaced[at] = displaced[at]! + chord;
      lamina[at] = lamina[at]! + Math.max(0, chord - pdl);
    }
  }
}

function addBone(scene: Scene, frame: ViewFrame, L: Float32Array, displaced: Record<Arch, Float32Array>, lamina: Record<Arch, Float32Array>): void {
  const { width, height } = frame;
  const extent = beamExtent(frame);
  const sample: BoneSample = { s: 0, depth: 0, path: 0, reach: 0, obliquity: 1 };
  const muCort = mu("cortical_bone") - mu("soft_tissue");
  const muTrab = mu("trabecular_bone");
  const muSoft = mu("soft_tissue");
  // The bone model is sampled on every second pixel and interpolated bilinearly: depth and reach are affine
  // along a ray family within one arch segment, so interpolation is exact there, and the crest (depth = 0) is
  // still placed per pixel from the interpolated depth. A quarter of the samples, and of the texture's noise
  // evaluations, for no visible change after the detector blur [A].
  const gw = (width >> 1) + 2;
  const gh = (height >> 1) + 2;
  const gDepth = new Float32Array(gw * gh);
  const gReach = new Float32Array(gw * gh);
  const gOblique = new Float32Array(gw * gh);
  const gTexture = new Float32Array(gw * gh);
  const step = 2 * frame.pixelSize;
  for (const jaw of ["upper", "lower"] as const) {
    const nodes = scene.bone[jaw];
    if (!nodes) continue;
    const bone = new AlveolarBone(jaw, nodes, frame.d, extent.w, extent.q);
    const texture = scene.texture[jaw];
    const gone = displaced[jaw];
    const dura = lamina[jaw];
    const plate = CORTICAL_PLATE[jaw];
    for (let gj = 0; gj < gh; gj++) {
      for (let gi = 0; gi < gw; gi++) {
        const a = (gi * step + 0.5 * frame.pixelSize);
        const b = (gj * step + 0.5 * frame.pixelSize);
        bone.sample(
          frame.origin[0] + a * frame.u[0] + b * frame.v[0],
          frame.origin[1] + a * frame.u[1] + b * frame.v[1],
          frame.origin[2] + a * frame.u[2] + b * frame.v[2],
          sample,
        );
        const g = gj * gw + gi;
        gDepth[g] = sample.depth;
        gReach[g] = sample.reach;
        gOblique[g] = sample.obliquity;
        gTexture[g] = Number.isNaN(sample.reach) || sample.depth < -1 ? 1 : texture(sample.s, sample.depth);
      }
    }
    for (let j = 0; j < height; j++) {
      const gj = j >> 1;
      const fy = (j & 1) * 0.5;
      for (let i = 0; i < width; i++) {
        const fx = (i & 1) * 0.5;
        const g00 = gj * gw + (i >> 1);
        // Bilinear weights of the four grid corners (inlined: this loop runs for every pixel).
        const w00 = (1 - fx) * (1 - fy);
        const w10 = fx * (1 - fy);
        const w01 = (1 - fx) * fy;
        const w11 = fx * fy;
        const g10 = g00 + 1;
        const g01 = g00 + gw;
        const g11 = g01 + 1;
        const depth = w00 * gDepth[g00]! + w10 * gDepth[g10]! + w01 * gDepth[g01]! + w11 * gDepth[g11]!;
        if (!(depth > 0)) continue;
        const reach = w00 * gReach[g00]! + w10 * gReach[g10]! + w01 * gReach[g01]! + w11 * gReach[g11]!;
        if (Number.isNaN(reach)) continue; // a corner missed the arch: the arch's end, no bone
        const at = j * width + i;
        const path = Math.max(0, reach - gone[at]!);
        // The plates, plus the crestal lamina dura: a thin cortical cap over the septum that images as a fine
        // radiopaque line along the crest [T: intact crestal lamina dura is a sign of health].
        const cap = depth < CREST_CORTEX ? CAP_FRACTION * path : 0;
        const oblique = w00 * gOblique[g00]! + w10 * gOblique[g10]! + w01 * gOblique[g01]! + w11 * gOblique[g11]!;
        const cortical = Math.min(path, 2 * plate * oblique + cap);
        const trabecular = path - cortical;
        const tex = w00 * gTexture[g00]! + w10 * gTexture[g10]! + w01 * gTexture[g01]! + w11 * gTexture[g11]!;
        // The lamina dura, as cortical bone, where the socket lies in the bone (its chord is part of `gone`).
        const socketWall = Math.min(dura[at]!, reach);
        L[at] = L[at]! + muCort * (cortical + socketWall) + (muTrab * tex - muSoft) * trabecular;
      }
    }
  }
}
