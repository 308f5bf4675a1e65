import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { generateArchScan } from "../../../../generators/meshes/arch/generate-arch-scan.js";
import { renderTooth } from "../../../../generators/meshes/tooth/index.js";
import { surfaceReport } from "./scan-surface.js";

describe("generateArchScan with renderTooth crowns", () => {
  const fdis = [11, 12, 13, 14, 15, 16, 17, 21, 22, 23, 25, 26, 27]; // 24 missing
  const rng = new Rng("render-tooth-arch");
  const crowns = fdis.map((fdi) => ({ fdi, crown: renderTooth(fdi, rng.fork(`tooth-${fdi}`), { resolution: 0.5 }).outer }));
  const result = generateArchScan("upper", crowns, rng);

  it("places the tooth generator's teeth and labels the scan", () => {
    const { scan, placement } = result;
    expect(scan.labels.length).toBe(scan.mesh.positions.length / 3);
    expect([...new Set(scan.labels)].sort((a, b) => a - b)).toEqual([0, ...fdis]);
    expect(placement.spaces.map((s) => s.fdi)).toEqual([24]);
  });

  it("joins the rendered crowns to the gingiva in one open surface (one border loop, no slits)", () => {
    const { gumLineIntersections, ...topology } = surfaceReport(result);
    expect(topology).toEqual({ nonManifoldEdges: 0, inconsistentEdges: 0, loops: 1, boundaryOffBorder: 0, boundaryOnCrowns: 0, degenerate: 0, duplicate: 0 });
    // Known gap (see scan-surface.test.ts): a few crossings where the gum climbs a papilla.
    expect(gumLineIntersections).toBeLessThanOrEqual(100);
  });
});
