/**
 * The lingual fossa of maxillary incisors and canines is a concavity: at mid-crown, the lingual outline dips
 * buccally between the marginal ridges, below its convex hull (the chord between the ridges).
 */
import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { renderTooth } from "../../../../generators/meshes/tooth/render-tooth.js";
import type { Fdi } from "../../../../generators/patient/types.js";

/**
 * Deepest point of the lingual outline below its convex hull at 60 % of the crown height (mm; 0 on a convex
 * outline). The outline is one vertex per meridian, the one nearest that height, on the lingual side (y < 0).
 */
function lingualFossaDepth(fdi: Fdi, seed: string, variation: boolean): number {
  const tooth = renderTooth(fdi, new Rng(seed), { variation, noise: false });
  const target = 0.6 * tooth.dimensions.crownLength;
  const p = tooth.outer.positions;
  const nearest = new Map<number, [number, number, number]>();
  for (let i = 0; i < p.length; i += 3) {
    const [x, y, z] = [p[i]!, p[i + 1]!, p[i + 2]!];
    // Lingual side of the crown only (the root, bent a little buccolingually, can reach y slightly below 0).
    if (y > -0.05 || Math.abs(z - target) > 0.5) continue;
    const meridian = Math.round(Math.atan2(y, x) / ((2 * Math.PI) / 64));
    const best = nearest.get(meridian);
    if (!best || Math.abs(z - target) < Math.abs(best[2] - target)) nearest.set(meridian, [x, y, z]);
  }
  const outline = [...nearest.values()].map(([x, y]) => [x, y] as const).sort((a, b) => a[0] - b[0]);
  // Lingual hull (the most negative y side): monotone chain, keeping right turns only.
  const hull: (readonly [number, number])[] = [];
  for (const q of outline) {
    while (hull.length >= 2) {
      const [a, b] = [hull[hull.length - 2]!, hull[hull.length - 1]!];
      if ((b[0] - a[0]) * (q[1] - a[1]) - (b[1] - a[1]) * (q[0] - a[0]) <= 0) hull.pop();
      else break;
    }
    hull.push(q);
  }
  let depth = 0;
  for (const [x, y] of outline) {
    const k = hull.findIndex((h) => h[0] >= x);
    if (k <= 0) continue;
    const [a, b] = [hull[k - 1]!, hull[k]!];
    const chord = a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0] || 1);
    depth = Math.max(depth, y - chord);
  }
  return depth;
}

describe("lingual fossa", () => {
  it("is 0.3–1.2 mm deep between the marginal ridges of upper incisors, mean shape and seeded", () => {
    for (const fdi of [11, 12, 21, 22] as Fdi[]) {
      expect(lingualFossaDepth(fdi, "fossa", false), `${fdi} mean`).toBeGreaterThan(0.3);
      for (const seed of ["a", "b", "c"]) {
        const depth = lingualFossaDepth(fdi, seed, true);
        expect(depth, `${fdi} ${seed}`).toBeGreaterThan(0.3);
        expect(depth, `${fdi} ${seed}`).toBeLessThan(1.2);
      }
    }
  });

  it("is shallower on upper canines (two fossae beside the lingual ridge) and absent on lower incisors", () => {
    const canine = lingualFossaDepth(13, "fossa", false);
    expect(canine).toBeGreaterThan(0.05);
    expect(canine).toBeLessThan(lingualFossaDepth(11, "fossa", false));
    expect(lingualFossaDepth(41, "fossa", false)).toBeLessThan(0.02);
  });
});
