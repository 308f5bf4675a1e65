import { describe, expect, it } from "vitest";
import { simplifyClosedPolygon } from "../../../../core/sinks/annotations/simplify-polygon.js";

/** Distance from a point to the closed outline of flat [x1, y1, ...] points. */
function distanceToOutline(px: number, py: number, points: readonly number[]): number {
  let best = Infinity;
  const n = points.length / 2;
  for (let k = 0; k < n; k++) {
    const [ax, ay, bx, by] = [points[2 * k]!, points[2 * k + 1]!, points[(2 * k + 2) % (2 * n)]!, points[(2 * k + 3) % (2 * n)]!];
    const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    best = Math.min(best, Math.hypot(px - ax - t * (bx - ax), py - ay - t * (by - ay)));
  }
  return best;
}

describe("simplifyClosedPolygon", () => {
  it("moves no dropped vertex more than the tolerance, and straightens a 45-degree staircase at 0.75 px", () => {
    // Staircase from (0,0) to (4,4) closed along the axes: its corners lie 0.71 px off the diagonal.
    const stairs = [0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 3, 2, 3, 3, 4, 3, 4, 4, 0, 4];
    const simplified = simplifyClosedPolygon(stairs, 0.5);
    expect(simplified.length).toBeLessThan(stairs.length);
    for (let k = 0; k < stairs.length; k += 2) expect(distanceToOutline(stairs[k]!, stairs[k + 1]!, simplified)).toBeLessThanOrEqual(0.5);
    expect(simplifyClosedPolygon(stairs, 0.75)).toEqual([0, 0, 4, 4, 0, 4]);
  });

  it("keeps a unit square (corners 0.71 px off its diagonal) and never returns fewer than 3 vertices", () => {
    expect(simplifyClosedPolygon([0, 0, 1, 0, 1, 1, 0, 1], 0.5)).toEqual([0, 0, 1, 0, 1, 1, 0, 1]);
    expect(simplifyClosedPolygon([0, 0, 1, 0, 1, 1, 0, 1], 5)).toEqual([0, 0, 1, 0, 1, 1, 0, 1]);
  });

  it("drops collinear points and the steps of a shallow slope (1 px in 5: 0.2 px off the chord)", () => {
    const shallow = [0, 0, 5, 0, 5, 1, 10, 1, 10, 10, 0, 10];
    expect(simplifyClosedPolygon(shallow, 0.5)).toEqual([0, 0, 10, 1, 10, 10, 0, 10]);
    expect(simplifyClosedPolygon([0, 0, 5, 0, 10, 0.2, 10, 10, 0, 10], 0.5)).toEqual([0, 0, 10, 0.2, 10, 10, 0, 10]);
  });
});
