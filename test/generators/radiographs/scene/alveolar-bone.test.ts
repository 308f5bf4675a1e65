import { describe, expect, it } from "vitest";
import { AlveolarBone, type BoneNode, type BoneSample } from "../../../../generators/radiographs/scene/alveolar-bone.js";

const sample = (): BoneSample => ({ s: 0, depth: 0, path: 0, reach: 0, obliquity: 1, piece: -1 });
/** A straight lower arch along x at y = 0, crest at z = -2, 8 mm wide. */
const straight: BoneNode[] = [-20, -10, 0, 10, 20].map((x) => ({ x, y: 0, crestZ: -2, width: 8 }));

describe("AlveolarBone", () => {
  it("gives the width as the path of a ray perpendicular to the arch, and nothing above the crest", () => {
    const bone = new AlveolarBone("lower", straight, [0, 1, 0], 5, [-30, 30]);
    const below = bone.sample(3, 5, -4, sample()); // 2 mm below the crest
    expect(below.depth).toBeCloseTo(2, 6);
    expect(below.s).toBeCloseTo(23, 6);
    // width 8 + 2 × 0.12 × 2 (flare) = 8.48
    expect(below.path).toBeCloseTo(8.48, 6);
    expect(bone.sample(3, 5, -1, sample()).path).toBe(0);
  });

  it("lengthens the path by 1/cos for an oblique beam and reads the crossing's height back along the ray", () => {
    const angle = (20 * Math.PI) / 180;
    // Beam tilted 20° in the horizontal plane and 10° downward.
    const down = (10 * Math.PI) / 180;
    const d: [number, number, number] = [Math.sin(angle) * Math.cos(down), Math.cos(angle) * Math.cos(down), -Math.sin(down)];
    const bone = new AlveolarBone("lower", straight, d, 50, [-40, 40]);
    // Sensor point 10 mm beyond the arch along the beam from (0, 0, -5).
    const p = [0 + 10 * d[0], 0 + 10 * d[1], -5 + 10 * d[2]];
    const s = bone.sample(p[0]!, p[1]!, p[2]!, sample());
    expect(s.depth).toBeCloseTo(3, 2);
    expect(s.obliquity).toBeCloseTo(1 / (Math.cos(angle) * Math.cos(down)), 3);
    expect(s.path).toBeCloseTo((8 + 2 * 0.12 * 3) * s.obliquity, 2);
  });

  it("keeps the crossing on the source side of the sensor (the near side of a curved arch)", () => {
    // A U-shaped upper arch: near side at y = 0, far side at y = 40; the beam travels +y, sensor at w = 10.
    const u: BoneNode[] = [
      { x: 20, y: 0, crestZ: 2, width: 8 },
      { x: -20, y: 0, crestZ: 2, width: 8 },
      { x: -25, y: 20, crestZ: 2, width: 8 },
      { x: -20, y: 40, crestZ: 6, width: 8 },
      { x: 20, y: 40, crestZ: 6, width: 8 },
    ];
    const bone = new AlveolarBone("upper", u, [0, 1, 0], 10, [-30, 30]);
    const s = bone.sample(5, 10, 4, sample());
    expect(s.depth).toBeCloseTo(2, 6); // measured against the near crest (z = 2), not the far one (z = 6)
  });

  it("refuses a near-vertical beam", () => {
    expect(() => new AlveolarBone("lower", straight, [0, 0.1, -0.995], 5, [-30, 30])).toThrow(/steep/);
  });
});
