import { DirectedEdges } from "./directed-edges.js";
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
 * Cost O(F) with the edges grouped by start vertex ({@link DirectedEdges}).
 */
export function checkEdgeManifold(mesh: TriMesh): EdgeManifoldReport {
  const idx = mesh.indices;
  const isDegenerate = (t: number) => idx[3 * t] === idx[3 * t + 1] || idx[3 * t + 1] === idx[3 * t + 2] || idx[3 * t + 2] === idx[3 * t];
  let degenerateFaces = 0;
  for (let t = 0; t < idx.length / 3; t++) if (isDegenerate(t)) degenerateFaces++;
  const edges = new DirectedEdges(idx, (t) => !isDegenerate(t));
  let edgeCount = 0;
  let boundaryEdges = 0;
  let nonManifoldEdges = 0;
  let inconsistentEdges = 0;
  for (let u = 0; u < edges.rows; u++) {
    for (let i = edges.start[u] as number, end = edges.start[u + 1] as number; i < end; i++) {
      if (!edges.firstInRow(u, i)) continue;
      const v = edges.to[i] as number;
      const count = edges.count(u, v);
      if (count > 1) inconsistentEdges++;
      const reverse = edges.count(v, u);
      // Visit each undirected edge once, from its smaller endpoint (or from the only direction present).
      if (reverse > 0 && u > v) continue;
      edgeCount++;
      const faces = count + reverse;
      if (faces === 1) boundaryEdges++;
      else if (faces > 2) nonManifoldEdges++;
    }
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
