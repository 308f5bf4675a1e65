/**
 * Where the enamel shell's inner side lies under each outer vertex: the nearest point of the dentin surface on
 * the vertex's own meridian. Enamel volumes are built between the outer surface and these points.
 *
 * Why not the dentin vertex of the same index: outer and dentin share the grid, but their axial walls are
 * sampled between different heights (the outer wall from the occlusal outline, the dentin wall from the lower
 * top of the DEJ), so vertex k of dentin can sit up to a ring below vertex k of outer. Near the CEJ, where the
 * enamel is 0.1–0.3 mm thick, that shear is several times the thickness and sheets interpolated along it fold
 * into each other. The nearest point gives segments about square to the DEJ; taking it along the meridian's
 * dentin polyline, monotone from pole to pole, keeps neighbouring segments from crossing, and the polyline's
 * edges are edges of the dentin mesh, so every point lies on the dentin surface.
 */
import { gridVertex, type ToothGrid } from "./tooth-grid.js";

/** Segments searched past the previous match (the shear is about one ring). */
const SEARCH_SEGMENTS = 8;

/** Each outer vertex's inner point as a place on the dentin mesh: the point `along` of the way from dentin
 * vertex `from` to dentin vertex `to` (an edge of the dentin mesh). */
export interface ShellMatch {
  from: Uint32Array;
  to: Uint32Array;
  along: Float32Array;
}

/**
 * Matches every outer vertex to its inner point. Keep the match to follow the dentin when it moves (a carved
 * cavity): the inner points then move with it, staying on the same edges, instead of jumping to new nearest
 * points.
 */
export function matchShell(grid: ToothGrid, outer: Float32Array, dentin: Float32Array): ShellMatch {
  const count = outer.length / 3;
  const match: ShellMatch = { from: new Uint32Array(count), to: new Uint32Array(count), along: new Float32Array(count) };
  const last = count - 1;
  // The poles lie on the axis in both layers and match each other.
  match.from[0] = match.to[0] = 0;
  match.from[last] = match.to[last] = last;
  const { rings, meridians } = grid;
  // Polyline of a meridian: top pole, rings 0..rings-1, bottom pole; point i is polyline vertex i.
  const polyVertex = (m: number, i: number) => (i === 0 ? 0 : i === rings + 1 ? last : gridVertex(grid, i - 1, m));
  for (let m = 0; m < meridians; m++) {
    let segment = 0;
    let along = 0;
    for (let r = 0; r < rings; r++) {
      const v = gridVertex(grid, r, m);
      const px = outer[3 * v] as number, py = outer[3 * v + 1] as number, pz = outer[3 * v + 2] as number;
      let best = Infinity;
      let bestSegment = segment;
      let bestAlong = along;
      for (let s = segment; s <= Math.min(rings, segment + SEARCH_SEGMENTS); s++) {
        const a = 3 * polyVertex(m, s);
        const b = 3 * polyVertex(m, s + 1);
        const ax = dentin[a] as number, ay = dentin[a + 1] as number, az = dentin[a + 2] as number;
        const dx = (dentin[b] as number) - ax, dy = (dentin[b + 1] as number) - ay, dz = (dentin[b + 2] as number) - az;
        const len2 = dx * dx + dy * dy + dz * dz;
        let u = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy + (pz - az) * dz) / len2 : 0;
        u = Math.min(1, Math.max(s === segment ? along : 0, u));
        const qx = ax + u * dx - px, qy = ay + u * dy - py, qz = az + u * dz - pz;
        const d2 = qx * qx + qy * qy + qz * qz;
        if (d2 < best) {
          best = d2;
          bestSegment = s;
          bestAlong = u;
        }
      }
      segment = bestSegment;
      along = bestAlong;
      match.from[v] = polyVertex(m, segment);
      match.to[v] = polyVertex(m, segment + 1);
      match.along[v] = along;
    }
  }
  return match;
}

/** The inner points of a match on (possibly moved) dentin positions, xyz per grid vertex. */
export function innerPointsOf(match: ShellMatch, dentin: Float32Array): Float32Array {
  const inner = new Float32Array(dentin.length);
  for (let v = 0; v < match.along.length; v++) {
    const a = 3 * (match.from[v] as number);
    const b = 3 * (match.to[v] as number);
    const u = match.along[v] as number;
    for (let k = 0; k < 3; k++) inner[3 * v + k] = (dentin[a + k] as number) + u * ((dentin[b + k] as number) - (dentin[a + k] as number));
  }
  return inner;
}

/** Inner points of the shell between `outer` and `dentin`, xyz per grid vertex (the tooth's layout). */
export function shellInnerPoints(grid: ToothGrid, outer: Float32Array, dentin: Float32Array): Float32Array {
  return innerPointsOf(matchShell(grid, outer, dentin), dentin);
}
