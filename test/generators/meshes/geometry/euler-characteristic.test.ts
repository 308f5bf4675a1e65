import { describe, expect, it } from "vitest";
import { eulerCharacteristic } from "../../../../generators/meshes/geometry/euler-characteristic.js";
import type { TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";
import { brokenVariants } from "./broken-meshes.js";
import { cube, merge, sphere, tetrahedron } from "./fixtures.js";

/** V − E + F with a hash set of edges, as before the edge rows: the value must not change. */
function referenceEuler(mesh: TriMesh): number {
  const idx = mesh.indices;
  const n = mesh.positions.length / 3;
  const used = new Uint8Array(n);
  const edges = new Set<number>();
  for (let t = 0; t < idx.length; t += 3) {
    for (let k = 0; k < 3; k++) {
      const u = idx[t + k]!;
      const v = idx[t + ((k + 1) % 3)]!;
      used[u] = 1;
      edges.add(u < v ? u * n + v : v * n + u);
    }
  }
  return used.reduce((s, x) => s + x, 0) - edges.size + idx.length / 3;
}

describe("Euler characteristic by edge rows", () => {
  it("matches hash-set counting on good and broken meshes", () => {
    for (const good of [tetrahedron(), cube(), sphere(1, 12, 6), merge(cube(), cube(1, 3))]) {
      for (const mesh of [good, ...brokenVariants(good)]) expect(eulerCharacteristic(mesh)).toBe(referenceEuler(mesh));
    }
  });
});
