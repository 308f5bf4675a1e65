/**
 * An implant at a missing tooth's position: a threaded titanium fixture in the bone, an abutment, and a crown
 * (the crown and fixture with host "surroundings", disjoint; the abutment inside the crown, so its host is the
 * crown's material: in a forward projection it adds (μ(titanium) − μ(crown)) over its chord).
 *
 * Sizes [U] (manufacturers' common lines, e.g. narrow 3.3, regular 4.1, wide 4.8 mm platforms; lengths 8–13 mm;
 * thread pitch about 0.8 mm, depth about 0.35 mm; shoulder 2–3 mm apical to the neighbours' CEJ): narrow for
 * lower incisors and upper lateral incisors, wide for molars, regular otherwise; 10 mm long (11.5 for upper
 * canines), shoulder 2.5 mm below the CEJ level.
 */
import type { Rng } from "../../../core/rng.js";
import { isMolar, isPosterior, positionOf } from "../../patient/dentition.js";
import type { Fdi, LabCase } from "../../patient/types.js";
import type { TriMesh } from "../geometry/tri-mesh.js";
import type { MaterialVolume } from "../materials.js";
import { toothGridOf } from "../lesions/tooth-grid.js";
import type { ToothMeshes } from "../tooth/render-tooth.js";
import { ToothSites } from "../lesions/surface-sites.js";
import { crownWithoutRoot } from "./crown-without-root.js";
import { crownMaterialsOf, labMaterialAt } from "./restoration-materials.js";
import { revolvedSolid } from "./revolved-solid.js";

export const IMPLANT_DIAMETER = { narrow: 3.3, regular: 4.1, wide: 4.8 } as const;
export const IMPLANT_LENGTH = 10;
const UPPER_CANINE_LENGTH = 11.5;
export const THREAD_PITCH = 0.8;
export const THREAD_DEPTH = 0.35;
/** Implant shoulder below the CEJ level (z = 0), mm. */
export const SHOULDER_DEPTH = 2.5;
/** Gap between the crown's base and the fixture's top, mm [A]: keeps the two surroundings volumes disjoint. */
const CROWN_FIXTURE_GAP = 0.05;
/** Abutment: up to 45 % of the crown length above the CEJ, 60 % of the narrowest crown radius it passes [A]. */
const ABUTMENT_HEIGHT = 0.45;
const ABUTMENT_RADIUS = 0.6;

export function implantDiameter(fdi: Fdi): number {
  const position = positionOf(fdi);
  const upper = fdi < 30;
  if (isMolar(fdi)) return IMPLANT_DIAMETER.wide;
  if ((!upper && position <= 2) || (upper && position === 2)) return IMPLANT_DIAMETER.narrow;
  return IMPLANT_DIAMETER.regular;
}

/** The threaded fixture: a flat platform, a helical thread (radius modulated along z and θ), a rounded apex. */
export function implantFixture(diameter: number, length: number, topZ: number, meridians = 24): TriMesh {
  const radius = diameter / 2;
  const cap = 3;
  const wall = Math.max(8, Math.round((length / THREAD_PITCH) * 6));
  const apex = 4;
  const core = radius - THREAD_DEPTH;
  return revolvedSolid(meridians, topZ, topZ - length, (theta) => {
    const r: number[] = [];
    const z: number[] = [];
    for (let j = 1; j <= cap; j++) {
      r.push((radius * j) / cap);
      z.push(topZ);
    }
    const wallBottom = topZ - length + core;
    for (let j = 1; j <= wall; j++) {
      const zz = topZ - ((topZ - wallBottom) * j) / wall;
      // One helix: the thread's crest moves down one pitch per turn. A collar of one pitch stays smooth.
      const depthBelow = topZ - zz;
      const thread = depthBelow < THREAD_PITCH ? 0 : THREAD_DEPTH * (0.5 + 0.5 * Math.sin((2 * Math.PI * depthBelow) / THREAD_PITCH + theta));
      r.push(radius - thread);
      z.push(zz);
    }
    // Rounded apex: a quarter circle of the core radius, from the wall's last radius down to the axis.
    const lastR = r[r.length - 1] as number;
    for (let j = 1; j <= apex; j++) {
      const a = ((Math.PI / 2) * j) / (apex + 1);
      r.push(lastR * Math.cos(a));
      z.push(wallBottom - core * Math.sin(a));
    }
    return { r, z };
  });
}

/** A tapered abutment post from `bottomZ` to `topZ`, radii `bottomR` → `topR`, flat ends. */
export function abutment(bottomZ: number, topZ: number, bottomR: number, topR: number, meridians = 24): TriMesh {
  const cap = 3;
  const wall = 8;
  return revolvedSolid(meridians, topZ, bottomZ, () => {
    const r: number[] = [];
    const z: number[] = [];
    for (let j = 1; j <= cap; j++) {
      r.push((topR * j) / cap);
      z.push(topZ);
    }
    for (let j = 1; j < wall; j++) {
      const t = j / wall;
      r.push(topR + (bottomR - topR) * t);
      z.push(topZ + (bottomZ - topZ) * t);
    }
    for (let j = cap; j >= 1; j--) {
      r.push((bottomR * j) / cap);
      z.push(bottomZ);
    }
    return { r, z };
  });
}

/**
 * The implant's volumes: fixture, abutment, crown (in that order). `shape` is the natural tooth of this position
 * rendered without noise, whose crown the implant crown copies.
 */
export function buildImplant(shape: ToothMeshes, labCases: readonly LabCase[], rng: Rng): MaterialVolume[] {
  const fdi = shape.fdi;
  const diameter = implantDiameter(fdi);
  const length = fdi === 13 || fdi === 23 ? UPPER_CANINE_LENGTH : IMPLANT_LENGTH;
  const grid = toothGridOf(shape);
  const margin = new ToothSites(shape).crownMarginRing;
  const baseZ = -SHOULDER_DEPTH;
  const crownMesh = crownWithoutRoot(shape.outer, grid, margin, baseZ, (0.9 * diameter) / 2);
  const { body } = crownMaterialsOf(labMaterialAt(fdi, labCases, "implant_crown", isPosterior(fdi), rng.fork("material")));
  // The abutment's radius: a share of the crown's narrowest radius between the base and the abutment's top.
  const topZ = ABUTMENT_HEIGHT * shape.dimensions.crownLength;
  const p = crownMesh.positions;
  let narrowest = Infinity;
  for (let i = 3; i < p.length - 3; i += 3) {
    const z = p[i + 2] as number;
    if (z > baseZ + 0.01 && z <= topZ + 0.5) narrowest = Math.min(narrowest, Math.hypot(p[i] as number, p[i + 1] as number));
  }
  const radius = ABUTMENT_RADIUS * Math.min(narrowest, (0.9 * diameter) / 2);
  return [
    { mesh: implantFixture(diameter, length, baseZ - CROWN_FIXTURE_GAP), material: "titanium", host: "surroundings", role: "restoration:implant_fixture", fdi },
    { mesh: abutment(baseZ + 0.1, topZ, radius, 0.8 * radius), material: "titanium", host: body, role: "restoration:abutment", fdi },
    { mesh: crownMesh, material: body, host: "surroundings", role: "restoration:crown", fdi },
  ];
}
