/**
 * The gingiva of an intraoral scan: a horseshoe band swept along the arch, whose crest follows each tooth's
 * gingival margin, rises into papillae between touching teeth, and sinks slightly over the spaces of missing
 * teeth. The band here is whole; assemble-scan.ts cuts a hole for each crown and stitches the crown to it.
 *
 * Cross-section at arc position s, in the plane of the outward normal n and z: the upper half of the superellipse
 * (|n|/a)^4 + ((z − zTop + H)/H)^4 = 1, flat on the crest and steep on the buccal and lingual walls, from
 * (−a, zTop − H) lingually over (0, zTop) to (a, zTop − H) buccally. The band is open below and at its ends, like
 * a real scan (a palate is not modelled).
 */
import { PointInMesh } from "../geometry/point-in-mesh.js";
import { boundsOf, type TriMesh } from "../geometry/tri-mesh.js";
import { WHEELER } from "../tooth/wheeler-table.js";
import { applyMat4 } from "./mat4.js";
import type { ArchPlacement, PlacedTooth } from "./place-teeth.js";
import { SweepFrame } from "./sweep-frame.js";

export interface GingivaOptions {
  /** Height of the band below the crest, mm (default 10 [U]: real scans stop about a vestibule depth down). */
  height?: number;
  /**
   * Soft tissue beyond the teeth's buccal and lingual surfaces (crown, and root within 4 mm of the margin),
   * each side, mm (default 2 [U]).
   */
  shoulder?: number;
  /** Gingiva behind the last tooth (retromolar pad, tuberosity), mm (default 4 [U]). */
  retromolar?: number;
  /** Crest of an edentulous ridge below the neighbours' margins, mm (default 1 [U]: ridge resorption). */
  ridgeDrop?: number;
  /** Sweep step along the arch, mm (default 0.4), and samples across the profile (default 41). */
  step?: number;
  profileSamples?: number;
}

/**
 * The band's grid: vertex (i, j) of {@link Gingiva.mesh} is i * rows + j, at arc position `arc[i]` and outward
 * offset n = `halfWidth[i]` * `across[j]`. Its quads (i, j)…(i + 1, j + 1) are split along (i, j)–(i + 1, j + 1),
 * both triangles counter-clockwise in the (s, n) plane, which is the occlusal (outer) side in 3D.
 */
export interface GingivaSheet {
  columns: number;
  rows: number;
  arc: Float64Array;
  halfWidth: Float64Array;
  /** Offset across the band as a share of the half-width, increasing from −1 (lingual foot) to 1 (buccal). */
  across: Float64Array;
}

export interface Gingiva {
  /** The whole swept band (no holes); the scan's gingiva is this band with a hole per crown. */
  mesh: TriMesh;
  sheet: GingivaSheet;
  /** Arc positions where the band starts and ends. */
  arcStart: number;
  arcEnd: number;
  /**
   * Height of the gingiva surface above (x, y): the profile inside the band, the crest height beside it (so
   * anything lower beside the band counts as covered), and -Infinity beyond the band's ends.
   */
  surfaceZ(x: number, y: number): number;
  /**
   * Height of the gingiva surface for cutting crowns: as surfaceZ inside the band and beside it (a root that
   * leaves the band through its wall stays covered: the alveolar bone and mucosa follow the roots, which the
   * band's vertical walls do not), and the end profile beyond the band's ends rather than -Infinity, so a crown
   * edge there is not cut at a jump.
   */
  cutZ(x: number, y: number): number;
  /** Arc position and offset of (x, y) in the band's sweep frame (sweep-frame.ts; near the curve, ≈ closest). */
  locate(x: number, y: number): { s: number; n: number };
}

/** Exponent of the profile superellipse [A]. */
const SQUARENESS = 4;
/** Half-width of a papilla along the arch (Gaussian SD), mm [A]. */
const PAPILLA_SD = 1.0;
/**
 * Depth below a tooth's margin over which its surface sets the band's half-width, mm [A: the free and attached
 * gingiva, where the crowns are cut, lie within about 4 mm of the margin].
 */
const REACH_DEPTH = 4;
/** Spacing of the crest and half-width tables along the arch, mm [A]. */
const TABLE_STEP = 0.05;

/**
 * Sweeps the gingiva band of a placed jaw (see the file comment) and returns it whole, with its grid and the
 * surface's height for cutting the crowns. Cost: a few tens of ms per jaw, most of it locating the teeth's
 * cervical vertices for the band's width.
 */
export function buildGingiva(placement: ArchPlacement, options: GingivaOptions = {}): Gingiva {
  const height = options.height ?? 10;
  const shoulder = options.shoulder ?? 2;
  const retromolar = options.retromolar ?? 4;
  const ridgeDrop = options.ridgeDrop ?? 1;
  const step = options.step ?? 0.4;
  const profileSamples = options.profileSamples ?? 41;
  const { curve, teeth, spaces, jaw } = placement;
  if (teeth.length === 0) throw new RangeError("buildGingiva requires at least one tooth");

  let lo = Infinity;
  let hi = -Infinity;
  for (const r of [...teeth, ...spaces]) {
    lo = Math.min(lo, r.arcMesial, r.arcDistal);
    hi = Math.max(hi, r.arcMesial, r.arcDistal);
  }
  const [cMin, cMax] = curve.range;
  const arcStart = Math.max(cMin, lo - retromolar);
  const arcEnd = Math.min(cMax, hi + retromolar);

  // Cross-sections along a smoothed normal, so the band's lingual side does not fold at tight turns.
  const frame = new SweepFrame(curve, arcStart, arcEnd);
  const locate = (x: number, y: number) => frame.locate(x, y);
  // Control values along the arch at each tooth's centre: crest height (its margin) and half-width. The
  // half-width covers the tooth's own reach across the arch within REACH_DEPTH below its margin, not only its
  // crown: an inclined incisor's palatal root surface leaves a band as wide as its crown (by up to 2 mm, the
  // margin then ran down the band's wall), while real mucosa covers the root eminence.
  const controls: { s: number; z: number; a: number }[] = teeth.map((t) => {
    const z = marginZ(t);
    const p = t.mesh.positions;
    let reach = t.halfThickness;
    for (let v = 0; v < p.length; v += 3) {
      if ((p[v + 2] as number) < z - REACH_DEPTH) continue;
      reach = Math.max(reach, Math.abs(locate(p[v] as number, p[v + 1] as number).n));
    }
    return { s: (t.arcMesial + t.arcDistal) / 2, z, a: reach + shoulder };
  });
  const sorted = (cs: typeof controls) => cs.sort((p, q) => p.s - q.s);
  sorted(controls);
  const interpolate = (cs: typeof controls, s: number, key: "z" | "a"): number => {
    const first = cs[0]!;
    const last = cs[cs.length - 1]!;
    if (s <= first.s) return first[key];
    if (s >= last.s) return last[key];
    let i = 0;
    while (cs[i + 1]!.s < s) i++;
    const p = cs[i]!;
    const q = cs[i + 1]!;
    return p[key] + ((q[key] - p[key]) * (s - p.s)) / (q.s - p.s);
  };
  // Spaces: the ridge sits ridgeDrop below the line between the neighbouring margins.
  const withSpaces = sorted([
    ...controls,
    ...spaces.map((sp) => {
      const s = (sp.arcMesial + sp.arcDistal) / 2;
      return { s, z: interpolate(controls, s, "z") - ridgeDrop, a: interpolate(controls, s, "a") };
    }),
  ]);

  // Papillae where two teeth touch: as high as the CEJ rises proximally on the two teeth (Wheeler's CEJ curve,
  // dental-domain.md 1.1), since the interdental crest follows the CEJ.
  const papillae: { s: number; h: number }[] = [];
  const bySide = (sign: number) =>
    teeth.filter((t) => Math.sign(t.arcDistal - t.arcMesial) === sign).sort((p, q) => Math.abs(p.arcMesial) - Math.abs(q.arcMesial));
  const cej = (t: PlacedTooth) => WHEELER[jaw][t.type];
  for (const sign of [-1, 1]) {
    const side = bySide(sign);
    for (let i = 0; i + 1 < side.length; i++) {
      const a = side[i]!;
      const b = side[i + 1]!;
      if (Math.abs(b.arcMesial - a.arcDistal) < 0.5) papillae.push({ s: (a.arcDistal + b.arcMesial) / 2, h: (cej(a).cejCurveDistal + cej(b).cejCurveMesial) / 2 });
    }
  }
  const centrals = teeth.filter((t) => t.fdi % 10 === 1);
  if (centrals.length === 2 && Math.abs(centrals[0]!.arcMesial - centrals[1]!.arcMesial) < 1) {
    papillae.push({ s: (centrals[0]!.arcMesial + centrals[1]!.arcMesial) / 2, h: cej(centrals[0]!).cejCurveMesial });
  }
  const exactCrest = (s: number) => {
    let z = interpolate(withSpaces, s, "z");
    for (const p of papillae) z += p.h * Math.exp(-0.5 * ((s - p.s) / PAPILLA_SD) ** 2);
    return z;
  };
  // Crest and half-width tabulated every TABLE_STEP mm and read linearly: every crown vertex asks for them, and the
  // papilla sum made that a fifth of the scan's time. Error of the linear reading < 0.01 mm [A: Gaussian of SD
  // 1 mm and height ≤ 3.5 mm, step 0.05 mm].
  const tableCount = Math.max(2, Math.ceil((arcEnd - arcStart) / TABLE_STEP) + 1);
  const crestTable = new Float64Array(tableCount);
  const widthTable = new Float64Array(tableCount);
  for (let k = 0; k < tableCount; k++) {
    const s = arcStart + ((arcEnd - arcStart) * k) / (tableCount - 1);
    crestTable[k] = exactCrest(s);
    widthTable[k] = interpolate(withSpaces, s, "a");
  }
  const readTable = (table: Float64Array, s: number): number => {
    const f = Math.min(tableCount - 1, Math.max(0, ((s - arcStart) / (arcEnd - arcStart)) * (tableCount - 1)));
    const k = Math.min(tableCount - 2, Math.floor(f));
    return (table[k] as number) + (f - k) * ((table[k + 1] as number) - (table[k] as number));
  };
  const crest = (s: number) => readTable(crestTable, s);
  const halfWidth = (s: number) => readTable(widthTable, s);


  // Sweep.
  const ns = Math.max(2, Math.ceil((arcEnd - arcStart) / step) + 1);
  const np = profileSamples;
  const positions = new Float32Array(3 * ns * np);
  const columnArc = new Float64Array(ns);
  const columnHalfWidth = new Float64Array(ns);
  const across = profileRows(np, height, controls.reduce((sum, c) => sum + c.a, 0) / controls.length);
  for (let i = 0; i < ns; i++) {
    const s = arcStart + ((arcEnd - arcStart) * i) / (ns - 1);
    const pt = frame.at(s);
    const top = crest(s);
    const a = halfWidth(s);
    columnArc[i] = s;
    columnHalfWidth[i] = a;
    for (let j = 0; j < np; j++) {
      const g = across[j] as number;
      const n = a * g;
      const z = top - height + height * Math.pow(1 - Math.pow(Math.abs(g), SQUARENESS), 1 / SQUARENESS);
      const at = 3 * (i * np + j);
      positions[at] = pt.x + n * pt.nx;
      positions[at + 1] = pt.y + n * pt.ny;
      positions[at + 2] = z;
    }
  }
  const quads: number[] = [];
  for (let i = 0; i + 1 < ns; i++) {
    for (let j = 0; j + 1 < np; j++) {
      const a = i * np + j;
      const b = (i + 1) * np + j;
      const c = (i + 1) * np + j + 1;
      const d = i * np + j + 1;
      quads.push(a, b, c, a, c, d);
    }
  }
  const mesh: TriMesh = { positions, indices: Uint32Array.from(quads) };
  const sheet: GingivaSheet = { columns: ns, rows: np, arc: columnArc, halfWidth: columnHalfWidth, across };

  const profileZ = (s: number, n: number): number => {
    const a = halfWidth(s);
    const top = crest(s);
    if (Math.abs(n) >= a) return top;
    return top - height + height * Math.pow(1 - Math.pow(Math.abs(n) / a, SQUARENESS), 1 / SQUARENESS);
  };
  const surfaceZ = (x: number, y: number): number => {
    const { s, n } = locate(x, y);
    if (s < arcStart || s > arcEnd) return -Infinity;
    return profileZ(s, n);
  };
  const cutZ = (x: number, y: number): number => {
    const { s, n } = locate(x, y);
    return profileZ(Math.min(arcEnd, Math.max(arcStart, s)), n);
  };
  return { mesh, sheet, arcStart, arcEnd, surfaceZ, cutZ, locate };
}

/**
 * Offsets of the profile's sample rows as shares of the half-width, −1 to 1, spaced evenly by length along the
 * profile of a band `halfWidth` wide and `height` deep. Even spacing matters on the crest, where the crowns meet
 * the gingiva: the superellipse's angle parameter put one row step of 0.28 × half-width (about 2 mm) across the
 * crest's middle, and triangles that long stitched to a crown's margin cut through the crown's cervical bulge.
 */
function profileRows(rows: number, height: number, halfWidth: number): Float64Array {
  // Dense polyline of the half profile from the crest (g = 0) to the foot (g = 1) [A: 2,000 pieces].
  const pieces = 2000;
  const length = new Float64Array(pieces + 1);
  const gs = new Float64Array(pieces + 1);
  let prevN = 0;
  let prevZ = height;
  for (let k = 1; k <= pieces; k++) {
    // Angle-uniform points, dense near the foot where the wall is steep.
    const phi = (Math.PI / 2) * (k / pieces);
    const g = Math.pow(Math.sin(phi), 2 / SQUARENESS);
    const z = height * Math.pow(Math.cos(phi), 2 / SQUARENESS);
    gs[k] = g;
    length[k] = (length[k - 1] as number) + Math.hypot(halfWidth * g - prevN, z - prevZ);
    prevN = halfWidth * g;
    prevZ = z;
  }
  const total = length[pieces] as number;
  const out = new Float64Array(rows);
  const mid = (rows - 1) / 2;
  for (let j = 0; j < rows; j++) {
    const target = (Math.abs(j - mid) / mid) * total;
    let lo = 0;
    let hi = pieces;
    while (hi - lo > 1) {
      const m = (lo + hi) >> 1;
      if ((length[m] as number) <= target) lo = m;
      else hi = m;
    }
    const span = (length[hi] as number) - (length[lo] as number);
    const t = span > 0 ? Math.min(1, Math.max(0, (target - (length[lo] as number)) / span)) : 0;
    const g = (gs[lo] as number) + t * ((gs[hi] as number) - (gs[lo] as number));
    out[j] = j < mid ? -g : g;
  }
  // Exact ends, so the feet lie on the walls' bottom.
  out[0] = -1;
  out[rows - 1] = 1;
  return out;
}

/** World z of a tooth's gingival margin on its axis. */
function marginZ(t: PlacedTooth): number {
  const out = [0, 0, 0];
  applyMat4(t.transform, 0, 0, t.marginHeight, out);
  return out[2] as number;
}

/**
 * The mesh without the triangles whose centroid lies inside one of the closed `solids`, vertices compacted.
 * (The scan no longer uses it: assemble-scan.ts stitches the crowns to the band instead.)
 */
export function removeInside(mesh: TriMesh, solids: readonly TriMesh[]): TriMesh {
  const tests = solids.map((m) => ({ box: boundsOf(m), inside: new PointInMesh(m) }));
  const p = mesh.positions;
  const idx = mesh.indices;
  const kept: number[] = [];
  for (let t = 0; t < idx.length; t += 3) {
    const a = 3 * (idx[t] as number), b = 3 * (idx[t + 1] as number), c = 3 * (idx[t + 2] as number);
    const x = ((p[a] as number) + (p[b] as number) + (p[c] as number)) / 3;
    const y = ((p[a + 1] as number) + (p[b + 1] as number) + (p[c + 1] as number)) / 3;
    const z = ((p[a + 2] as number) + (p[b + 2] as number) + (p[c + 2] as number)) / 3;
    const covered = tests.some(({ box, inside }) => x >= box[0] && x <= box[3] && y >= box[1] && y <= box[4] && z >= box[2] && z <= box[5] && inside.contains(x, y, z));
    if (!covered) kept.push(t);
  }
  return compact(mesh, kept);
}

/** The given triangles (by first-index offset) of a mesh, with unused vertices dropped in order. */
export function compact(mesh: TriMesh, triangleOffsets: readonly number[]): TriMesh {
  const remap = new Int32Array(mesh.positions.length / 3).fill(-1);
  const indices = new Uint32Array(triangleOffsets.length * 3);
  let k = 0;
  for (const t of triangleOffsets) for (let c = 0; c < 3; c++) remap[mesh.indices[t + c] as number] = 0;
  let next = 0;
  for (let v = 0; v < remap.length; v++) if (remap[v] === 0) remap[v] = next++;
  for (const t of triangleOffsets) for (let c = 0; c < 3; c++) indices[k++] = remap[mesh.indices[t + c] as number] as number;
  const positions = new Float32Array(3 * next);
  for (let v = 0; v < remap.length; v++) {
    const r = remap[v] as number;
    if (r >= 0) positions.set(mesh.positions.subarray(3 * v, 3 * v + 3), 3 * r);
  }
  return { positions, indices };
}
