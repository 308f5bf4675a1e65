/**
 * The projection's shortcuts against its reference path: the bone model sampled coarse to fine against every grid
 * node sampled, and the sockets drawn only where the bone can be against drawn whole.
 */
import { describe, expect, it } from "vitest";
import { radiographsConfigSchema } from "../../../../generators/radiographs/config.js";
import { prepareRadiographs } from "../../../../generators/radiographs/encode-patient-radiographs.js";
import { alveolarBone, boneGrid, projectScene, textureAt, type BoneGrid } from "../../../../generators/radiographs/render/project-scene.js";
import { aimOf } from "../../../../generators/radiographs/scene/aim.js";
import { drawView } from "../../../../generators/radiographs/scene/view-geometry.js";
import type { ViewFrame } from "../../../../generators/radiographs/scene/view-geometry.js";

const config = radiographsConfigSchema.parse({ patients: 1, seed: "project-scene", views: ["bitewing", "periapical"], periapicals: 2, size: "512x384", resolution: 0.6 });
const { scene, views, rng } = prepareRadiographs(config, 0);
const frames: [string, ViewFrame][] = views.flatMap((view) => {
  const aim = aimOf(scene, view);
  return aim ? [[view.name, drawView(view.view, aim, config.size, aim.anterior, rng.fork(`view-${view.name}`).fork("geometry")).frame] as [string, ViewFrame]] : [];
});

/** Corners of the live cells of a grid. */
function liveCorners(grid: BoneGrid): number[] {
  const out = new Set<number>();
  for (let c = 0; c < grid.live.length; c++) {
    if (!grid.live[c]) continue;
    const g = Math.floor(c / (grid.gw - 1)) * grid.gw + (c % (grid.gw - 1));
    for (const k of [g, g + 1, g + grid.gw, g + grid.gw + 1]) out.add(k);
  }
  return [...out];
}

describe("boneGrid", () => {
  it("has views to test", () => expect(frames.length).toBeGreaterThanOrEqual(3));
  for (const [name, frame] of frames) {
    for (const jaw of ["upper", "lower"] as const) {
      const nodes = scene.bone[jaw];
      if (!nodes) continue;
      it(`${name}, ${jaw} jaw: the coarse-to-fine grid matches every node sampled wherever a pixel reads it, from a third of the samples`, () => {
        const bone = alveolarBone(jaw, nodes, frame);
        const coarse = boneGrid(bone, scene.texture[jaw], frame);
        const fine = boneGrid(bone, scene.texture[jaw], frame, { fine: true });
        expect(Array.from(coarse.live)).toEqual(Array.from(fine.live));
        let worst = { depth: 0, reach: 0, oblique: 0, texture: 0 };
        for (const g of liveCorners(fine)) {
          worst = {
            depth: Math.max(worst.depth, Math.abs(coarse.depth[g]! - fine.depth[g]!)),
            reach: Math.max(worst.reach, Math.abs(coarse.reach[g]! - fine.reach[g]!)),
            oblique: Math.max(worst.oblique, Math.abs(coarse.oblique[g]! - fine.oblique[g]!)),
            texture: Math.max(worst.texture, Math.abs(textureAt(coarse, g) - textureAt(fine, g))),
          };
        }
        // Interpolation inside one affine piece is exact up to double rounding, which float32 storage absorbs
        // (measured: bit-identical on every view); allow a few float32 ulps of a 10 mm path.
        expect(worst.depth).toBeLessThan(1e-5);
        expect(worst.reach).toBeLessThan(1e-5);
        expect(worst.oblique).toBe(0);
        expect(worst.texture).toBeLessThan(1e-6);
        expect(coarse.sampled).toBeLessThan(fine.sampled / 3);
      });
    }
  }
});

describe("projectScene", () => {
  it("gives the same line integral on every call (scratch buffers carry nothing over)", () => {
    const [, a] = frames[0]!;
    const [, b] = frames[frames.length - 1]!; // a periapical: portrait, the same pixel count
    const first = projectScene(scene, a, { softTissue: 10 }).lineIntegral;
    projectScene(scene, b, { softTissue: 12 });
    const again = projectScene(scene, a, { softTissue: 10 }).lineIntegral;
    expect(Buffer.from(again.buffer).equals(Buffer.from(first.buffer))).toBe(true);
  });
  for (const [name, frame] of frames) {
    it(`${name}: the line integral equals the reference path's (fine bone grid, whole sockets)`, () => {
      const fast = projectScene(scene, frame, { softTissue: 10 }).lineIntegral;
      const slow = projectScene(scene, frame, { softTissue: 10, reference: true }).lineIntegral;
      let worst = 0;
      for (let k = 0; k < fast.length; k++) worst = Math.max(worst, Math.abs(fast[k]! - slow[k]!));
      // Measured: bit-identical. Allowed: a few float32 ulps of a line integral of about 5.
      expect(worst).toBeLessThan(1e-5);
    });
  }
});
