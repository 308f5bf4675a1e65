/**
 * The latitude–longitude grid a rendered tooth's outer and dentin surfaces share (render-tooth.ts builds both
 * on one grid: vertex k of `outer` and vertex k of `dentin` lie on the same meridian at the same ring). Lesions
 * and restorations are built on this grid, so a volume "between outer and dentin" is a union of the prisms
 * between corresponding triangles, which tile the enamel shell and cannot cross either surface.
 *
 * The grid is read back from the meshes themselves (the pole fan gives the meridian count), not from the
 * renderer's options, so it stays right whatever resolution or profile counts the tooth was rendered with.
 */
import type { TriMesh } from "../geometry/tri-mesh.js";
import type { ToothMeshes } from "../tooth/render-tooth.js";

export interface ToothGrid {
  meridians: number;
  rings: number;
  /** Rings of the occlusal surface (from the top pole out to the occlusal outline); the axial wall follows. */
  capRings: number;
}

/** Meridian count of a lat-long mesh: the faces of its top-pole fan (latLongMesh writes them first). */
function meridiansOf(mesh: TriMesh): number {
  let n = 0;
  while (3 * n < mesh.indices.length && mesh.indices[3 * n] === 0) n++;
  return n;
}

/**
 * The shared grid of a tooth. The occlusal rings are found on the dentin surface, which carries no noise: its
 * occlusal profile is sampled at radii (j / cap)·R (layer-profiles.ts), so ring i's radius is (i + 1) times
 * ring 0's on every meridian, and the first ring that breaks the proportion starts the axial wall.
 */
export function toothGridOf(tooth: Pick<ToothMeshes, "outer" | "dentin">): ToothGrid {
  const meridians = meridiansOf(tooth.outer);
  const vertices = tooth.outer.positions.length / 3;
  const rings = (vertices - 2) / meridians;
  if (meridians < 3 || !Number.isInteger(rings) || tooth.dentin.positions.length !== tooth.outer.positions.length) {
    throw new Error(`toothGridOf: outer and dentin are not one lat-long grid (${vertices} vertices, ${meridians} meridians)`);
  }
  const p = tooth.dentin.positions;
  const radius = (ring: number, m: number) => {
    const v = 1 + ring * meridians + m;
    return Math.hypot(p[3 * v] as number, p[3 * v + 1] as number);
  };
  let capRings = 1;
  for (; capRings < rings; capRings++) {
    let proportional = true;
    for (let m = 0; m < meridians && proportional; m++) {
      const expected = (capRings + 1) * radius(0, m);
      if (Math.abs(radius(capRings, m) - expected) > 1e-4 * expected + 1e-6) proportional = false;
    }
    if (!proportional) break;
  }
  if (capRings < 2 || capRings >= rings - 2) throw new Error(`toothGridOf: no occlusal rings found (${capRings} of ${rings})`);
  return { meridians, rings, capRings };
}

/** Vertex index of (ring, meridian); meridians wrap around. */
export function gridVertex(grid: ToothGrid, ring: number, meridian: number): number {
  const n = grid.meridians;
  return 1 + ring * n + (((meridian % n) + n) % n);
}

/** The meridian nearest an angle θ about the long axis (θ = 0 mesial, π/2 buccal, π distal, 3π/2 lingual). */
export function meridianAt(grid: ToothGrid, theta: number): number {
  const n = grid.meridians;
  return ((Math.round((theta / (2 * Math.PI)) * n) % n) + n) % n;
}
