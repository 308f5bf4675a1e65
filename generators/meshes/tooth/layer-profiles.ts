/**
 * Meridian profiles of the three layers: for each angle θ, the curve (r, z) in the half-plane at θ running from
 * the top pole (centre of the occlusal surface) over the occlusal surface, down the axial wall and the root,
 * to the bottom pole. Every profile of a layer has the same number of points, so the profiles form a
 * latitude–longitude grid (see lat-long-mesh.ts): closed, manifold and genus 0 by construction.
 *
 * Roots. A single root is the wall continued to an apex on the axis (the bottom pole). With several roots the
 * profile below the furcation is a "U": down the root's outer wall to its apex and back up its inner wall,
 * then inward along the furcation roof to the bottom pole on the axis. A meridian between two roots has a U
 * of zero depth. A horizontal cut below the furcation therefore meets each root in its own loop, while the
 * whole surface stays one connected genus-0 sheet (separate roots joined through the trunk, like the fingers
 * of a glove), which is what a radiograph renderer and the checks need.
 *
 * Nesting. The dentin profile is the outer profile moved inward by the enamel thickness (horizontally on walls,
 * vertically under the occlusal surface) and by MIN_GAP on the root; the pulp profile is built inside the
 * dentin with its own chamber and canals. The rules that keep each profile simple are noted inline.
 */
import { MIN_GAP, ROOF_DOME, type ToothShape } from "./tooth-shape.js";

/** Points per profile segment; a layer's ring count follows from these. */
export interface ProfileResolution {
  meridians: number;
  cap: number;
  wall: number;
  /** Points on the root (both walls of a U, or one wall of a single root). */
  root: number;
  roof: number;
}

/** One meridian profile: r and z of each point, top pole first, bottom pole last. */
export interface Profile {
  r: number[];
  z: number[];
}

/** Ring count (points between the poles) of a layer with this resolution. */
export function ringCount(shape: ToothShape, res: ProfileResolution): number {
  return shape.multiRooted ? res.cap + res.wall + res.root + res.roof : res.cap + res.wall + res.root - 1;
}

/** Canal and root U shapes share this: half-width ∝ (1 − depth fraction)^(2/3), a tapering root (exponent [A]). */
const U_EXPONENT = 1.5;

interface UShape {
  /** Radius of the U's centre line, and its half-width, at its top. */
  center: number;
  halfWidth: number;
  /** Top of the U (z) and its depth below that. */
  top: number;
  depth: number;
}

/**
 * Appends the points of a root U (or, with center 0, of a single root down to its apex, excluding the apex).
 * The radius r = center + halfWidth·u is strictly monotone along the U, so the U is a simple curve whatever
 * its depth, even zero; u is sampled about evenly, depth fraction q = 1 − |u|^1.5.
 */
function appendU(p: Profile, u: UShape, points: number, single: boolean): void {
  const half = single ? points : points / 2;
  for (let j = 1; j <= (single ? points - 1 : points); j++) {
    // Outer wall j ≤ half: u from 1 to 0; inner wall: u from 0 to -1.
    const outer = j <= half;
    const t = outer ? j / half : (j - half) / half;
    const uu = outer ? Math.pow(1 - t, 0.9) : -Math.pow(t, 1 / 0.9);
    const q = 1 - Math.pow(Math.abs(uu), U_EXPONENT);
    p.r.push(u.center + u.halfWidth * uu);
    p.z.push(u.top - u.depth * q);
  }
}

/** Appends the furcation roof from radius `from` (excluded) to the axis (the bottom pole, included). */
function appendRoof(p: Profile, from: number, level: number, points: number, dome: number): void {
  for (let j = 1; j <= points; j++) {
    const r = from * (1 - j / (points + 1));
    p.r.push(r);
    p.z.push(level + dome * (1 - (r / from) ** 2));
  }
  p.r.push(0);
  p.z.push(level + dome);
}

/** Appends wall points from just below `fromZ` down to `toZ` (included). */
function appendWall(p: Profile, fromZ: number, toZ: number, points: number, radius: (z: number) => number): void {
  for (let j = 1; j <= points; j++) {
    const z = fromZ + ((toZ - fromZ) * j) / points;
    p.r.push(radius(z));
    p.z.push(z);
  }
}

/** The outer surface (enamel over the crown, root surface below the CEJ) at θ. */
export function outerProfile(shape: ToothShape, theta: number, res: ProfileResolution): Profile {
  const p: Profile = { r: [], z: [] };
  const rimZ = shape.rimHeight(theta);
  const rimR = shape.rimRadius(theta);
  const capMin = shape.capMinimum(theta);
  // Occlusal surface: a graph over r, from the top pole (s = 0) out to the rim (s = 1).
  for (let j = 0; j <= res.cap; j++) {
    const s = j / res.cap;
    p.r.push(s * rimR);
    p.z.push(shape.capHeight(s, theta));
  }
  const wall = (z: number) => shape.wallRadius(theta, z, capMin, rimZ, rimR);
  appendWall(p, rimZ, shape.zFurcation, res.wall, wall);
  const root = shape.rootAt(theta);
  if (!shape.multiRooted) {
    appendU(p, { center: 0, halfWidth: wall(0), top: 0, depth: root.depth }, res.root, true);
    p.r.push(0);
    p.z.push(-root.depth);
    return p;
  }
  const outerR = wall(shape.zFurcation);
  const innerR = shape.rootInnerFraction * outerR;
  appendU(p, { center: (outerR + innerR) / 2, halfWidth: (outerR - innerR) / 2, top: shape.zFurcation, depth: root.depth }, res.root, false);
  appendRoof(p, innerR, shape.zFurcation, res.roof, ROOF_DOME);
  return p;
}

/**
 * The dentin surface at θ: the DEJ over the crown, the root dentin below. Walls move in horizontally by the
 * enamel thickness, the occlusal surface down vertically by it; the wall rises until it meets that lowered
 * occlusal surface (found by a scan and bisection), so the DEJ keeps the cusps' shape as dentin horns.
 */
export function dentinProfile(shape: ToothShape, theta: number, res: ProfileResolution): Profile {
  const rimZ = shape.rimHeight(theta);
  const rimR = shape.rimRadius(theta);
  const capMin = shape.capMinimum(theta);
  const outerWall = (z: number) => shape.wallRadius(theta, z, capMin, rimZ, rimR);
  // Keep at least 40 % of the outer radius where the enamel would eat the whole crown (thin incisal edges);
  // the gap is then 0.6·r, still above MIN_GAP on any crown of realistic size.
  const wallR = (z: number) => {
    const r = outerWall(z);
    return Math.max(r - shape.wallEnamel(theta, z), 0.4 * r);
  };
  const capZ = (r: number) => {
    const s = Math.min(1, r / rimR);
    return shape.capHeight(s, theta) - shape.capEnamel(s, theta);
  };
  const gap = (z: number) => {
    const r = wallR(z);
    return r >= rimR ? -Infinity : z - capZ(r);
  };
  let lo = 0.3 * shape.zTop;
  let hi = lo;
  for (let z = lo; z <= shape.zTop + 1; z += 0.05) {
    hi = z;
    if (gap(z) >= 0) break;
    lo = z;
  }
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (gap(mid) >= 0) hi = mid;
    else lo = mid;
  }
  const topZ = lo;
  const topR = wallR(topZ);
  const p: Profile = { r: [], z: [] };
  for (let j = 0; j <= res.cap; j++) {
    const r = (j / res.cap) * topR;
    p.r.push(r);
    p.z.push(j === res.cap ? topZ : capZ(r));
  }
  // The same clearance rule as the outer wall, against the dentin's own occlusal surface.
  let dentinCapMin = Infinity;
  for (let j = 0; j <= res.cap; j++) dentinCapMin = Math.min(dentinCapMin, p.z[j] as number);
  const wall = (z: number) => (z >= dentinCapMin - 0.3 ? Math.max(wallR(z), topR) : wallR(z));
  const root = shape.rootAt(theta);
  if (!shape.multiRooted) {
    appendWall(p, topZ, 0, res.wall, wall);
    appendU(p, { center: 0, halfWidth: wall(0), top: 0, depth: root.depth - 2 * MIN_GAP }, res.root, true);
    p.r.push(0);
    p.z.push(-(root.depth - 2 * MIN_GAP));
    return p;
  }
  const top = shape.zFurcation + MIN_GAP;
  appendWall(p, topZ, top, res.wall, wall);
  const outerR = outerWall(shape.zFurcation);
  const innerR = shape.rootInnerFraction * outerR;
  appendU(
    p,
    { center: (outerR + innerR) / 2, halfWidth: (outerR - innerR) / 2 - MIN_GAP, top, depth: Math.max(0, root.depth - MIN_GAP) },
    res.root,
    false,
  );
  appendRoof(p, innerR + MIN_GAP, top, res.roof, ROOF_DOME);
  return p;
}

/** Canal half-width as a fraction of the root's half-width (multi-rooted) [A]. */
const CANAL_FRACTION = 0.3;
/** Pulp chamber / canal radius as a fraction of the cervical radius (single-rooted) [A]. */
const PULP_FRACTION = 0.22;
/** Sharpness of a canal across its root's sector: depth ∝ lobe weight^8, so a canal is a tube about a
 * quarter of its root's angular width rather than a slab across the root [A]. */
const CANAL_SHARPNESS = 8;
/** The canal stops this far short of the outer apex (the apical constriction is about 0.5–1 mm from it) [A]. */
const CANAL_SHORT_OF_APEX = 1.2;

/**
 * The pulp at θ: chamber roof with a horn under each cusp, a vertical chamber wall, and the canal(s): in each
 * root a U narrower and shorter than the root's, reaching toward its apex, joined across the chamber floor.
 */
export function pulpProfile(shape: ToothShape, theta: number, res: ProfileResolution): Profile {
  const root = shape.rootAt(theta);
  const rimZ = shape.rimHeight(theta);
  const capMin = shape.capMinimum(theta);
  const cervicalR = shape.wallRadius(theta, 0, capMin, rimZ, shape.rimRadius(theta));
  let chamberR: number;
  let floorR: number;
  let canal: { center: number; halfWidth: number };
  if (shape.multiRooted) {
    const outerR = shape.furcationRadius(theta);
    const innerR = shape.rootInnerFraction * outerR;
    const halfWidth = (CANAL_FRACTION * (outerR - innerR)) / 2;
    canal = { center: (outerR + innerR) / 2, halfWidth };
    // The chamber floor must reach out to the canal entrances; above it the chamber narrows to the width of a
    // single-rooted tooth's chamber, so its wall keeps clear of the thick enamel and narrow cervix above.
    floorR = canal.center + halfWidth;
    chamberR = Math.min(floorR, 2 * PULP_FRACTION * cervicalR);
  } else {
    chamberR = PULP_FRACTION * cervicalR;
    floorR = chamberR;
    canal = { center: 0, halfWidth: chamberR };
  }
  const p: Profile = { r: [], z: [] };
  for (let j = 0; j <= res.cap; j++) {
    const s = j / res.cap;
    p.r.push(s * chamberR);
    p.z.push(shape.pulpCapHeight(s, theta));
  }
  const floor = shape.zPulpFloor;
  const ceilingRim = shape.pulpCapHeight(1, theta);
  // Wall radius: floorR up to 0.4 mm above the floor (above the floor's dome), easing to chamberR at the roof;
  // never narrower below than above, so the roof (a graph over r ≤ chamberR) stays clear of it.
  const wallAt = (z: number) => {
    const t = Math.min(1, Math.max(0, (z - floor - 0.4) / Math.max(ceilingRim - floor - 0.4, 1e-6)));
    return floorR + ((chamberR - floorR) * (1 - Math.cos(Math.PI * t))) / 2;
  };
  appendWall(p, ceilingRim, floor, res.wall, wallAt);
  if (!shape.multiRooted) {
    const depth = root.depth - CANAL_SHORT_OF_APEX;
    appendU(p, { ...canal, top: floor, depth }, res.root, true);
    p.r.push(0);
    p.z.push(floor - depth);
    return p;
  }
  // Deep only near a root's centre line, so canals are narrower in sector than their roots and the floor
  // between roots stays flat; at weight 1 the canal ends 8 % of the root plus 0.5 mm above the apex [A].
  const reach = floor - shape.zFurcation + 0.92 * root.lobeDepth - 0.5;
  appendU(p, { ...canal, top: floor, depth: 0.05 + Math.max(0, reach) * root.weight ** CANAL_SHARPNESS }, res.root, false);
  appendRoof(p, canal.center - canal.halfWidth, floor, res.roof, 0.3);
  return p;
}
