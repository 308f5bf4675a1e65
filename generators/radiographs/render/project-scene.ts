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
import { projectionMaps, type ProjectionMaps } from "../projection/parallel-view.js";
import { rasteriseChords, type PixelRect } from "../projection/rasterise-chords.js";
import { offsetMesh } from "../../meshes/geometry/offset-mesh.js";
import type { TriMesh } from "../../meshes/geometry/tri-mesh.js";
import { attenuationTable, deltaMuIn, mu, type Tissue } from "../projection/attenuation.js";
import type { MaterialVolume } from "../../meshes/materials.js";
import type { Arch } from "../../patient/types.js";
import { AlveolarBone, CREST_CORTEX, type BoneNode, type BoneSample } from "../scene/alveolar-bone.js";
import type { Scene, SceneTooth } from "../scene/scene.js";
import type { TrabecularTexture } from "../scene/trabecular-texture.js";
import { scratchFloat32, scratchFloat64, scratchInt32, scratchUint8 } from "../scratch.js";
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
  /**
   * The slow reference path, for tests: the bone sampled at every grid node (no coarse grid) and every socket
   * drawn whole (not clipped to where the bone is). The default gives the same image up to float rounding.
   */
  reference?: boolean;
}

export function projectScene(scene: Scene, frame: ViewFrame, options: ProjectOptions): Projection {
  const { width, height } = frame;
  const maps = projectionMaps(frame);
  const L = new Float32Array(width * height);
  const projected: ProjectedVolume[] = [];
  const teeth: SceneTooth[] = [];
  const muSoft = mu("soft_tissue");
  const reference = options.reference ?? false;
  // The bone model first: where it lies tells which part of each socket can matter (the rest is not drawn).
  const jaws: Record<Arch, JawBone | null> = { upper: null, lower: null };
  for (const jaw of ["upper", "lower"] as const) {
    const nodes = scene.bone[jaw];
    if (!nodes) continue;
    jaws[jaw] = {
      grid: boneGrid(alveolarBone(jaw, nodes, frame), scene.texture[jaw], frame, { fine: reference, reuse: `bone-${jaw}` }),
      displaced: scratchFloat32(`displaced-${jaw}`, width * height).fill(0),
      lamina: scratchFloat32(`lamina-${jaw}`, width * height).fill(0),
    };
  }
  // How far a socket shell (grown by PDL_WIDTH + LAMINA_DURA) can project beyond its root's tile, pixels.
  const shellReach = Math.ceil((PDL_WIDTH + LAMINA_DURA) * Math.max(norm(maps.ax), norm(maps.ay))) + 1;

  for (const tooth of scene.teeth) {
    if (!inField(tooth, frame)) continue;
    let any = false;
    const jaw = jaws[tooth.jaw];
    for (const volume of tooth.volumes()) {
      const surroundings = volume.host === "surroundings";
      // A root or an implant fixture sits in a socket: ligament space, then the lamina dura (below the crest).
      const socketed = volume.role === "tooth:outer" || volume.role === "restoration:implant_fixture";
      // Above the crest a surroundings volume displaces soft tissue; below it, bone (taken out in addBone).
      const table = tooth.radiolucentComposite ? RADIOLUCENT : undefined;
      const delta = deltaMuIn(volume, surroundings ? "soft_tissue" : (volume.host as Tissue), table);
      // L += Δμ · chord as the tile is stored; displaced chords only where the jaw has bone (nothing else reads them).
      const chords = surroundings && !socketed && jaw ? jaw.displaced : undefined;
      const tile = rasteriseChords(volume.mesh, maps, tooth.toHead, { accumulate: { image: L, weight: delta, ...(chords ? { chords } : {}) } });
      if (tile.width === 0 || tile.height === 0) continue;
      any = true;
      projected.push({ tooth, volume, tile });
      if (socketed && jaw) {
        // Only the socket's pixels where the bone model can put the ray in bone are drawn (addBone reads no others).
        const clip = reference
          ? { x0: 0, y0: 0, x1: width - 1, y1: height - 1 }
          : liveRect(jaw.grid, tile.x0 - shellReach, tile.y0 - shellReach, tile.x0 + tile.width - 1 + shellReach, tile.y0 + tile.height - 1 + shellReach);
        if (clip) addSocket(volume.mesh, tooth, maps, clip, jaw);
      }
    }
    if (any) teeth.push(tooth);
  }

  for (const jaw of ["upper", "lower"] as const) {
    const j = jaws[jaw];
    if (j) addBone(L, width, height, j.grid, j.displaced, j.lamina, CORTICAL_PLATE[jaw]);
  }
  addConstant(L, muSoft * options.softTissue);
  return { frame, lineIntegral: L, volumes: projected, teeth };
}

const norm = (a: readonly number[]) => Math.hypot(a[0]!, a[1]!, a[2]!);

/** A jaw's bone model for the view's beam, over the rays of the image. */
export function alveolarBone(jaw: Arch, nodes: readonly BoneNode[], frame: ViewFrame): AlveolarBone {
  const extent = beamExtent(frame);
  return new AlveolarBone(jaw, nodes, frame.d, extent.w, extent.q);
}

/** One jaw's bone on the grid, and the chords its sockets and displacing volumes take out of it. */
interface JawBone {
  grid: BoneGrid;
  /** Chord per pixel of everything that displaces this jaw's bone below the crest, mm. */
  displaced: Float32Array;
  /** Chord per pixel of the lamina dura of this jaw's sockets, mm. */
  lamina: Float32Array;
}

function addConstant(L: Float32Array, value: number): void {
  for (let k = 0; k < L.length; k++) L[k] = L[k]! + value;
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
 * Both shells are drawn only inside `clip`, the pixels where the jaw's bone can be.
 */
function addSocket(mesh: TriMesh, tooth: SceneTooth, maps: ProjectionMaps, clip: PixelRect, jaw: JawBone): void {
  const socket = socketOf(mesh);
  const outer = rasteriseChords(socket.lamina, maps, tooth.toHead, { clip, scratch: "socket-outer" });
  if (outer.width === 0 || outer.height === 0) return;
  const inner = rasteriseChords(socket.pdl, maps, tooth.toHead, { clip, scratch: "socket-inner" });
  addShells(jaw.displaced, jaw.lamina, maps.width, outer, inner);
}

function addShells(displaced: Float32Array, lamina: Float32Array, width: number, outer: ChordTile, inner: ChordTile): void {
  const od = outer.data;
  const id = inner.data;
  const ow = outer.width;
  const iw = inner.width;
  const ih = inner.height;
  for (let r = 0; r < outer.height; r++) {
    const j = outer.y0 + r;
    const jj = j - inner.y0;
    const rowIn = jj >= 0 && jj < ih;
    for (let c = 0; c < ow; c++) {
      const chord = od[r * ow + c]!;
      if (chord === 0) continue;
      const i = outer.x0 + c;
      const ii = i - inner.x0;
      const pdl = rowIn && ii >= 0 && ii < iw ? id[jj * iw + ii]! : 0;
      const at = j * width + i;
      displaced[at] = displaced[at]! + chord;
      lamina[at] = lamina[at]! + Math.max(0, chord - pdl);
    }
  }
}

/**
 * One jaw's bone model on the grid of every second pixel: node (gi, gj) samples the ray of pixel (2gi, 2gj), and
 * pixel (i, j) interpolates bilinearly between the four nodes of cell (i >> 1, j >> 1). Depth and reach are affine
 * along a ray family within one arch segment, so interpolation is exact there, and the crest (depth = 0) is still
 * placed per pixel from the interpolated depth. A quarter of the samples, and of the texture's noise
 * evaluations, for no visible change after the detector blur [A].
 */
export interface BoneGrid {
  /** Nodes per row and per column. */
  gw: number;
  gh: number;
  /** Per node (row-major, gw per row); only the corners of cells that can be live are filled. */
  depth: Float32Array;
  reach: Float32Array;
  oblique: Float32Array;
  /** Arc position and depth of each node unrounded: the texture's arguments. */
  s: Float64Array;
  depth64: Float64Array;
  /** The texture factor per node, evaluated on first use by textureAt (NaN until then). */
  texture: Float32Array;
  textureOf: TrabecularTexture;
  /** Per cell ((gw − 1) per row): 1 where some pixel of it can be in bone (a node below the crest, none off the arch). */
  live: Uint8Array;
  /** Per row of cells: the first and last live cell (−1 when none). */
  firstLive: Int32Array;
  lastLive: Int32Array;
  /** Nodes sampled from the bone model (the rest interpolated from the coarse grid or left out). */
  sampled: number;
}

/**
 * The texture factor at node g (1 off the arch and well above the crest), evaluated once: only nodes some pixel
 * with trabecular bone reads are ever evaluated, so noise is not spent on bone a root has displaced.
 */
export function textureAt(grid: BoneGrid, g: number): number {
  const t = grid.texture[g]!;
  if (t === t) return t;
  const d = grid.depth64[g]!;
  grid.texture[g] = Number.isNaN(grid.reach[g]!) || d < -1 ? 1 : grid.textureOf(grid.s[g]!, d);
  return grid.texture[g]!;
}

/**
 * The grid, sampled coarse to fine: the model is sampled on every fourth pixel first, and a cell of that coarse
 * grid whose four corners lie on one affine piece of the model (the same arch segment, all on one side of the
 * crest and of the width cap: BoneSample.piece) has its finer nodes interpolated, exactly up to rounding, since
 * every quantity is affine there; when that side is above the crest, the cell holds no bone and its nodes are
 * left out altogether. Only cells across the crest, a segment boundary or the arch's end are sampled finely.
 * The texture is still evaluated on the fine grid (its finer octave has a period of about 8 pixels, too short
 * for the coarse one), lazily (textureAt).
 *
 * `fine` samples every node (the reference the coarse path is tested against). `reuse` names scratch buffers
 * (scratch.ts) to hold the grid: the grid then lives until the next call with the same name.
 */
export function boneGrid(bone: AlveolarBone, texture: TrabecularTexture, frame: ViewFrame, options: { fine?: boolean; reuse?: string } = {}): BoneGrid {
  const { width, height } = frame;
  const fine = options.fine ?? false;
  const gw = (width >> 1) + 2;
  const gh = (height >> 1) + 2;
  const reuse = options.reuse;
  const f32 = (name: string, n: number) => (reuse ? scratchFloat32(`${reuse}:${name}`, n) : new Float32Array(n));
  const f64 = (name: string, n: number) => (reuse ? scratchFloat64(`${reuse}:${name}`, n) : new Float64Array(n));
  // Coarse nodes (ci, cj) at fine nodes (2ci, 2cj), enough to enclose every fine node.
  const cw = (gw >> 1) + 1;
  const ch = (gh >> 1) + 1;
  const coarse: Nodes = { s: new Float64Array(cw * ch), depth: new Float64Array(cw * ch), reach: new Float64Array(cw * ch), oblique: new Float64Array(cw * ch), piece: new Int32Array(cw * ch).fill(-1) };
  const sampler = new NodeSampler(bone, frame);
  if (!fine) for (let cj = 0; cj < ch; cj++) sampler.row(cj, cw, coarse);
  // A coarse cell is bare when its corners share one piece above the crest: no pixel of it is in bone.
  const bare = markBare(coarse.piece, cw, ch);
  const sArc = f64("s", gw * gh);
  const depth64 = f64("depth64", gw * gh);
  const depth = f32("depth", gw * gh);
  const reach = f32("reach", gw * gh);
  const oblique = f32("oblique", gw * gh);
  const sampled = (fine ? 0 : cw * ch) + fillFine(sampler, coarse, cw, ch, bare, gw, gh, sArc, depth64, depth, reach, oblique);
  const tex = f32("texture", gw * gh).fill(Number.NaN);
  const cells = (gw - 1) * (gh - 1);
  const live = reuse ? scratchUint8(`${reuse}:live`, cells) : new Uint8Array(cells);
  const firstLive = reuse ? scratchInt32(`${reuse}:first`, gh - 1) : new Int32Array(gh - 1);
  const lastLive = reuse ? scratchInt32(`${reuse}:last`, gh - 1) : new Int32Array(gh - 1);
  liveCells(gw, gh, depth, reach, bare, cw - 1, live, firstLive, lastLive);
  return { gw, gh, depth, reach, oblique, s: sArc, depth64, texture: tex, textureOf: texture, live, firstLive, lastLive, sampled };
}

/** Bone samples at grid nodes: arc position, depth, reach, obliquity and affine piece (BoneSample). */
interface Nodes {
  s: Float64Array;
  depth: Float64Array;
  reach: Float64Array;
  oblique: Float64Array;
  piece: Int32Array;
}

/** Samples the bone at fine node (gi, gj): the ray of pixel (2gi, 2gj). */
class NodeSampler {
  private readonly sample: BoneSample = { s: 0, depth: 0, path: 0, reach: 0, obliquity: 1, piece: -1 };
  private readonly o: readonly number[];
  private readonly u: readonly number[];
  private readonly v: readonly number[];
  private readonly p: number;
  constructor(
    private readonly bone: AlveolarBone,
    frame: ViewFrame,
  ) {
    this.o = frame.origin;
    this.u = frame.u;
    this.v = frame.v;
    this.p = frame.pixelSize;
  }

  at(gi: number, gj: number): BoneSample {
    const { o, u, v, p } = this;
    const a = gi * (2 * p) + 0.5 * p;
    const b = gj * (2 * p) + 0.5 * p;
    return this.bone.sample(o[0]! + a * u[0]! + b * v[0]!, o[1]! + a * u[1]! + b * v[1]!, o[2]! + a * u[2]! + b * v[2]!, this.sample);
  }

  /** Coarse row cj: nodes (2ci, 2cj) into `into` at cj·cw + ci. */
  row(cj: number, cw: number, into: Nodes): void {
    for (let ci = 0; ci < cw; ci++) {
      const sample = this.at(2 * ci, 2 * cj);
      const c = cj * cw + ci;
      into.s[c] = sample.s;
      into.depth[c] = sample.depth;
      into.reach[c] = sample.reach;
      into.oblique[c] = sample.obliquity;
      into.piece[c] = sample.piece;
    }
  }
}

function markBare(piece: Int32Array, cw: number, ch: number): Uint8Array {
  const bare = new Uint8Array((cw - 1) * (ch - 1));
  for (let cy = 0; cy < ch - 1; cy++) {
    for (let cx = 0; cx < cw - 1; cx++) {
      const c = cy * cw + cx;
      const p = piece[c]!;
      if (p >= 0 && (p & 1) === 0 && piece[c + 1] === p && piece[c + cw] === p && piece[c + cw + 1] === p) bare[cy * (cw - 1) + cx] = 1;
    }
  }
  return bare;
}

/**
 * The fine nodes that some non-bare coarse cell reads: interpolated inside coarse cells whose corners share one
 * affine piece, copied at sampled coarse nodes, sampled elsewhere. Returns how many it sampled.
 */
function fillFine(
  sampler: NodeSampler,
  coarse: Nodes,
  cw: number,
  ch: number,
  bare: Uint8Array,
  gw: number,
  gh: number,
  s: Float64Array,
  depth64: Float64Array,
  depth: Float32Array,
  reach: Float32Array,
  oblique: Float32Array,
): number {
  const { s: cS, depth: cDepth, reach: cReach, oblique: cOblique, piece: cPiece } = coarse;
  const bw = cw - 1;
  let sampled = 0;
  for (let gj = 0; gj < gh; gj++) {
    const cy = Math.min(gj >> 1, ch - 2);
    const fy = (gj - 2 * cy) * 0.5;
    // Fine cells with this node as a corner: rows gj − 1 and gj, columns gi − 1 and gi (within the grid); each
    // lies in coarse cell (column >> 1, row >> 1).
    const up = ((gj > 0 ? gj - 1 : gj) >> 1) * bw;
    const down = ((gj < gh - 1 ? gj : gj - 1) >> 1) * bw;
    for (let gi = 0; gi < gw; gi++) {
      const left = (gi > 0 ? gi - 1 : gi) >> 1;
      const right = (gi < gw - 1 ? gi : gi - 1) >> 1;
      if (bare[up + left] === 1 && bare[up + right] === 1 && bare[down + left] === 1 && bare[down + right] === 1) continue;
      const cx = Math.min(gi >> 1, cw - 2);
      const fx = (gi - 2 * cx) * 0.5;
      const c00 = cy * cw + cx;
      const p = cPiece[c00]!;
      const g = gj * gw + gi;
      if (p >= 0 && cPiece[c00 + 1] === p && cPiece[c00 + cw] === p && cPiece[c00 + cw + 1] === p) {
        const w00 = (1 - fx) * (1 - fy);
        const w10 = fx * (1 - fy);
        const w01 = (1 - fx) * fy;
        const w11 = fx * fy;
        const c10 = c00 + 1;
        const c01 = c00 + cw;
        const c11 = c01 + 1;
        s[g] = w00 * cS[c00]! + w10 * cS[c10]! + w01 * cS[c01]! + w11 * cS[c11]!;
        depth64[g] = w00 * cDepth[c00]! + w10 * cDepth[c10]! + w01 * cDepth[c01]! + w11 * cDepth[c11]!;
        depth[g] = depth64[g]!;
        reach[g] = w00 * cReach[c00]! + w10 * cReach[c10]! + w01 * cReach[c01]! + w11 * cReach[c11]!;
        oblique[g] = cOblique[c00]!; // one segment: one obliquity
      } else if ((gi & 1) === 0 && (gj & 1) === 0 && cPiece[(gj >> 1) * cw + (gi >> 1)]! !== -1) {
        const c = (gj >> 1) * cw + (gi >> 1);
        s[g] = cS[c]!;
        depth64[g] = cDepth[c]!;
        depth[g] = cDepth[c]!;
        reach[g] = cReach[c]!;
        oblique[g] = cOblique[c]!;
      } else {
        const sample = sampler.at(gi, gj);
        sampled++;
        s[g] = sample.s;
        depth64[g] = sample.depth;
        depth[g] = sample.depth;
        reach[g] = sample.reach;
        oblique[g] = sample.obliquity;
      }
    }
  }
  return sampled;
}

/**
 * The cells some pixel of which can be in bone. Interpolated depth is a convex combination of the corners', so it
 * is positive somewhere in a cell only if it is at some corner; and one corner off the arch (NaN reach) makes
 * the reach of every pixel of the cell NaN. Cells inside a bare coarse cell are not (their nodes are not filled).
 */
function liveCells(
  gw: number,
  gh: number,
  depth: Float32Array,
  reach: Float32Array,
  bare: Uint8Array,
  bareWidth: number,
  live: Uint8Array,
  firstLive: Int32Array,
  lastLive: Int32Array,
): void {
  live.fill(0);
  firstLive.fill(-1);
  lastLive.fill(-1);
  for (let cy = 0; cy < gh - 1; cy++) {
    const bareRow = (cy >> 1) * bareWidth;
    for (let cx = 0; cx < gw - 1; cx++) {
      if (bare[bareRow + (cx >> 1)] === 1) continue;
      const g = cy * gw + cx;
      const r = reach[g]! + reach[g + 1]! + reach[g + gw]! + reach[g + gw + 1]!;
      if (r !== r) continue; // NaN at some corner
      if (!(depth[g]! > 0 || depth[g + 1]! > 0 || depth[g + gw]! > 0 || depth[g + gw + 1]! > 0)) continue;
      live[cy * (gw - 1) + cx] = 1;
      if (firstLive[cy]! < 0) firstLive[cy] = cx;
      lastLive[cy] = cx;
    }
  }
}

/** The smallest pixel rectangle holding every live pixel of [x0, x1] × [y0, y1] (clipped to the image), or null. */
function liveRect(grid: BoneGrid, x0: number, y0: number, x1: number, y1: number): PixelRect | null {
  const cells = grid.gw - 1;
  const cx0 = Math.max(0, x0 >> 1);
  const cx1 = Math.min(cells - 1, x1 >> 1);
  const cy0 = Math.max(0, y0 >> 1);
  const cy1 = Math.min(grid.gh - 2, y1 >> 1);
  let minX = Infinity;
  let maxX = -1;
  let minY = Infinity;
  let maxY = -1;
  for (let cy = cy0; cy <= cy1; cy++) {
    if (grid.firstLive[cy]! < 0 || grid.firstLive[cy]! > cx1 || grid.lastLive[cy]! < cx0) continue;
    const row = cy * cells;
    for (let cx = Math.max(cx0, grid.firstLive[cy]!); cx <= Math.min(cx1, grid.lastLive[cy]!); cx++) {
      if (grid.live[row + cx] === 0) continue;
      if (cx < minX) minX = cx;
      if (cx > maxX) maxX = cx;
      if (cy < minY) minY = cy;
      maxY = cy;
    }
  }
  if (maxX < 0) return null;
  return { x0: Math.max(x0, 2 * minX), y0: Math.max(y0, 2 * minY), x1: Math.min(x1, 2 * maxX + 1), y1: Math.min(y1, 2 * maxY + 1) };
}

/** Adds one jaw's bone to L, pixel by pixel from its grid, over the live cells only. */
function addBone(L: Float32Array, width: number, height: number, grid: BoneGrid, gone: Float32Array, dura: Float32Array, plate: number): void {
  const muCort = mu("cortical_bone") - mu("soft_tissue");
  const muTrab = mu("trabecular_bone");
  const muSoft = mu("soft_tissue");
  const { gw, depth: gDepth, reach: gReach, oblique: gOblique, live, firstLive, lastLive } = grid;
  const cells = gw - 1;
  for (let j = 0; j < height; j++) {
    const gj = j >> 1;
    const first = firstLive[gj]!;
    if (first < 0) continue;
    const fy = (j & 1) * 0.5;
    const end = Math.min(width, 2 * lastLive[gj]! + 2);
    for (let i = 2 * first; i < end; i++) {
      if (live[gj * cells + (i >> 1)] === 0) continue;
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
      const at = j * width + i;
      const path = Math.max(0, reach - gone[at]!);
      // The plates, plus the crestal lamina dura: a thin cortical cap over the septum that images as a fine
      // radiopaque line along the crest [T: intact crestal lamina dura is a sign of health].
      const cap = depth < CREST_CORTEX ? CAP_FRACTION * path : 0;
      const oblique = w00 * gOblique[g00]! + w10 * gOblique[g10]! + w01 * gOblique[g01]! + w11 * gOblique[g11]!;
      const cortical = Math.min(path, 2 * plate * oblique + cap);
      const trabecular = path - cortical;
      // The texture only where there is trabecular bone to carry it; corners of weight 0 add nothing.
      let tex = 0;
      if (trabecular > 0) {
        tex = w00 * textureAt(grid, g00);
        if (w10 !== 0) tex += w10 * textureAt(grid, g10);
        if (w01 !== 0) tex += w01 * textureAt(grid, g01);
        if (w11 !== 0) tex += w11 * textureAt(grid, g11);
      }
      // The lamina dura, as cortical bone, where the socket lies in the bone (its chord is part of `gone`).
      const socketWall = Math.min(dura[at]!, reach);
      L[at] = L[at]! + muCort * (cortical + socketWall) + (muTrab * tex - muSoft) * trabecular;
    }
  }
}
