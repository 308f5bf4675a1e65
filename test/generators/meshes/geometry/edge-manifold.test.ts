import { describe, expect, it } from "vitest";
import { checkEdgeManifold } from "../../../../generators/meshes/geometry/edge-manifold.js";
import type { TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";
import { brokenVariants } from "./broken-meshes.js";
import { cube, merge, sphere, tetrahedron } from "./fixtures.js";

/** The hash-map counting the edge rows replaced: the report must not change. */
function referenceReport(mesh: TriMesh) {
  const idx = mesh.indices;
  const n = mesh.positions.length / 3;
  const directed = new Map<number, number>();
  let degenerateFaces = 0;
  for (let t = 0; t < idx.length; t += 3) {
    const [a, b, c] = [idx[t]!, idx[t + 1]!, idx[t + 2]!];
    if (a === b || b === c || c === a) {
      degenerateFaces++;
      continue;
    }
    for (const key of [a * n + b, b * n + c, c * n + a]) directed.set(key, (directed.get(key) ?? 0) + 1);
  }
  let edgeCount = 0, boundaryEdges = 0, nonManifoldEdges = 0, inconsistentEdges = 0;
  for (const [key, count] of directed) {
    if (count > 1) inconsistentEdges++;
    const u = Math.floor(key / n);
    const v = key - u * n;
    const reverse = directed.get(v * n + u) ?? 0;
    if (reverse > 0 && u > v) continue;
    edgeCount++;
    if (count + reverse === 1) boundaryEdges++;
    else if (count + reverse > 2) nonManifoldEdges++;
  }
  const watertight = boundaryEdges === 0 && nonManifoldEdges === 0 && degenerateFaces === 0;
  return { edgeCount, boundaryEdges, nonManifoldEdges, inconsistentEdges, degenerateFaces, watertight, orientedManifold: watertight && inconsistentEdges === 0 };
}

describe("edge manifold report", () => {
  it("matches hash-map counting on good and broken meshes", () => {
    for (const good of [tetrahedron(), cube(), sphere(1, 12, 6), merge(cube(), cube(1, 3))]) {
      for (const mesh of [good, ...brokenVariants(good)]) expect(checkEdgeManifold(mesh)).toEqual(referenceReport(mesh));
    }
  });
});
