import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { applyMat4, transformMesh } from "../../../../generators/meshes/arch/mat4.js";
import { OVERJET, placeDentition, type DentitionPlacement } from "../../../../generators/meshes/arch/place-dentition.js";
import { morphologyOf, renderTooth, WHEELER, type ToothMeshes } from "../../../../generators/meshes/tooth/index.js";
import { archOf, positionOf, toothTypeOf } from "../../../../generators/patient/dentition.js";
import { fullJaw, surfaceContact } from "./placeholder-crowns.js";

const ALL = [...fullJaw("upper"), ...fullJaw("lower")];
const meanTeeth = ALL.map((fdi) => ({ fdi, dimensions: WHEELER[archOf(fdi)][toothTypeOf(fdi)] }));
const tooth = (d: DentitionPlacement, fdi: number) => d.teeth.find((t) => t.fdi === fdi)!;
const at = (d: DentitionPlacement, fdi: number, p: readonly number[]) => {
  const out = [0, 0, 0];
  applyMat4(tooth(d, fdi).toHead, p[0]!, p[1]!, p[2]!, out);
  return out;
};

describe("placeDentition", () => {
  const mean = placeDentition(meanTeeth, new Rng("mean"), { variation: false });

  it("uses the stated head frame: RAS, incisors anterior, upper crowns down, occlusal plane at z = 0", () => {
    for (const fdi of [16, 46]) expect(tooth(mean, fdi).centre[0]).toBeGreaterThan(15); // patient's right
    for (const fdi of [26, 36]) expect(tooth(mean, fdi).centre[0]).toBeLessThan(-15);
    expect(tooth(mean, 11).centre[1]).toBeGreaterThan(tooth(mean, 16).centre[1] + 20);
    for (const t of mean.teeth) {
      const axisZ = t.toHead[10]!; // z of the image of the tooth's +z (occlusal) axis
      if (t.jaw === "upper") expect(axisZ).toBeLessThan(-0.7);
      else expect(axisZ).toBeGreaterThan(0.7);
    }
    const tip = (fdi: number) => at(mean, fdi, [0, 0, WHEELER[archOf(fdi)][toothTypeOf(fdi)].crownLength])[2]!;
    expect(Math.abs((tip(16) + tip(26) + tip(36) + tip(46)) / 4)).toBeLessThan(0.05);
    // The arch tangent and buccal normal of a tooth are unit, horizontal and perpendicular.
    for (const t of mean.teeth) {
      expect(Math.hypot(...t.distal)).toBeCloseTo(1, 6);
      expect(Math.abs(t.distal[2])).toBeLessThan(1e-9);
      expect(t.distal[0] * t.buccal[0] + t.distal[1] * t.buccal[1]).toBeCloseTo(0, 6);
    }
  });

  for (const variation of [false, true]) {
    it(`puts the first molars in Angle Class I within 0.3 mm (variation ${variation})`, () => {
      const d = variation ? placeDentition(meanTeeth, new Rng("class-1")) : mean;
      // Upper mesiobuccal cusp tip and lower buccal groove (between the mesiobuccal and distobuccal cusps), from
      // the tooth generator's cusp layout, along the arch (y) on each side.
      for (const [u, l] of [[16, 46], [26, 36]] as const) {
        const um = morphologyOf("upper", "first_molar");
        const lm = morphologyOf("lower", "first_molar");
        const ud = WHEELER.upper.first_molar;
        const ld = WHEELER.lower.first_molar;
        const cusp = at(d, u, [(um.cusps[0]!.x * um.occlusalTable[0] * ud.mdCrown) / 2, (um.cusps[0]!.y * um.occlusalTable[1] * ud.blCrown) / 2, ud.crownLength]);
        const gx = (lm.cusps[0]!.x + lm.cusps[1]!.x) / 2;
        const gy = (lm.cusps[0]!.y + lm.cusps[1]!.y) / 2;
        const groove = at(d, l, [(gx * lm.occlusalTable[0] * ld.mdCrown) / 2, (gy * lm.occlusalTable[1] * ld.blCrown) / 2, ld.crownLength]);
        expect(Math.abs(cusp[1]! - groove[1]!), `${u}/${l}`).toBeLessThan(0.3);
      }
    });
  }

  it("builds the overbite asked for and reports an overjet within mean ± 2.5 SD", () => {
    for (const overbite of [1.5, 3]) {
      const d = placeDentition(meanTeeth, new Rng("bite"), { overbite });
      const tipZ = (fdi: number) => at(d, fdi, [0, 0, WHEELER[archOf(fdi)][toothTypeOf(fdi)].crownLength])[2]!;
      const measured = (tipZ(31) + tipZ(41)) / 2 - (tipZ(11) + tipZ(21)) / 2;
      expect(Math.abs(measured - overbite)).toBeLessThan(0.05);
      expect(Math.abs(d.overbite - overbite)).toBeLessThan(0.05);
      expect(Math.abs(d.overjet - OVERJET.mean)).toBeLessThan(2.5 * OVERJET.sd);
    }
  });

  it("seats the posterior crowns in contact (first contact ≤ 0.3 mm, other side ≤ 0.6 mm) without interpenetrating more than 0.3 mm, upper buccal of lower", () => {
    // Meshes rendered from the same dimensions and moved into the head frame.
    const rng = new Rng("bite-meshes");
    const posterior = ALL.filter((fdi) => positionOf(fdi) >= 4);
    const rendered = new Map<number, ToothMeshes>(posterior.map((fdi) => [fdi, renderTooth(fdi, rng.fork(`tooth-${fdi}`), { resolution: 0.6 })]));
    const teeth = ALL.map((fdi) => ({ fdi, dimensions: rendered.get(fdi)?.dimensions ?? WHEELER[archOf(fdi)][toothTypeOf(fdi)] }));
    const d = placeDentition(teeth, rng.fork("dentition"));
    const mesh = (fdi: number) => transformMesh(rendered.get(fdi)!.outer, tooth(d, fdi).toHead);
    const closest = { right: Infinity, left: Infinity };
    for (const u of posterior.filter((f) => archOf(f) === "upper")) {
      for (const l of posterior.filter((f) => archOf(f) === "lower")) {
        if (Math.abs(tooth(d, u).centre[1] - tooth(d, l).centre[1]) > 12 || Math.sign(tooth(d, u).centre[0]) !== Math.sign(tooth(d, l).centre[0])) continue;
        const c = surfaceContact(mesh(u), mesh(l));
        expect(c.penetration, `${u}/${l}`).toBeLessThanOrEqual(0.3);
        const side = tooth(d, u).centre[0] > 0 ? "right" : "left";
        closest[side] = Math.min(closest[side], c.gap);
      }
    }
    // The jaw closes until its first contact (one side, with per-tooth variation), so the other side may stand
    // a little open: within 0.6 mm.
    expect(Math.min(closest.right, closest.left)).toBeLessThanOrEqual(0.3);
    expect(Math.max(closest.right, closest.left)).toBeLessThanOrEqual(0.6);
    // Upper first molars' buccal face outside the lower's, along the lower molar's buccal normal.
    for (const [u, l] of [[16, 46], [26, 36]] as const) {
      const n = tooth(d, l).buccal;
      const extent = (fdi: number) => {
        const p = mesh(fdi).positions;
        let best = -Infinity;
        for (let i = 0; i < p.length; i += 3) best = Math.max(best, p[i]! * n[0] + p[i + 1]! * n[1]);
        return best;
      };
      expect(extent(u) - extent(l), `${u} vs ${l}`).toBeGreaterThan(0.5);
    }
  });

  it("is deterministic in bytes", () => {
    const a = placeDentition(meanTeeth, new Rng("same"));
    const b = placeDentition(meanTeeth, new Rng("same"));
    expect(a.teeth.map((t) => Buffer.from(t.toHead.buffer).toString("hex"))).toEqual(b.teeth.map((t) => Buffer.from(t.toHead.buffer).toString("hex")));
  });
});
