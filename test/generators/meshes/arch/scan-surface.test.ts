import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { generateArchScan } from "../../../../generators/meshes/arch/generate-arch-scan.js";
import type { Fdi } from "../../../../generators/patient/types.js";
import { crownsOf, fullJaw } from "./placeholder-crowns.js";
import { seamVertices, surfaceReport } from "./scan-surface.js";

/**
 * The scan is one open surface, as a real intraoral scan: crowns joined to the gingiva at the gum line, the only
 * boundary the band's outer border. The band is a horseshoe strip (open below and at both distal ends), a disc
 * topologically, so its border is exactly ONE loop; any slit or unjoined crown would add loops.
 */
const CLEAN = { nonManifoldEdges: 0, inconsistentEdges: 0, loops: 1, boundaryOffBorder: 0, boundaryOnCrowns: 0, degenerate: 0, duplicate: 0 };
/**
 * Known gap, not the goal: a few triangle pairs within 1 mm of the seam still cross (seen 0–28 pairs among ~40k
 * triangles on these crowns, 14–83 on rendered teeth), where the gingiva climbs a papilla against a crown's proximal
 * wall or a crown lies almost flat on the gum. The bound catches a regression to the 485 of the angle-spaced rows.
 */
const GUM_LINE_CROSSINGS_BOUND = 40;

const cases: { name: string; jaw: "upper" | "lower"; fdis: Fdi[]; seed: string }[] = [
  { name: "full lower jaw with third molars", jaw: "lower", fdis: fullJaw("lower", true), seed: "surface-1" },
  { name: "full upper jaw", jaw: "upper", fdis: fullJaw("upper"), seed: "surface-2" },
  { name: "full upper jaw, another seed", jaw: "upper", fdis: fullJaw("upper", true), seed: "surface-3" },
  { name: "lower jaw with spaces (36, 32, 45 missing)", jaw: "lower", fdis: fullJaw("lower").filter((f) => ![36, 32, 45].includes(f)), seed: "surface-4" },
  { name: "upper jaw with spaces (11, 24, 25 missing)", jaw: "upper", fdis: fullJaw("upper").filter((f) => ![11, 24, 25].includes(f)), seed: "surface-5" },
  { name: "upper jaw with three teeth", jaw: "upper", fdis: [13, 21, 26], seed: "surface-6" },
  { name: "lower jaw with one tooth", jaw: "lower", fdis: [43], seed: "surface-7" },
];

describe("arch scan surface", () => {
  for (const c of cases) {
    it(`is one clean open surface: ${c.name}`, () => {
      const result = generateArchScan(c.jaw, crownsOf(c.fdis), new Rng(c.seed));
      const { gumLineIntersections, ...topology } = surfaceReport(result);
      expect(topology).toEqual(CLEAN);
      expect(gumLineIntersections).toBeLessThanOrEqual(GUM_LINE_CROSSINGS_BOUND);
      expect(result.scan.instanceFdi).toEqual(c.fdis);
    });
  }

  it("labels the seam with the crown's FDI (every crown joined) and mixes labels only on gum triangles", () => {
    const fdis = fullJaw("lower").filter((f) => f !== 46);
    const result = generateArchScan("lower", crownsOf(fdis), new Rng("surface-labels"));
    const { scan } = result;
    const seam = seamVertices(scan.mesh, scan.labels);
    // Every crown has a seam, so every crown is joined to the gingiva.
    expect(new Set([...seam].map((v) => scan.labels[v])).size).toBe(fdis.length);
    const idx = scan.mesh.indices;
    const p = scan.mesh.positions;
    const onGum = (v: number) => Math.abs(p[3 * v + 2]! - result.gingiva.surfaceZ(p[3 * v]!, p[3 * v + 1]!)) < 0.1;
    for (let t = 0; t < idx.length; t += 3) {
      const tri = [idx[t]!, idx[t + 1]!, idx[t + 2]!];
      const labels = new Set(tri.map((v) => scan.labels[v]));
      // Two teeth's labels and no 0: a gingiva triangle across a papilla narrower than the band's cells, all of
      // whose corners are seam vertices on the gum; a crown's own triangles carry one label.
      if (!labels.has(0) && labels.size > 1) expect(tri.every(onGum)).toBe(true);
    }
  });

  it("puts the seam on the gingiva surface and the crowns above it", () => {
    const result = generateArchScan("lower", crownsOf(fullJaw("lower")), new Rng("surface-height"));
    const { scan, gingiva } = result;
    const p = scan.mesh.positions;
    const seam = seamVertices(scan.mesh, scan.labels);
    for (const v of seam) {
      // Cut vertices sit on crown edges up to 5 % of an edge off the zero line (clip-crown.ts MIN_SHARE).
      expect(Math.abs(p[3 * v + 2]! - gingiva.surfaceZ(p[3 * v]!, p[3 * v + 1]!))).toBeLessThan(0.1);
    }
  });
});
