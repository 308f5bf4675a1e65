import { describe, expect, it } from "vitest";
import { DirectedEdges } from "../../../../generators/meshes/geometry/directed-edges.js";

describe("directed edges by start vertex", () => {
  // Two faces sharing edge 1–2, the second listed twice, and a face skipped by `keep`.
  const indices = Uint32Array.from([0, 1, 2, 2, 1, 3, 2, 1, 3, 4, 4, 5]);
  const edges = new DirectedEdges(indices, (t) => t !== 3);

  it("groups face sides by start vertex and counts each edge", () => {
    expect(edges.rows).toBe(6);
    expect(edges.count(0, 1)).toBe(1);
    expect(edges.count(1, 2)).toBe(1);
    expect(edges.count(2, 1)).toBe(2);
    expect(edges.count(1, 3)).toBe(2);
    expect(edges.count(3, 1)).toBe(0);
    expect(edges.count(4, 4)).toBe(0);
    expect(edges.start[edges.rows]).toBe(9);
  });

  it("marks the first slot of each end vertex in a row", () => {
    const firsts: [number, number][] = [];
    for (let u = 0; u < edges.rows; u++) {
      for (let i = edges.start[u]!; i < edges.start[u + 1]!; i++) if (edges.firstInRow(u, i)) firsts.push([u, edges.to[i]!]);
    }
    expect(firsts.sort()).toEqual([[0, 1], [1, 2], [1, 3], [2, 0], [2, 1], [3, 2]].sort());
  });
});
