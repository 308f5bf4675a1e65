import { DirectedEdges } from "./directed-edges.js";
import type { TriMesh } from "./tri-mesh.js";

/**
 * Euler characteristic V − E + F of the surface (V counts only vertices some face uses). For a closed connected
 * orientable surface it is 2 − 2·genus: 2 for a sphere-like tooth layer, 0 for a torus, 4 for two separate
 * spheres. Cost O(F) with the edges grouped by start vertex ({@link DirectedEdges}).
 */
export function eulerCharacteristic(mesh: TriMesh): number {
  const idx = mesh.indices;
  const edges = new DirectedEdges(idx);
  let vertices = 0;
  let undirected = 0;
  for (let u = 0; u < edges.rows; u++) {
    // A vertex is used iff some face side starts at it.
    if ((edges.start[u + 1] as number) > (edges.start[u] as number)) vertices++;
    for (let i = edges.start[u] as number, end = edges.start[u + 1] as number; i < end; i++) {
      const v = edges.to[i] as number;
      // Count {u, v} once: from its smaller end, or from u when the reverse never occurs.
      if (edges.firstInRow(u, i) && (u <= v || edges.count(v, u) === 0)) undirected++;
    }
  }
  return vertices - undirected + idx.length / 3;
}
