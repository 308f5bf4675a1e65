import type { TriMesh } from "./tri-mesh.js";

/** What {@link checkEdgeManifold} found; every count is zero on a closed, consistently oriented manifold. */
export interface EdgeManifoldReport {
  /** Undirected edges. */
  edgeCount: number;
  /** Undirected edges used by one face only (holes in the surface). */
  boundaryEdges: number;
  /** Undirected edges shared by three or more faces. */
  nonManifoldEdges: number;
  /** Directed edges used by more than one face: neighbours wound in opposite senses (flipped faces). */
  inconsistentEdges: number;
  /** Faces with a repeated vertex index. */
  degenerateFaces: number;
  /** Every undirected edge in exactly two faces. */
  watertight: boolean;
  /** Watertight, and every directed edge used exactly once, so the faces agree on which side is out. */
  orientedManifold: boolean;
}

/**
 * Counts how many faces use each edge. A closed oriented 2-manifold has every undirected edge in exactly two
 * faces, traversed once in each direction: that is what makes "inside" well defined for volume, ray parity and
 * a renderer's path lengths. (Vertex-manifoldness, a single fan around each vertex, is not checked; the Euler
 * characteristic catches pinched vertices in practice.)
 *
 * Cost O(F) with a hash map keyed by the vertex pair.
 */
export function checkEdgeManifold(mesh: TriMesh): EdgeManifoldReport {
  const idx = mesh.indices;
  const n = mesh.positions.length / 3;
  // Directed edge a->b keyed as a * n + b: exact in a double for n up to ~9e7 vertices.
  const directed = new Map<number, number>();
  let degenerateFaces = 0;
  for (let t = 0; t < idx.length; t += 3) {
    const a = idx[t] as number;
    const b = idx[t + 1] as number;
    const c = idx[t + 2] as number;
    if (a === b || b === c || c === a) {
      degenerateFaces++;
      continue;
    }
    for (const [u, v] of [
      [a, b],
      [b, c],
      [c, a],
    ] as const) {
      const key = u * n + v;
      directed.set(key, (directed.get(key) ?? 0) + 1);
    }
  }
  let edgeCount = 0;
  let boundaryEdges = 0;
  let nonManifoldEdges = 0;
  let inconsistentEdges = 0;
  for (const [key, count] of directed) {
    if (count > 1) inconsistentEdges++;
    const u = Math.floor(key / n);
    const v = key - u * n;
    const reverse = directed.get(v * n + u) ?? 0;
    // Visit each undirected edge once, from its smaller endpoint (or from the only direction present).
    if (reverse > 0 && u > v) continue;
    edgeCount++;
    const faces = count + reverse;
    if (faces === 1) boundaryEdges++;
    else if (faces > 2) nonManifoldEdges++;
  }
  const watertight = boundaryEdges === 0 && nonManifoldEdges === 0 && degenerateFaces === 0;
  return {
    edgeCount,
    boundaryEdges,
    nonManifoldEdges,
    inconsistentEdges,
    degenerateFaces,
    watertight,
    orientedManifold: watertight && inconsistentEdges === 0,
  };
}
