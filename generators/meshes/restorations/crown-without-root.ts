/**
 * A crown with no root of its own, for an implant crown or a pontic: a natural tooth's outer surface (its
 * occlusal surface and axial walls, kept) with everything below the CEJ-level ring replaced by a tapering
 * emergence profile down to a flat base of radius `baseRadius` at height `baseZ`.
 *
 * The tooth is rendered without noise, so every vertex lies in its meridian's half-plane; each meridian's
 * profile stays a simple curve (the kept part as rendered, then strictly downward, then inward along the base),
 * so the solid stays embedded (revolved-solid.ts).
 */
import { latLongMesh } from "../geometry/lat-long-mesh.js";
import type { TriMesh } from "../geometry/tri-mesh.js";
import { gridVertex, type ToothGrid } from "../lesions/tooth-grid.js";

export function crownWithoutRoot(outer: TriMesh, grid: ToothGrid, marginRing: number, baseZ: number, baseRadius: number): TriMesh {
  const { meridians, rings } = grid;
  const positions = outer.positions.slice();
  const below = rings - 1 - marginRing;
  // Two thirds of the remaining rings descend, the rest cross the flat base toward the axis.
  const descend = Math.max(1, Math.ceil((2 * below) / 3));
  for (let m = 0; m < meridians; m++) {
    const at = 3 * gridVertex(grid, marginRing, m);
    const x0 = positions[at] as number, y0 = positions[at + 1] as number, z0 = positions[at + 2] as number;
    const r0 = Math.hypot(x0, y0);
    const cx = x0 / r0, cy = y0 / r0;
    for (let i = 1; i <= below; i++) {
      let r: number;
      let z: number;
      if (i <= descend) {
        const t = i / descend;
        // Cosine ease in r (the emergence curves in smoothly), linear in z (strictly downward).
        r = r0 + ((baseRadius - r0) * (1 - Math.cos(Math.PI * t))) / 2;
        z = z0 + (baseZ - z0) * t;
      } else {
        r = baseRadius * (1 - (i - descend) / (below - descend + 1));
        z = baseZ;
      }
      const v = 3 * gridVertex(grid, marginRing + i, m);
      positions[v] = r * cx;
      positions[v + 1] = r * cy;
      positions[v + 2] = z;
    }
  }
  const last = positions.length - 3;
  positions[last] = 0;
  positions[last + 1] = 0;
  positions[last + 2] = baseZ;
  return latLongMesh(meridians, rings, positions);
}
