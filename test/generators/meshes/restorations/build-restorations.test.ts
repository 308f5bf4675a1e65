import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { renderTooth } from "../../../../generators/meshes/tooth/index.js";
import { ShellGuard, ToothSites } from "../../../../generators/meshes/lesions/index.js";
import {
  buildCrown,
  buildFillings,
  buildImplant,
  buildPontic,
  buildRootFilling,
  crownMaterialsOf,
  FILLING_SHARES,
  implantDiameter,
  IMPLANT_LENGTH,
  PONTIC_BASE,
  SHOULDER_DEPTH,
} from "../../../../generators/meshes/restorations/index.js";
import { boundsOf, signedVolume } from "../../../../generators/meshes/geometry/index.js";
import type { LabCase, LabMaterial, Surface } from "../../../../generators/patient/types.js";
import { expectDisjoint, expectInHost, expectInside, expectSolid } from "../lesions/volume-checks.js";

const toothOf = (fdi: number, seed = "restoration-test") => renderTooth(fdi, new Rng(seed).fork(`tooth-${fdi}`));
const labCase = (fdi: number, material: LabMaterial, type: LabCase["type"] = "single_crown"): LabCase => ({
  id: "P000001-C1", type, teeth: [fdi], units: 1, material, shade: "A2", turnaroundDays: 5, remake: false, remakeReason: null,
});
const FILLINGS: Surface[][] = [["O"], ["M"], ["D"], ["B"], ["L"], ["M", "O"], ["O", "D"], ["M", "O", "D"], ["O", "B"], ["M", "O", "D", "B", "L"]];

describe("fillings", () => {
  for (const fdi of [16, 36, 45, 21]) {
    const tooth = toothOf(fdi);
    const sites = new ToothSites(tooth);
    const guard = new ShellGuard(tooth);
    for (const surfaces of FILLINGS) {
      it(`${fdi} ${surfaces.join("")}: enamel part and dentin box(es), valid, in their hosts, disjoint`, () => {
        const volumes = buildFillings(tooth, { filledSurfaces: surfaces }, new Rng("f"), sites, guard);
        const enamel = volumes.filter((v) => v.host === "enamel");
        const dentin = volumes.filter((v) => v.host === "dentin");
        // One filling per connected outline: O with its proximal boxes, lone proximal boxes, cervical ones.
        const expected = (surfaces.includes("O") ? 1 : surfaces.filter((s) => s === "M" || s === "D").length) + surfaces.filter((s) => s === "B" || s === "L").length;
        expect(enamel).toHaveLength(expected);
        expect(dentin.length).toBeGreaterThanOrEqual(expected);
        const allowed = FILLING_SHARES[fdi % 10 >= 4 ? "posterior" : "anterior"].map(([m]) => m);
        for (const v of volumes) {
          expect(v.role).toBe("restoration:filling");
          expect(allowed).toContain(v.material);
          expectInHost(v, tooth, `${fdi} ${surfaces.join("")} ${v.host}`);
        }
        for (let i = 0; i < volumes.length; i++) {
          for (let j = i + 1; j < volumes.length; j++) if (volumes[i]!.host === volumes[j]!.host) expectDisjoint(volumes[i]!.mesh, volumes[j]!.mesh, `${fdi} fillings ${i}/${j}`);
        }
      });
    }
  }
});

describe("filling dentin boxes where the DEJ curves round the first focus", () => {
  // With one focus one dentin thickness in, these boxes fell back to the inscribed solid.
  for (const [fdi, seed, surfaces] of [[24, "a", ["D"]], [24, "b", ["M", "O", "D"]], [45, "a", ["O"]], [14, "c", ["M", "O", "D"]], [11, "a", ["M", "O"]]] as const) {
    it(`${fdi} (${seed}) ${surfaces.join("")}: every dentin box is a box, inside the dentin`, () => {
      const tooth = toothOf(fdi, seed);
      const volumes = buildFillings(tooth, { filledSurfaces: [...surfaces] }, new Rng("f"));
      const boxes = volumes.filter((v) => v.host === "dentin");
      expect(boxes.length).toBeGreaterThan(0);
      for (const v of boxes) {
        expect(v.mesh.positions.length / 3).toBeGreaterThan(6);
        expectInHost(v, tooth, `${fdi} ${seed} box`);
      }
    });
  }
});

describe("crowns", () => {
  const materials: LabMaterial[] = ["monolithic_zirconia", "layered_zirconia", "lithium_disilicate", "leucite_glass_ceramic", "pfm", "full_cast_metal"];
  for (const fdi of [26, 47, 11, 34]) {
    const tooth = toothOf(fdi);
    for (const material of materials) {
      it(`${fdi} ${material}: the lab case's materials, replacing the enamel shell and a dentin reduction`, () => {
        const volumes = buildCrown(tooth, [labCase(fdi, material)], new Rng("c"));
        const { body, coping } = crownMaterialsOf(material);
        // A PFM whose coping does not fit the enamel shell keeps the metal in the preparation only.
        const layered = coping && volumes.length === 3;
        expect(volumes.map((v) => [v.material, v.host])).toEqual(
          coping ? (layered ? [[body, "enamel"], [coping, "enamel"], [coping, "dentin"]] : [[body, "enamel"], [coping, "dentin"]]) : [[body, "enamel"], [body, "dentin"]],
        );
        for (const v of volumes) {
          expect(v.role).toBe("restoration:crown");
          expectInHost(v, tooth, `${fdi} ${material} ${v.host}`);
        }
        if (layered) expectDisjoint(volumes[0]!.mesh, volumes[1]!.mesh, `${fdi} porcelain/coping`);
        // The shell covers the crown: from near the occlusal top down to about the CEJ level.
        const [, , zMin, , , zMax] = boundsOf(volumes[0]!.mesh);
        expect(zMax).toBeGreaterThan(0.8 * tooth.dimensions.crownLength);
        expect(zMin).toBeLessThan(0.5 + Math.max(tooth.dimensions.cejCurveMesial, tooth.dimensions.cejCurveDistal));
      });
    }
  }

  it("layers most PFM crowns as porcelain over a metal coping", () => {
    const layered = [26, 47, 11, 34, 16, 36].filter((fdi) => buildCrown(toothOf(fdi), [labCase(fdi, "pfm")], new Rng("c")).length === 3);
    expect(layered.length).toBeGreaterThanOrEqual(5);
  });

  it("builds the preparation's dentin part on cervically narrow teeth (not the fallback solid)", () => {
    // With the preparation's focus 1 mm below the margin these fell back to the 6-vertex inscribed solid.
    for (const [fdi, seed] of [[37, "a"], [37, "b"], [37, "c"], [37, "d"], [45, "b"], [45, "d"]] as const) {
      const tooth = toothOf(fdi, seed);
      const volumes = buildCrown(tooth, [], new Rng("m"));
      const prep = volumes.find((v) => v.host === "dentin")!;
      expect(prep.mesh.positions.length / 3, `${fdi} ${seed}`).toBeGreaterThan(100);
      expectInHost(prep, tooth, `${fdi} ${seed} preparation`);
    }
  });

  it("maps the lab materials as the brief says", () => {
    expect(crownMaterialsOf("monolithic_zirconia")).toEqual({ body: "zirconia", coping: null });
    expect(crownMaterialsOf("layered_zirconia")).toEqual({ body: "zirconia", coping: null });
    expect(crownMaterialsOf("lithium_disilicate")).toEqual({ body: "ceramic", coping: null });
    expect(crownMaterialsOf("leucite_glass_ceramic")).toEqual({ body: "ceramic", coping: null });
    expect(crownMaterialsOf("pfm")).toEqual({ body: "ceramic", coping: "metal_alloy" });
    expect(crownMaterialsOf("full_cast_metal")).toEqual({ body: "metal_alloy", coping: null });
  });

  it("draws a material when the chart has no lab case, reproducibly", () => {
    const tooth = toothOf(36);
    const a = buildCrown(tooth, [], new Rng("d"));
    const b = buildCrown(tooth, [], new Rng("d"));
    expect(a.map((v) => v.material)).toEqual(b.map((v) => v.material));
    expect(["zirconia", "ceramic", "metal_alloy"]).toContain(a[0]!.material);
  });
});

describe("root fillings", () => {
  for (const fdi of [11, 12, 13, 14, 16, 24, 36, 38]) {
    for (const seed of ["restoration-test", "canal-a", "canal-b"]) {
      it(`${fdi} (${seed}): gutta-percha fills the pulp space from chamber to apex, strictly inside it or on its surface`, () => {
        const tooth = toothOf(fdi, seed);
        const v = buildRootFilling(tooth, new ShellGuard(tooth));
        expect(v).toMatchObject({ material: "gutta_percha", host: "pulp", role: "restoration:root_filling", fdi });
        if (v.mesh === tooth.pulp) return; // no valid inset copy: the pulp space itself
        expectInHost(v, tooth, `${fdi} root filling`);
        // An obturation fills the canal to its walls and reaches the apex (not a small solid in the chamber).
        expect(signedVolume(v.mesh) / signedVolume(tooth.pulp)).toBeGreaterThan(0.75);
        const pulp = boundsOf(tooth.pulp);
        const filling = boundsOf(v.mesh);
        expect(filling[2] - pulp[2]).toBeLessThan(0.5);
        expect(pulp[5] - filling[5]).toBeLessThan(0.5);
      });
    }
  }
  it("most teeth get an inset copy, not the pulp surface itself", () => {
    const inset = [11, 13, 16, 36, 38].filter((fdi) => {
      const tooth = toothOf(fdi);
      return buildRootFilling(tooth, new ShellGuard(tooth)).mesh !== tooth.pulp;
    });
    expect(inset).toEqual([11, 13, 16, 36, 38]);
  });
});

describe("implants and pontics", () => {
  for (const fdi of [11, 22, 31, 13, 25, 36, 17]) {
    const shape = renderTooth(fdi, new Rng("implant-test").fork(`tooth-${fdi}`), { noise: false });
    it(`${fdi}: titanium fixture, abutment inside the crown, crown above the fixture`, () => {
      const [fixture, post, crown] = buildImplant(shape, [labCase(fdi, "monolithic_zirconia", "implant_crown")], new Rng("i"));
      expect(fixture).toMatchObject({ material: "titanium", host: "surroundings", role: "restoration:implant_fixture" });
      expect(post).toMatchObject({ material: "titanium", host: "zirconia", role: "restoration:abutment" });
      expect(crown).toMatchObject({ material: "zirconia", host: "surroundings", role: "restoration:crown" });
      for (const v of [fixture!, post!, crown!]) expectSolid(v.mesh, `${fdi} ${v.role}`);
      expectInside(post!.mesh, crown!.mesh, `${fdi} abutment in crown`);
      expectDisjoint(fixture!.mesh, crown!.mesh, `${fdi} fixture/crown`);
      const [xMin, yMin, zMin, xMax, yMax, zMax] = boundsOf(fixture!.mesh);
      expect(zMax).toBeLessThan(-SHOULDER_DEPTH + 1e-6);
      expect(zMax - zMin).toBeCloseTo(fdi === 13 ? 11.5 : IMPLANT_LENGTH, 1);
      expect(Math.max(xMax - xMin, yMax - yMin)).toBeCloseTo(implantDiameter(fdi), 1);
    });

    it(`${fdi}: a pontic is a crown with no root`, () => {
      const [pontic] = buildPontic(shape, [], new Rng("p"));
      expect(pontic).toMatchObject({ host: "surroundings", role: "restoration:pontic", fdi });
      expectSolid(pontic!.mesh, `${fdi} pontic`);
      const [, , zMin, , , zMax] = boundsOf(pontic!.mesh);
      expect(zMin).toBeGreaterThanOrEqual(-PONTIC_BASE - 1e-6);
      expect(zMax).toBeCloseTo(boundsOf(shape.outer)[5], 3);
    });
  }
});
