import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { INTERMOLAR_DEPTH } from "../../../../generators/meshes/arch/arch-form.js";
import { applyMat4, linearDeterminant } from "../../../../generators/meshes/arch/mat4.js";
import { WHEELER } from "../../../../generators/meshes/tooth/wheeler-table.js";
import { placeTeeth, placeTeethFromDimensions, type PlacedTooth } from "../../../../generators/meshes/arch/place-teeth.js";
import { toothTypeOf } from "../../../../generators/patient/dentition.js";
import { contact, crownsOf, fullJaw, jawQuadrants } from "./placeholder-crowns.js";

const translation = (t: PlacedTooth) => [t.transform[12] as number, t.transform[13] as number, t.transform[14] as number];
const centroid = (t: PlacedTooth) => {
  const p = t.mesh.positions;
  const c = [0, 0, 0];
  for (let i = 0; i < p.length; i += 3) for (let k = 0; k < 3; k++) c[k]! += p[i + k]! / (p.length / 3);
  return c;
};

describe("placeTeeth", () => {
  for (const jaw of ["upper", "lower"] as const) {
    const [qa, qb] = jawQuadrants(jaw) as [number, number];

    it(`is mirror-symmetric about x = 0 without variation (${jaw})`, () => {
      const placement = placeTeeth(jaw, crownsOf(fullJaw(jaw, true)), new Rng("sym"), { variation: false });
      for (let p = 1; p <= 8; p++) {
        const a = translation(placement.teeth.find((t) => t.fdi === qa * 10 + p)!);
        const b = translation(placement.teeth.find((t) => t.fdi === qb * 10 + p)!);
        expect(a[0]!).toBeCloseTo(-b[0]!, 2);
        expect(a[1]!).toBeCloseTo(b[1]!, 2);
        expect(a[2]!).toBeCloseTo(b[2]!, 2);
      }
      // Quadrants 1 and 3 keep the tooth frame's handedness; 2 and 4 are mirrored.
      for (const t of placement.teeth) {
        const mirrored = Math.floor(t.fdi / 10) % 2 === 0;
        expect(t.mirrored).toBe(mirrored);
        expect(linearDeterminant(t.transform) < 0).toBe(mirrored);
      }
    });

    it(`puts the first molars within one SD of the published intermolar depth (${jaw})`, () => {
      // Mina et al.'s landmarks: the incisal point (top of the central incisor's axis) and the first molars' FA
      // points (buccal surface at mid clinical crown), along y. Measured on the tooth generator's mean shapes
      // (placed from their dimensions): the ellipsoid stand-ins have no convergent labial face, so they stand
      // nearly upright and their incisal point sits 1.5-2.5 mm lingual of a real incisor's.
      const dims = fullJaw(jaw).map((fdi) => ({ fdi, dimensions: WHEELER[jaw][toothTypeOf(fdi)] }));
      const layout = placeTeethFromDimensions(jaw, dims, new Rng("depth"), { variation: false });
      const at = (fdi: number, p: readonly number[]) => {
        const out = [0, 0, 0];
        applyMat4(layout.teeth.find((t) => t.fdi === fdi)!.transform, p[0]!, p[1]!, p[2]!, out);
        return out;
      };
      const central = WHEELER[jaw].central_incisor;
      const molar = WHEELER[jaw].first_molar;
      const incisal = at(qa * 10 + 1, [0, 0, central.crownLength])[1]!;
      const fa = at(qa * 10 + 6, [0, molar.blCrown / 2, (0.7 + molar.crownLength) / 2])[1]!;
      const { mean, sd } = INTERMOLAR_DEPTH[jaw];
      expect(Math.abs(incisal - fa - mean)).toBeLessThan(sd);
    });

    for (const variation of [false, true]) {
      it(`makes neighbours touch: gap ≤ 0.5 mm, overlap ≤ 0.3 mm (${jaw}, variation ${variation})`, () => {
        const placement = placeTeeth(jaw, crownsOf(fullJaw(jaw, true), 96, 48), new Rng(`contact-${jaw}`), { variation });
        const byFdi = new Map(placement.teeth.map((t) => [t.fdi, t.mesh]));
        const pairs: [number, number][] = [[qa * 10 + 1, qb * 10 + 1]];
        for (const q of [qa, qb]) for (let p = 1; p < 8; p++) pairs.push([q * 10 + p, q * 10 + p + 1]);
        for (const [a, b] of pairs) {
          const c = contact(byFdi.get(a)!, byFdi.get(b)!);
          expect(c.gap, `${a}-${b} gap`).toBeLessThanOrEqual(0.5);
          expect(c.penetration, `${a}-${b} overlap`).toBeLessThanOrEqual(0.3);
        }
      });
    }
  }

  it("keeps the space of a missing tooth and leaves it out", () => {
    const fdis = fullJaw("lower").filter((f) => f !== 36 && f !== 42);
    const placement = placeTeeth("lower", crownsOf(fdis), new Rng("gap"), { variation: false });
    expect(placement.teeth.map((t) => t.fdi)).toEqual(fdis);
    expect(placement.spaces.map((s) => s.fdi)).toEqual([36, 42]);
    const space = placement.spaces[0]!;
    expect(Math.abs(space.arcDistal - space.arcMesial)).toBeCloseTo(11.0, 1); // Wheeler MD of 36
    const m = placement.teeth.find((t) => t.fdi === 35)!;
    const d = placement.teeth.find((t) => t.fdi === 37)!;
    expect(space.arcMesial).toBeCloseTo(m.arcDistal, 6);
    expect(space.arcDistal).toBeCloseTo(d.arcMesial, 6);
  });

  it("rejects teeth of the other jaw and duplicates", () => {
    expect(() => placeTeeth("upper", crownsOf([31]), new Rng("x"))).toThrow(/invalid fdi/);
    expect(() => placeTeeth("upper", crownsOf([11, 11]), new Rng("x"))).toThrow(/duplicate fdi/);
  });

  it("is deterministic for a seed and varies between seeds", () => {
    const crowns = crownsOf(fullJaw("upper"));
    const a = placeTeeth("upper", crowns, new Rng("seed"));
    const b = placeTeeth("upper", crowns, new Rng("seed"));
    const c = placeTeeth("upper", crowns, new Rng("other"));
    expect(a.teeth.map((t) => Array.from(t.transform))).toEqual(b.teeth.map((t) => Array.from(t.transform)));
    expect(a.form).toEqual(b.form);
    expect(a.form).not.toEqual(c.form);
  });
});
