import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { renderTooth } from "../../../../generators/meshes/tooth/render-tooth.js";
import { measure } from "./tooth-checks.js";

const bytes = (a: Float32Array | Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe("renderTooth", () => {
  it("is pure in its inputs: the same seed gives identical bytes", () => {
    const a = renderTooth(36, new Rng("same"), { patientScale: 1.03 });
    const b = renderTooth(36, new Rng("same"), { patientScale: 1.03 });
    for (const layer of ["outer", "dentin", "pulp"] as const) {
      expect(bytes(a[layer].positions).equals(bytes(b[layer].positions)), layer).toBe(true);
      expect(bytes(a[layer].indices).equals(bytes(b[layer].indices)), layer).toBe(true);
    }
    expect(a.dimensions).toEqual(b.dimensions);
  });

  it("gives different positions (same topology) for another seed", () => {
    const a = renderTooth(36, new Rng("one"));
    const b = renderTooth(36, new Rng("two"));
    expect(bytes(a.outer.positions).equals(bytes(b.outer.positions))).toBe(false);
    expect(bytes(a.outer.indices).equals(bytes(b.outer.indices))).toBe(true);
    expect(a.dimensions).not.toEqual(b.dimensions);
  });

  it("changes only the surface, not the dimensions, when the noise is switched off", () => {
    const noisy = renderTooth(21, new Rng("noise"));
    const smooth = renderTooth(21, new Rng("noise"), { noise: false });
    expect(smooth.dimensions).toEqual(noisy.dimensions);
    expect(bytes(smooth.outer.positions).equals(bytes(noisy.outer.positions))).toBe(false);
    expect(bytes(smooth.dentin.positions).equals(bytes(noisy.dentin.positions))).toBe(true);
    expect(Math.abs(measure(smooth).md - measure(noisy).md)).toBeLessThan(0.1);
  });

  it("scales with the patient factor", () => {
    const base = measure(renderTooth(46, new Rng("s"), { variation: false, noise: false }));
    const big = measure(renderTooth(46, new Rng("s"), { variation: false, noise: false, patientScale: 1.1 }));
    expect(big.md / base.md).toBeCloseTo(1.1, 2);
    expect(big.root / base.root).toBeCloseTo(1.1, 1);
  });

  it("scales triangle counts with the resolution option", () => {
    const count = (resolution: number) => renderTooth(11, new Rng("r"), { resolution }).outer.indices.length / 3;
    expect(count(2) / count(1)).toBeGreaterThan(3.5);
    expect(count(0.5) / count(1)).toBeLessThan(0.3);
  });

  it("rejects an invalid FDI number, resolution or patient scale", () => {
    expect(() => renderTooth(19, new Rng("x"))).toThrow("invalid fdi: 19");
    expect(() => renderTooth(11, new Rng("x"), { resolution: 0 })).toThrow("invalid resolution");
    expect(() => renderTooth(11, new Rng("x"), { patientScale: 3 })).toThrow("invalid patientScale");
  });

  it("gives mirror-image quadrants the same local shape", () => {
    const right = renderTooth(16, new Rng("q"), { variation: false, noise: false });
    const left = renderTooth(26, new Rng("q"), { variation: false, noise: false });
    expect(bytes(left.outer.positions).equals(bytes(right.outer.positions))).toBe(true);
  });
});
