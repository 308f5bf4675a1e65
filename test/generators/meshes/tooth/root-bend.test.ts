/**
 * Root curvature and flare: single roots bend distally in their apical third by a seeded amount within the
 * stated range (root-bend.ts APEX_DISTAL), multi-rooted teeth flare their roots; the layers keep their vertex
 * correspondence and nesting (the per-type suites and the sweeps check nesting on every tooth).
 */
import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { renderTooth } from "../../../../generators/meshes/tooth/render-tooth.js";
import { APEX_BUCCAL, APEX_DISTAL, ROOT_FLARE } from "../../../../generators/meshes/tooth/root-bend.js";
import type { Fdi } from "../../../../generators/patient/types.js";

/** Position of the outer surface's lowest vertex (the bottom pole of a single root: its apex). */
function apex(fdi: Fdi, seed: string, variation = true): [number, number, number] {
  const p = renderTooth(fdi, new Rng(seed), { variation, noise: false }).outer.positions;
  let at = 2;
  for (let i = 2; i < p.length; i += 3) if (p[i]! < p[at]!) at = i;
  return [p[at - 2]!, p[at - 1]!, p[at]!];
}

describe("root bend", () => {
  it("moves the apex of single roots distally (−x) by 0.1–1.6 mm and buccolingually by at most 0.6 mm", () => {
    const distal: number[] = [];
    for (const fdi of [11, 13, 15, 22, 33, 35, 41, 44] as Fdi[]) {
      for (let s = 0; s < 6; s++) {
        const [x, y] = apex(fdi, `bend-${fdi}-${s}`);
        expect(-x, `${fdi} seed ${s}`).toBeGreaterThanOrEqual(APEX_DISTAL.min - 0.01);
        expect(-x, `${fdi} seed ${s}`).toBeLessThanOrEqual(APEX_DISTAL.max + 0.01);
        expect(Math.abs(y), `${fdi} seed ${s}`).toBeLessThanOrEqual(APEX_BUCCAL.max + 0.01);
        distal.push(-x);
      }
    }
    // Seeded, not constant: the 48 draws spread around the mean of 0.8 mm.
    const mean = distal.reduce((a, b) => a + b, 0) / distal.length;
    expect(mean).toBeGreaterThan(0.6);
    expect(mean).toBeLessThan(1.0);
    expect(Math.max(...distal) - Math.min(...distal)).toBeGreaterThan(0.5);
  });

  it("bends the mean shape by exactly the mean deviation", () => {
    const [x, y] = apex(11, "mean", false);
    expect(x).toBeCloseTo(-APEX_DISTAL.mean, 2);
    expect(y).toBeCloseTo(0, 6);
  });

  it("flares each root of a lower first molar outward by about ROOT_FLARE from the furcation to mid-root", () => {
    const tooth = renderTooth(36, new Rng("flare"), { variation: false, noise: false });
    const p = tooth.outer.positions;
    // Centre of the mesial root (x > 0) in a thin horizontal band: without flare the root's centre line is
    // vertical (its walls taper symmetrically about it), so any outward move is the flare.
    const centreAt = (z: number) => {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < p.length; i += 3) {
        if (p[i]! > 0 && Math.abs(p[i + 1]!) < 0.6 && Math.abs(p[i + 2]! - z) < 0.6) {
          lo = Math.min(lo, p[i]!);
          hi = Math.max(hi, p[i]!);
        }
      }
      return (lo + hi) / 2;
    };
    const furcation = tooth.furcationLevel;
    const deep = -0.7 * tooth.dimensions.rootLengths[0]!;
    expect(centreAt(deep) - centreAt(furcation - 0.4)).toBeGreaterThan(0.6 * ROOT_FLARE);
    expect(centreAt(deep) - centreAt(furcation - 0.4)).toBeLessThan(1.6 * ROOT_FLARE);
  });
});
