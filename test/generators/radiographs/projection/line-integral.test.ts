import { describe, expect, it } from "vitest";
import { accumulateChords, emptyTile } from "../../../../generators/radiographs/projection/chord-tile.js";
import { ATTENUATION, deltaMu, type VolumeDeltaMu } from "../../../../generators/radiographs/projection/attenuation.js";
import { centredView } from "../../../../generators/radiographs/projection/parallel-view.js";
import { rasteriseChords } from "../../../../generators/radiographs/projection/rasterise-chords.js";
import type { MaterialVolume } from "../../../../generators/meshes/materials.js";
import { sphere, sphereSagitta } from "./fixtures.js";

/** Resolves "surroundings" as soft tissue (the whole test object sits above the crest). */
const aboveCrest = (d: VolumeDeltaMu) => (d.host === "resolved" ? d.value : d.softTissue);

describe("line integral of nested volumes", () => {
  // A toy tooth of concentric spheres: enamel R 8 in soft tissue, dentin R 5 in enamel, pulp R 2 in dentin, and a
  // lesion R 1 (enamel at 50 % density, i.e. 50 % mineral loss) in the enamel shell at y = +6.5 mm.
  const [meridians, rings] = [160, 79];
  const volumes: (Pick<MaterialVolume, "mesh" | "material" | "host" | "role" | "fdi"> & { density?: number })[] = [
    { mesh: sphere(8, meridians, rings), material: "enamel", host: "surroundings", role: "tooth:outer", fdi: 16 },
    { mesh: sphere(5, meridians, rings), material: "dentin", host: "enamel", role: "tooth:dentin", fdi: 16 },
    { mesh: sphere(2, meridians, rings), material: "pulp", host: "dentin", role: "tooth:pulp", fdi: 16 },
    { mesh: sphere(1, meridians, rings, [0, 6.5, 0]), material: "enamel", density: 0.5, host: "enamel", role: "lesion:enamel", fdi: 16 },
  ];
  // 0.1 mm pixels, odd size: pixel 100's centre is at 0, pixel 165's at +6.5 mm.
  const view = centredView({ centre: [0, 0, 0], u: [1, 0, 0], v: [0, 1, 0], pixelSize: 0.1, width: 201, height: 201 });
  const image = new Float32Array(201 * 201);
  for (const v of volumes) accumulateChords(image, 201, rasteriseChords(v.mesh, view), aboveCrest(deltaMu(v)));
  const at = (i: number, j: number) => image[j * 201 + i]!;
  // Facets sag by ≤ sagitta·R/8 per sphere: chord errors ≤ 2·sagitta per crossing pair, times |Δμ| ≤ 0.32.
  const tolerance = 4 * 0.32 * sphereSagitta(8, meridians, rings) + 1e-4;

  it("equals the hand-computed sum through the centre", () => {
    // (0.35 − 0.033)·16 + (0.24 − 0.35)·10 + (0.033 − 0.24)·4 = 5.072 − 1.1 − 0.828 = 3.144
    expect(Math.abs(at(100, 100) - 3.144)).toBeLessThan(tolerance);
  });

  it("equals the hand-computed sum through the lesion (mineral loss lowers it)", () => {
    // Enamel chord at ρ = 6.5: 2√(64 − 42.25) = 9.3274; lesion chord 2 with Δμ = 0.35·0.5 − 0.35 = −0.175:
    // 0.317·9.3274 − 0.35 = 2.6068
    expect(Math.abs(at(100, 165) - 2.6068)).toBeLessThan(tolerance);
    // The same ring point without the lesion (mirror side) has no −0.35.
    expect(Math.abs(at(100, 35) - 2.9568)).toBeLessThan(tolerance);
  });

  it("matches the analytic nested-sphere integral at every pixel", () => {
    const chord = (R: number, r2: number) => 2 * Math.sqrt(Math.max(0, R * R - r2));
    const d = {
      outer: ATTENUATION.enamel - ATTENUATION.soft_tissue,
      dentin: ATTENUATION.dentin - ATTENUATION.enamel,
      pulp: ATTENUATION.pulp - ATTENUATION.dentin,
      lesion: 0.5 * ATTENUATION.enamel - ATTENUATION.enamel,
    };
    let worst = 0;
    for (let j = 0; j < 201; j++) {
      for (let i = 0; i < 201; i++) {
        const x = (i - 100) * 0.1;
        const y = (j - 100) * 0.1;
        const r2 = x * x + y * y;
        const expected = d.outer * chord(8, r2) + d.dentin * chord(5, r2) + d.pulp * chord(2, r2) + d.lesion * chord(1, x * x + (y - 6.5) ** 2);
        // Near a sphere's rim the chord's slope is unbounded; compare where every ray is at least 0.3 mm inside or outside.
        const rim = [8, 5, 2].some((R) => Math.abs(Math.sqrt(r2) - R) < 0.3) || Math.abs(Math.sqrt(x * x + (y - 6.5) ** 2) - 1) < 0.3;
        if (!rim) worst = Math.max(worst, Math.abs(at(i, j) - expected));
      }
    }
    expect(worst).toBeLessThan(tolerance + 0.01);
  });
});

describe("accumulateChords", () => {
  it("adds weight × chord at the tile's place and ignores empty tiles", () => {
    const image = new Float32Array(5 * 4);
    accumulateChords(image, 5, { x0: 1, y0: 2, width: 2, height: 2, data: Float32Array.from([1, 2, 3, 4]) }, 0.5);
    accumulateChords(image, 5, emptyTile(), 3);
    expect(Array.from(image)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 1, 0, 0, 0, 1.5, 2, 0, 0]);
    expect(() => accumulateChords(image, 5, { x0: 4, y0: 0, width: 2, height: 1, data: new Float32Array(2) }, 1)).toThrow(/outside/);
  });
});
