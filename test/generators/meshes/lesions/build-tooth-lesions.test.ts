import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { MIN_GAP } from "../../../../generators/meshes/tooth/tooth-shape.js";
import { renderTooth } from "../../../../generators/meshes/tooth/index.js";
import { buildToothLesions, CAVITY_GAP, DENTIN_REACH, MINERAL_LOSS, MINERAL_LOSS_BY_CLASS, ToothSites } from "../../../../generators/meshes/lesions/index.js";
import { checkNestedInside, findSelfIntersections, minimumDistanceToSurface } from "../../../../generators/meshes/geometry/index.js";
import { DEPTH_CLASSES, ICCMS_OF_DEPTH, SURFACES, type CariesLesion, type DepthClass } from "../../../../generators/patient/types.js";
import { deepestFraction, expectInHost, expectSolid } from "./volume-checks.js";

/** One tooth per group: incisor, canine-like premolar, upper and lower molars (two roots and three). */
const TEETH = [11, 44, 16, 36];
const lesionsAt = (depth: DepthClass, cavitated: boolean): CariesLesion[] =>
  SURFACES.map((surface, i) => ({ id: `P000001-L${i + 1}`, surface, depth, iccms: ICCMS_OF_DEPTH[depth], cavitated, recurrent: false }));
const sound = { restoration: "none" as const, filledSurfaces: [] };

/** Class bands of the deepest point (dental-domain.md 2.4): E1 outer half of enamel, E2 inner half, D1–D3 thirds
 * of dentin. */
const BANDS: Record<DepthClass, { layer: "enamel" | "dentin"; lo: number; hi: number }> = {
  E1: { layer: "enamel", lo: 0, hi: 0.5 },
  E2: { layer: "enamel", lo: 0.5, hi: 1 },
  D1: { layer: "dentin", lo: 0, hi: 1 / 3 },
  D2: { layer: "dentin", lo: 1 / 3, hi: 2 / 3 },
  D3: { layer: "dentin", lo: 2 / 3, hi: 1 },
};

describe("buildToothLesions", () => {
  for (const fdi of TEETH) {
    const tooth = renderTooth(fdi, new Rng("lesion-test").fork(`tooth-${fdi}`));
    for (const depth of DEPTH_CLASSES) {
      it(`${fdi} ${depth} on every surface: one wedge per part, valid, inside its host, as deep as its class`, () => {
        const { tooth: same, volumes } = buildToothLesions(tooth, { ...sound, lesions: lesionsAt(depth, false) }, new Rng("l"));
        expect(same).toBe(tooth); // nothing carved
        const dentinDeep = depth[0] === "D";
        expect(volumes.map((v) => v.role)).toEqual(SURFACES.flatMap(() => (dentinDeep ? ["lesion:enamel", "lesion:dentin"] : ["lesion:enamel"])));
        for (const v of volumes) {
          const label = `${fdi} ${v.lesionId} ${v.role}`;
          expectInHost(v, tooth, label);
          // Within the cited band, and within the class's own window of it.
          expect(v.density!).toBeGreaterThanOrEqual(1 - MINERAL_LOSS[1]);
          expect(v.density!).toBeLessThanOrEqual(1 - MINERAL_LOSS[0]);
          expect(v.density!).toBeGreaterThanOrEqual(1 - MINERAL_LOSS_BY_CLASS[depth][1]);
          expect(v.density!).toBeLessThanOrEqual(1 - MINERAL_LOSS_BY_CLASS[depth][0]);
          const band = BANDS[depth];
          const layer = v.role === "lesion:enamel" ? "enamel" : "dentin";
          const fraction = layer === "enamel" ? deepestFraction(v.mesh, tooth.outer, tooth.dentin) : deepestFraction(v.mesh, tooth.dentin, tooth.pulp);
          if (layer === band.layer) {
            expect(fraction, `${label} reaches its band`).toBeGreaterThan(band.lo);
            expect(fraction, `${label} stays in its band`).toBeLessThanOrEqual(band.hi);
          } else {
            // The enamel part of a dentin lesion crosses the enamel to just short of the DEJ.
            expect(fraction, `${label} crosses the enamel`).toBeGreaterThan(0.85);
          }
        }
      });

      it(`${fdi} ${depth} cavitated: the layers stay closed and nested, the cavity is carved, the lesion remains`, () => {
        const { tooth: carved, volumes } = buildToothLesions(tooth, { ...sound, lesions: lesionsAt(depth, true) }, new Rng("l"));
        expect(carved).not.toBe(tooth);
        expectSolid(carved.outer, `${fdi} carved outer`);
        expectSolid(carved.dentin, `${fdi} carved dentin`);
        expect(checkNestedInside(carved.dentin, carved.outer).nested).toBe(true);
        expect(checkNestedInside(carved.pulp, carved.dentin).nested).toBe(true);
        // Clearance like the renderer's own (tooth-checks.ts): the nominal gap less noise and facet slope.
        expect(minimumDistanceToSurface(carved.dentin, carved.outer)).toBeGreaterThan(0.01);
        // The outer surface moved inward somewhere (the cavity), and only the outer surface for enamel lesions.
        let moved = 0;
        for (let i = 0; i < tooth.outer.positions.length; i++) moved = Math.max(moved, Math.abs(carved.outer.positions[i]! - tooth.outer.positions[i]!));
        expect(moved).toBeGreaterThan(0.05);
        if (depth === "E1" || depth === "E2" || depth === "D1") expect(Buffer.from(carved.dentin.positions.buffer).equals(Buffer.from(tooth.dentin.positions.buffer))).toBe(true);
        expect(volumes.filter((v) => v.role === "lesion:enamel")).toHaveLength(SURFACES.length);
        for (const v of volumes) expectInHost(v, carved, `${fdi} ${v.lesionId} ${v.role} (cavitated)`);
      });
    }
  }

  it("keeps CAVITY_GAP above MIN_GAP and draws dentin reaches inside the class thirds", () => {
    expect(CAVITY_GAP).toBeGreaterThan(MIN_GAP);
    expect(DENTIN_REACH.D1[1]).toBeLessThan(1 / 3);
    expect(DENTIN_REACH.D2[0]).toBeGreaterThan(1 / 3);
    expect(DENTIN_REACH.D2[1]).toBeLessThan(2 / 3);
    expect(DENTIN_REACH.D3[0]).toBeGreaterThan(2 / 3);
  });

  it("is the same bytes for the same stream, and a lesion does not depend on the others", () => {
    const tooth = renderTooth(36, new Rng("lesion-test").fork("tooth-36"));
    const all = lesionsAt("D2", false);
    const a = buildToothLesions(tooth, { ...sound, lesions: all }, new Rng("s"));
    const b = buildToothLesions(tooth, { ...sound, lesions: all }, new Rng("s"));
    a.volumes.forEach((v, i) => expect(Buffer.from(v.mesh.positions.buffer).equals(Buffer.from(b.volumes[i]!.mesh.positions.buffer))).toBe(true));
    const one = buildToothLesions(tooth, { ...sound, lesions: [all[2]!] }, new Rng("s"));
    const alone = one.volumes[0]!;
    const among = a.volumes.find((v) => v.lesionId === alone.lesionId && v.role === "lesion:enamel")!;
    expect(Buffer.from(alone.mesh.positions.buffer).equals(Buffer.from(among.mesh.positions.buffer))).toBe(true);
  });

  it("places a crowned tooth's lesions below the crown margin and a recurrent one beside its filling", () => {
    const tooth = renderTooth(46, new Rng("lesion-test").fork("tooth-46"));
    const crowned = buildToothLesions(tooth, { restoration: "crowned", filledSurfaces: [], lesions: [lesionsAt("D1", false)[0]!] }, new Rng("c"));
    const sites = new ToothSites(tooth);
    const marginTop = Math.max(...Array.from({ length: sites.grid.meridians }, (_, m) => sites.outerAt(sites.crownMarginRing, m)[2]));
    expect(crowned.volumes.map((v) => v.role)).toEqual(["lesion:enamel", "lesion:dentin"]);
    for (const v of crowned.volumes) {
      expectInHost(v, tooth, `crowned ${v.role}`);
      // Below the crown's margin ring, which the crown (build-crown.ts) does not pass.
      let top = -Infinity;
      for (let i = 2; i < v.mesh.positions.length; i += 3) top = Math.max(top, v.mesh.positions[i]!);
      expect(top, `crown-margin ${v.role} below the margin`).toBeLessThan(marginTop);
    }
    const filled = buildToothLesions(tooth, { restoration: "filled", filledSurfaces: ["O"], lesions: [{ ...lesionsAt("E2", false)[1]!, recurrent: true }] }, new Rng("c"));
    expect(filled.volumes).toHaveLength(1);
    expectInHost(filled.volumes[0]!, tooth, "recurrent occlusal");
    expect(findSelfIntersections(filled.volumes[0]!.mesh, 1)).toEqual([]);
  });
});
