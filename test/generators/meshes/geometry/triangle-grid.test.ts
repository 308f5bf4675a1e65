import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { TriangleGrid } from "../../../../generators/meshes/geometry/triangle-grid.js";
import { sphere } from "./fixtures.js";

describe("triangle grid", () => {
  const mesh = sphere(2, 24, 12, [0.3, -0.2, 0.1]);
  const grid = new TriangleGrid(mesh);
  const f = mesh.indices.length / 3;
  const overlapping = (box: ArrayLike<number>) => {
    const out: number[] = [];
    for (let t = 0; t < f; t++) {
      let overlap = true;
      for (let k = 0; k < 3; k++) overlap &&= grid.boxes[6 * t + k]! <= box[3 + k]! && box[k]! <= grid.boxes[6 * t + 3 + k]!;
      if (overlap) out.push(t);
    }
    return out;
  };

  it("queryInto lists each triangle whose box overlaps the query box once, in query's order", () => {
    const rng = new Rng("triangle-grid");
    const stamp = new Int32Array(f).fill(-1);
    const out = new Uint32Array(f);
    for (let token = 0; token < 200; token += 2) {
      const c = [rng.uniform(-2.5, 2.5), rng.uniform(-2.5, 2.5), rng.uniform(-2.5, 2.5)];
      const r = rng.uniform(0, 0.8);
      const box = [c[0]! - r, c[1]! - r, c[2]! - r, c[0]! + r, c[1]! + r, c[2]! + r];
      const visited: number[] = [];
      grid.query(box, 0, stamp, token, (t) => visited.push(t));
      const n = grid.queryInto(box, 0, stamp, token + 1, out);
      expect(Array.from(out.subarray(0, n))).toEqual(visited);
      expect([...visited].sort((a, b) => a - b)).toEqual(overlapping(box));
    }
  });

  it("lets a query's visitor query the same grid again", () => {
    const stamp = new Int32Array(f).fill(-1);
    const inner = new Int32Array(f).fill(-1);
    const outer: number[] = [];
    grid.query([-3, -3, -3, 3, 3, 3], 0, stamp, 0, (t) => {
      outer.push(t);
      grid.query(grid.boxes, 6 * t, inner, t, () => {});
    });
    expect(outer.length).toBe(f);
  });
});
