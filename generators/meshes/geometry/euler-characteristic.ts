import type { TriMesh } from "./tri-mesh.js";

/**
 * Euler characteristic V − E + F of the surface (V counts only vertices some face uses). For a closed connected
 * orientable surface it is 2 − 2·genus: 2 for a sphere-like tooth layer, 0 for a torus, 4 for two separate
 * spheres. Cost O(F).
 */
export function eulerCharacteristic(mesh: TriMesh): number {
  const idx = mesh.indices;
  const n = mesh.positions.length / 3;
  const used = new Uint8Array(n);
  const edges = new Set<number>();
  for (let t = 0; t < idx.length; t += 3) {
    const tri = [idx[t] as number, idx[t + 1] as number, idx[t + 2] as number];
    for (let k = 0; k < 3; k++) {
      const u = tri[k] as number;
      const v = tri[(k + 1) % 3] as number;
      used[u] = 1;
      edges.add(u < v ? u * n + v : v * n + u);
    }
  }
  let vertices = 0;
  for (let i = 0; i < n; i++) vertices += used[i] as number;
  return vertices - edges.size + idx.length / 3;
}
