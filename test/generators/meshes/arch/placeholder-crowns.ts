/** Ellipsoid stand-ins for crowns (Wheeler dimensions, dental-domain.md 1.1), so these tests do not depend on the tooth generator. */
import { archOf, toothTypeOf } from "../../../../generators/patient/dentition.js";
import type { Fdi } from "../../../../generators/patient/types.js";
import { latLongMesh } from "../../../../generators/meshes/geometry/lat-long-mesh.js";
import { boundsOf, type TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";
import { WHEELER } from "../../../../generators/meshes/tooth/wheeler-table.js";
import { PointInMesh } from "../../../../generators/meshes/geometry/point-in-mesh.js";
import { pointTriangleDistance } from "../../../../generators/meshes/geometry/surface-distance.js";

/** Ellipsoid MD × BL × (crown length + 4) mm, centred at mid crown: z from −2 (a bit of root) to crownLength + 2. */
export function ellipsoidCrown(fdi: Fdi, meridians = 40, rings = 20): TriMesh {
  const w = WHEELER[archOf(fdi)][toothTypeOf(fdi)];
  const pos = new Float32Array(3 * (2 + meridians * rings));
  const a = w.mdCrown / 2, b = w.blCrown / 2, c = w.crownLength / 2 + 2, zc = w.crownLength / 2;
  pos[2] = zc + c;
  pos[pos.length - 1] = zc - c;
  for (let r = 0; r < rings; r++) {
    const ph = (Math.PI * (r + 1)) / (rings + 1);
    for (let m = 0; m < meridians; m++) {
      const th = (2 * Math.PI * m) / meridians;
      const i = 3 * (1 + r * meridians + m);
      pos[i] = a * Math.sin(ph) * Math.cos(th);
      pos[i + 1] = b * Math.sin(ph) * Math.sin(th);
      pos[i + 2] = zc + c * Math.cos(ph);
    }
  }
  return latLongMesh(meridians, rings, pos);
}

export const jawQuadrants = (jaw: "upper" | "lower") => (jaw === "upper" ? [1, 2] : [3, 4]);

export function crownsOf(fdis: readonly Fdi[], meridians = 40, rings = 20) {
  return fdis.map((fdi) => ({ fdi, crown: ellipsoidCrown(fdi, meridians, rings) }));
}

export function fullJaw(jaw: "upper" | "lower", withThirdMolars = false): Fdi[] {
  const last = withThirdMolars ? 8 : 7;
  return jawQuadrants(jaw).flatMap((q) => Array.from({ length: last }, (_, i) => q * 10 + i + 1));
}

/**
 * Contact between two closed meshes from their vertices: `penetration` = deepest vertex of either inside the
 * other (distance to the other's nearest vertex, 0 if none), `gap` = smallest vertex-to-vertex distance.
 */
export function contact(a: TriMesh, b: TriMesh): { gap: number; penetration: number } {
  // Only vertices near the other mesh's box matter; this keeps the all-pairs search small.
  const near = (p: Float32Array, box: readonly number[]) => {
    const out: number[] = [];
    for (let i = 0; i < p.length; i += 3) {
      if ([0, 1, 2].every((k) => (p[i + k] as number) >= box[k]! - 1 && (p[i + k] as number) <= box[k + 3]! + 1)) out.push(p[i] as number, p[i + 1] as number, p[i + 2] as number);
    }
    return out;
  };
  const pa = near(a.positions, boundsOf(b));
  const pb = near(b.positions, boundsOf(a));
  let gap = Infinity;
  let penetration = 0;
  const nearest = (x: number, y: number, z: number, q: number[]) => {
    let best = Infinity;
    for (let j = 0; j < q.length; j += 3) best = Math.min(best, Math.hypot(x - q[j]!, y - q[j + 1]!, z - q[j + 2]!));
    return best;
  };
  for (const [p, other, q] of [[pa, new PointInMesh(b), pb], [pb, new PointInMesh(a), pa]] as const) {
    for (let i = 0; i < p.length; i += 3) {
      const x = p[i]!, y = p[i + 1]!, z = p[i + 2]!;
      const d = nearest(x, y, z, q);
      gap = Math.min(gap, d);
      if (other.contains(x, y, z)) penetration = Math.max(penetration, d);
    }
  }
  return { gap, penetration };
}

/**
 * As {@link contact}, but measured to the other mesh's triangles rather than its vertices, so coarse meshes
 * (rendered teeth at low resolution) are not charged half their vertex spacing: `penetration` = deepest vertex
 * of either mesh inside the other, `gap` = smallest vertex-to-surface distance.
 */
export function surfaceContact(a: TriMesh, b: TriMesh): { gap: number; penetration: number } {
  let gap = Infinity;
  let penetration = 0;
  for (const [p, q] of [[a, b], [b, a]] as const) {
    const box = boundsOf(q);
    const inside = new PointInMesh(q);
    // Triangles of q near p's box.
    const pb = boundsOf(p);
    const tris: number[][] = [];
    for (let t = 0; t < q.indices.length; t += 3) {
      const tri = [0, 1, 2].flatMap((c) => [0, 1, 2].map((k) => q.positions[3 * q.indices[t + c]! + k]!));
      const lo = [0, 1, 2].map((k) => Math.min(tri[k]!, tri[3 + k]!, tri[6 + k]!));
      const hi = [0, 1, 2].map((k) => Math.max(tri[k]!, tri[3 + k]!, tri[6 + k]!));
      if ([0, 1, 2].every((k) => hi[k]! >= pb[k]! - 1 && lo[k]! <= pb[k + 3]! + 1)) tris.push(tri);
    }
    const pp = p.positions;
    for (let i = 0; i < pp.length; i += 3) {
      const x = pp[i]!, y = pp[i + 1]!, z = pp[i + 2]!;
      if (!(x >= box[0] - 1 && x <= box[3] + 1 && y >= box[1] - 1 && y <= box[4] + 1 && z >= box[2] - 1 && z <= box[5] + 1)) continue;
      let d = Infinity;
      for (const tri of tris) d = Math.min(d, pointTriangleDistance(x, y, z, tri));
      gap = Math.min(gap, d);
      if (inside.contains(x, y, z)) penetration = Math.max(penetration, d);
    }
  }
  return { gap, penetration };
}
