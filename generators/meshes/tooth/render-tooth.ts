/**
 * Procedural layered tooth: outer surface, dentin surface and pulp of one permanent tooth, as three closed
 * triangle meshes in the tooth's local frame (see tooth-shape.ts for the axes).
 *
 * Materials. The solids are nested: pulp ⊂ dentin surface ⊂ outer surface, with at least MIN_GAP (0.1 mm)
 * between the outer and dentin surfaces. Enamel is the shell between `outer` and `dentin` above the CEJ; below
 * it the same shell is the thin cementum layer. A renderer gets per-material path lengths of a ray from its
 * chords through each closed surface: enamel (+ cementum) = chord(outer) − chord(dentin), dentin =
 * chord(dentin) − chord(pulp), pulp = chord(pulp). No separate enamel-cap mesh is built.
 */
import { createNoise3D } from "simplex-noise";
import type { Rng } from "../../../core/rng.js";
import { archOf, isFdi, toothTypeOf } from "../../patient/dentition.js";
import type { Arch, Fdi, ToothType } from "../../patient/types.js";
import { latLongMesh } from "../geometry/lat-long-mesh.js";
import type { TriMesh } from "../geometry/tri-mesh.js";
import { dentinProfile, outerProfile, pulpProfile, ringCount, type Profile, type ProfileResolution } from "./layer-profiles.js";
import { bendRoots, sampleRootBend } from "./root-bend.js";
import { morphologyOf } from "./tooth-morphology.js";
import { sampleToothDimensions, scaledToothDimensions, type ToothDimensions } from "./sample-tooth-dimensions.js";
import { ToothShape } from "./tooth-shape.js";
import { WHEELER } from "./wheeler-table.js";

export interface RenderToothOptions {
  /**
   * Mesh density multiplier (default 1: about 6.4k triangles outer, 6.4k dentin, 2k pulp, ~15k per tooth).
   * Meridian and ring counts scale linearly, so triangles scale with its square.
   */
  resolution?: number;
  /** The patient's size factor, shared by all their teeth (see samplePatientToothScale). Default 1. */
  patientScale?: number;
  /** Draw per-tooth dimension variation around Wheeler's means (default true); false renders the mean shape
   * times `patientScale`. */
  variation?: boolean;
  /** Low-amplitude simplex noise on the outer surface (default true). */
  noise?: boolean;
  /** Mamelons on incisal edges (default false; they wear off in adults). */
  mamelons?: boolean;
}

/** The three nested surfaces of a tooth and what they were built from. */
export interface ToothMeshes {
  fdi: Fdi;
  type: ToothType;
  arch: Arch;
  /** Dimensions actually used (after variation), mm. */
  dimensions: ToothDimensions;
  /** Outer surface: enamel over the crown, root surface (cementum) below the CEJ. */
  outer: TriMesh;
  /** Dentin surface: the DEJ over the crown, root dentin below; strictly inside `outer`. */
  dentin: TriMesh;
  /** Pulp chamber and canals; strictly inside `dentin`. */
  pulp: TriMesh;
  /** Furcation level (z, mm; 0 on single-rooted teeth). */
  furcationLevel: number;
}

/** Noise amplitude (mm) and spatial frequency (1/mm) on the outer surface [A]: below MIN_GAP so nesting holds. */
const NOISE_AMPLITUDE = 0.04;
const NOISE_FREQUENCY = 0.5;

/**
 * Renders one tooth. Pure in its inputs: the same FDI number, Rng state and options give the same bytes.
 * The Rng is forked ("dimensions", "noise", "root-bend") so the draws of one part do not shift the others.
 *
 * @example
 * const rng = Rng.forRecord("42", "tooth-mesh", 0);
 * const scale = samplePatientToothScale(rng.fork("patient-scale"));
 * const tooth = renderTooth(36, rng.fork("36"), { patientScale: scale });
 */
export function renderTooth(fdi: Fdi, rng: Rng, options: RenderToothOptions = {}): ToothMeshes {
  if (!isFdi(fdi)) throw new RangeError(`invalid fdi: ${fdi}`);
  const resolution = options.resolution ?? 1;
  if (!(resolution > 0.2 && resolution <= 8)) throw new RangeError(`invalid resolution: ${resolution}`);
  const patientScale = options.patientScale ?? 1;
  if (!(patientScale > 0.5 && patientScale < 1.5)) throw new RangeError(`invalid patientScale: ${patientScale}`);
  const arch = archOf(fdi);
  const type = toothTypeOf(fdi);
  const mean = WHEELER[arch][type];
  const dimensions =
    options.variation === false ? scaledToothDimensions(mean, patientScale) : sampleToothDimensions(mean, patientScale, rng.fork("dimensions"));
  const shape = new ToothShape(dimensions, morphologyOf(arch, type), arch, options.mamelons ?? false);
  const grid = (meridians: number, cap: number, wall: number, root: number, roof: number): ProfileResolution => ({
    meridians: 2 * Math.max(6, Math.round((meridians / 2) * resolution)),
    cap: Math.max(3, Math.round(cap * resolution)),
    wall: Math.max(3, Math.round(wall * resolution)),
    root: 2 * Math.max(3, Math.round((root / 2) * resolution)),
    roof: Math.max(2, Math.round(roof * resolution)),
  });
  // Outer and dentin share one grid, and the pulp takes every other meridian: the layers' vertices then lie in
  // the same half-planes and at corresponding heights, so the facets of two layers 0.1 mm apart stay parallel
  // (with different samplings, the chords of a convex root wall can cut across the thin gap).
  const shared = grid(64, 10, 14, 22, 4);
  const outer = buildLayer(shape, shared, outerProfile);
  if (options.noise !== false) perturb(outer, rng.fork("noise"));
  const dentin = buildLayer(shape, shared, dentinProfile);
  const pulp = buildLayer(shape, { ...grid(32, 6, 6, 20, 3), meridians: shared.meridians / 2 }, pulpProfile);
  // One bend for all three layers, applied after the noise: the same displacement field keeps them nested.
  const bend = sampleRootBend(options.variation === false ? null : rng.fork("root-bend"), shape.multiRooted);
  const rootLength = Math.max(...dimensions.rootLengths);
  for (const layer of [outer, dentin, pulp]) bendRoots(layer, bend, rootLength, shape.zFurcation, shape.morph.roots);
  return { fdi, type, arch, dimensions, outer, dentin, pulp, furcationLevel: shape.zFurcation };
}

function buildLayer(shape: ToothShape, res: ProfileResolution, profileAt: (s: ToothShape, theta: number, r: ProfileResolution) => Profile): TriMesh {
  const rings = ringCount(shape, res);
  const n = res.meridians;
  const positions = new Float32Array(3 * (2 + n * rings));
  for (let m = 0; m < n; m++) {
    const theta = (2 * Math.PI * m) / n;
    const p = profileAt(shape, theta, res);
    if (p.r.length !== rings + 2) throw new Error(`profile of ${p.r.length} points, expected ${rings + 2}`);
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    if (m === 0) {
      positions[2] = p.z[0] as number;
      positions[positions.length - 1] = p.z[rings + 1] as number;
    }
    for (let j = 0; j < rings; j++) {
      const r = p.r[j + 1] as number;
      const at = 3 * (1 + j * n + m);
      positions[at] = r * c;
      positions[at + 1] = r * s;
      positions[at + 2] = p.z[j + 1] as number;
    }
  }
  return latLongMesh(n, rings, positions);
}

/**
 * Adds seeded simplex noise: radial (scaled down near the axis, so the poles stay on it) and vertical.
 * simplex-noise draws its permutation table from the function it is given, here our Rng.
 */
function perturb(mesh: TriMesh, rng: Rng): void {
  const radial = createNoise3D(() => rng.next());
  const vertical = createNoise3D(() => rng.next());
  const p = mesh.positions;
  for (let i = 0; i < p.length; i += 3) {
    const x = p[i] as number;
    const y = p[i + 1] as number;
    const z = p[i + 2] as number;
    const fx = x * NOISE_FREQUENCY, fy = y * NOISE_FREQUENCY, fz = z * NOISE_FREQUENCY;
    const r = Math.hypot(x, y);
    const dr = (NOISE_AMPLITUDE * radial(fx, fy, fz)) / (r + 0.2);
    p[i] = x + x * dr;
    p[i + 1] = y + y * dr;
    p[i + 2] = z + NOISE_AMPLITUDE * vertical(fx, fy, fz);
  }
}
