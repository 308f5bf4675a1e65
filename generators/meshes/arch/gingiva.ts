/**
 * The gingiva of an intraoral scan: a horseshoe band swept along the arch, whose crest follows each tooth's
 * gingival margin, rises into papillae between touching teeth, and sinks slightly over the spaces of missing
 * teeth. Its triangles inside a crown are cut away, so crowns and gingiva meet around the cervical line.
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

export interface GingivaOptions {
  /** Height of the band below the crest, mm (default 10 [U]: real scans stop about a vestibule depth down). */
  height?: number;
  /** Soft tissue beyond the crowns' buccal and lingual surfaces, each side, mm (default 2 [U]). */
  shoulder?: number;
  /** Gingiva behind the last tooth (retromolar pad, tuberosity), mm (default 4 [U]). */
  retromolar?: number;
  /** Crest of an edentulous ridge below the neighbours' margins, mm (default 1 [U]: ridge resorption). */
  ridgeDrop?: number;
  /** Sweep step along the arch, mm (default 0.4), and samples across the profile (default 41). */
  step?: number;
  profileSamples?: number;
}

export interface Gingiva {
  mesh: TriMesh;
  /** Arc positions where the band starts and ends. */
  arcStart: number;
  arcEnd: number;
  /**
   * Height of the gingiva surface above (x, y): the profile inside the band, the crest height beside it (so
   * anything lower beside the band counts as covered), and -Infinity beyond the band's ends.
   */
  surfaceZ(x: number, y: number): number;
}

/** Exponent of the profile superellipse [A]. */
const SQUARENESS = 4;
/** Half-width of a papilla along the arch (Gaussian SD), mm [A]. */
const PAPILLA_SD = 1.0;

export function buildGingiva(placement: ArchPlacement, options: GingivaOptions = {}): Gingiva {
  const height = options.height ?? 10;
  const shoulder = options.shoulder ?? 2;
  const retromolar = options.retromolar ?? 4;
  const ridgeDrop = options.ridgeDrop ?? 1;
  const step = options.step ?? 0.4;
  const profileSamples = options.profileSamples ?? 41;
  const { curve, teeth, spaces, jaw } = placement;
  if (teeth.length === 0) throw new RangeError("buildGingiva requires at least one tooth");

  // Control values along the arch at each tooth's centre: crest height (its margin) and half-width.
  const controls: { s: number; z: number; a: number }[] = teeth.map((t) => ({
    s: (t.arcMesial + t.arcDistal) / 2,
    z: marginZ(t),
    a: t.halfThickness + shoulder,
  }));
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
  const crest = (s: number) => {
    let z = interpolate(withSpaces, s, "z");
    for (const p of papillae) z += p.h * Math.exp(-0.5 * ((s - p.s) / PAPILLA_SD) ** 2);
    return z;
  };
  const halfWidth = (s: number) => interpolate(withSpaces, s, "a");

  let lo = Infinity;
  let hi = -Infinity;
  for (const r of [...teeth, ...spaces]) {
    lo = Math.min(lo, r.arcMesial, r.arcDistal);
    hi = Math.max(hi, r.arcMesial, r.arcDistal);
  }
  const [cMin, cMax] = curve.range;
  const arcStart = Math.max(cMin, lo - retromolar);
  const arcEnd = Math.min(cMax, hi + retromolar);

  // Sweep.
  const ns = Math.max(2, Math.ceil((arcEnd - arcStart) / step) + 1);
  const np = profileSamples;
  const positions = new Float32Array(3 * ns * np);
  for (let i = 0; i < ns; i++) {
    const s = arcStart + ((arcEnd - arcStart) * i) / (ns - 1);
    const pt = curve.point(s);
    const top = crest(s);
    const a = halfWidth(s);
    for (let j = 0; j < np; j++) {
      const phi = (Math.PI * j) / (np - 1);
      const c = -Math.cos(phi);
      const n = a * Math.sign(c) * Math.pow(Math.abs(c), 2 / SQUARENESS);
      const z = top - height + height * Math.pow(Math.abs(Math.sin(phi)), 2 / SQUARENESS);
      const at = 3 * (i * np + j);
      positions[at] = pt.x - n * pt.ty;
      positions[at + 1] = pt.y + n * pt.tx;
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
  const band: TriMesh = { positions, indices: Uint32Array.from(quads) };
  const mesh = removeInside(band, teeth.map((t) => t.mesh));

  const surfaceZ = (x: number, y: number): number => {
    const { s, n } = curve.closest(x, y);
    if (s < arcStart || s > arcEnd) return -Infinity;
    const a = halfWidth(s);
    const top = crest(s);
    if (Math.abs(n) >= a) return top;
    return top - height + height * Math.pow(1 - Math.pow(Math.abs(n) / a, SQUARENESS), 1 / SQUARENESS);
  };
  return { mesh, arcStart, arcEnd, surfaceZ };
}

/** World z of a tooth's gingival margin on its axis. */
function marginZ(t: PlacedTooth): number {
  const out = [0, 0, 0];
  applyMat4(t.transform, 0, 0, t.marginHeight, out);
  return out[2] as number;
}

/** The mesh without the triangles whose centroid lies inside one of the closed `solids`, vertices compacted. */
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
