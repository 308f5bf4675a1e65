import { describe, expect, it } from "vitest";
import { clipAbove } from "../../../../generators/meshes/arch/clip-crown.js";
import { checkEdgeManifold } from "../../../../generators/meshes/geometry/edge-manifold.js";
import { ellipsoidCrown } from "./placeholder-crowns.js";
import { boundaryLoops } from "./scan-surface.js";

describe("clipAbove", () => {
  const crown = ellipsoidCrown(11);
  const p = crown.positions;
  const levelAt = (height: (x: number, y: number) => number) => Float64Array.from({ length: p.length / 3 }, (_, v) => p[3 * v + 2]! - height(p[3 * v]!, p[3 * v + 1]!));

  it("cuts a closed crown at a plane into a cap with one boundary loop on the plane", () => {
    const clipped = clipAbove(crown, levelAt(() => 1))!;
    const report = checkEdgeManifold(clipped.mesh);
    expect(report.nonManifoldEdges).toBe(0);
    expect(report.inconsistentEdges).toBe(0);
    expect(boundaryLoops(clipped.mesh).length).toBe(1);
    expect(report.boundaryEdges).toBe(clipped.margin.length);
    const q = clipped.mesh.positions;
    // 5 % of an edge off the plane at most (MIN_SHARE); the ellipsoid's edges are < 1 mm.
    for (const v of clipped.margin) expect(Math.abs(q[3 * v + 2]! - 1)).toBeLessThan(0.05);
  });

  it("keeps one loop when the level dips below zero inside the kept part", () => {
    // A pit in the level around the crown's top: enclosed, so kept rather than cut out as a second loop.
    const pit = (x: number, y: number) => (Math.hypot(x, y) < 1 ? 100 : 1);
    const clipped = clipAbove(crown, levelAt(pit))!;
    expect(boundaryLoops(clipped.mesh).length).toBe(1);
  });

  it("returns null when nothing is above, and the whole mesh when nothing is below", () => {
    expect(clipAbove(crown, levelAt(() => 100))).toBeNull();
    const whole = clipAbove(crown, levelAt(() => -100))!;
    expect(whole.margin.length).toBe(0);
    expect(whole.mesh.indices.length).toBe(crown.indices.length);
  });
});
