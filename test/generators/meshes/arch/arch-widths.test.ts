import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { INTERCANINE_WIDTH, INTERMOLAR_FA_WIDTH, sampleArchWidths } from "../../../../generators/meshes/arch/arch-form.js";
import { applyMat4 } from "../../../../generators/meshes/arch/mat4.js";
import { placeTeethFromDimensions, type ToothPose } from "../../../../generators/meshes/arch/place-teeth.js";
import { WHEELER } from "../../../../generators/meshes/tooth/index.js";
import { archOf, toothTypeOf } from "../../../../generators/patient/dentition.js";
import { fullJaw, jawQuadrants } from "./placeholder-crowns.js";

const at = (pose: ToothPose, p: readonly number[]) => {
  const out = [0, 0, 0];
  applyMat4(pose.transform, p[0]!, p[1]!, p[2]!, out);
  return out;
};

describe("arch widths of the mean-shape arch", () => {
  for (const jaw of ["upper", "lower"] as const) {
    it(`puts the canine cusp tips and the first molars' FA points within the cited mean ± 1 SD (${jaw})`, () => {
      const dims = fullJaw(jaw).map((fdi) => ({ fdi, dimensions: WHEELER[archOf(fdi)][toothTypeOf(fdi)] }));
      const layout = placeTeethFromDimensions(jaw, dims, new Rng("widths"), { variation: false });
      const [qa, qb] = jawQuadrants(jaw) as [number, number];
      const pose = (fdi: number) => layout.teeth.find((t) => t.fdi === fdi)!;
      // Cusp tip: the top of the tooth axis (the tooth generator's canine cusp sits on it).
      const canine = WHEELER[jaw].canine;
      const tip = (fdi: number) => at(pose(fdi), [0, 0, canine.crownLength]);
      const [ta, tb] = [tip(qa * 10 + 3), tip(qb * 10 + 3)];
      const intercanine = Math.hypot(ta[0]! - tb[0]!, ta[1]! - tb[1]!);
      // FA point: the buccal surface on the facial axis at mid clinical crown (margin 0.7 mm above the CEJ).
      const molar = WHEELER[jaw].first_molar;
      const fa = (fdi: number) => at(pose(fdi), [0, molar.blCrown / 2, (0.7 + molar.crownLength) / 2]);
      const [fa1, fa2] = [fa(qa * 10 + 6), fa(qb * 10 + 6)];
      const intermolar = Math.hypot(fa1[0]! - fa2[0]!, fa1[1]! - fa2[1]!);
      const c = INTERCANINE_WIDTH[jaw];
      const m = INTERMOLAR_FA_WIDTH[jaw];
      expect(Math.abs(intercanine - c.mean), `intercanine ${intercanine.toFixed(2)}`).toBeLessThan(c.sd);
      expect(Math.abs(intermolar - m.mean), `intermolar ${intermolar.toFixed(2)}`).toBeLessThan(m.sd);
    });
  }

  it("draws intercanine widths around the cited mean, within ±1.5 SD", () => {
    const rng = new Rng("draws");
    const draws = Array.from({ length: 2000 }, (_, i) => sampleArchWidths("lower", rng.fork(`p${i}`)).intercanineWidth);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const { mean: mu, sd } = INTERCANINE_WIDTH.lower;
    expect(Math.abs(mean - mu)).toBeLessThan(0.1);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(mu - 1.5 * sd - 1e-9);
    expect(Math.max(...draws)).toBeLessThanOrEqual(mu + 1.5 * sd + 1e-9);
  });
});
