import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.js";

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
};
const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

describe("Rng", () => {
  it("gives the same stream for the same seed and different streams for different seeds", () => {
    const a = draw(5, ((r) => () => r.next())(new Rng("s")));
    const b = draw(5, ((r) => () => r.next())(new Rng("s")));
    const c = draw(5, ((r) => () => r.next())(new Rng("t")));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("derives record streams from (master seed, generator, index) alone", () => {
    const direct = Rng.forRecord("42", "patient", 7).next();
    // Drawing other records first must not change record 7.
    for (let i = 0; i < 7; i++) Rng.forRecord("42", "patient", i).next();
    expect(Rng.forRecord("42", "patient", 7).next()).toBe(direct);
    expect(Rng.forRecord("42", "patient", 8).next()).not.toBe(direct);
    expect(Rng.forRecord("42", "meshes", 7).next()).not.toBe(direct);
  });

  it("forks by label independently of how much the parent has drawn", () => {
    const r1 = new Rng("p");
    const r2 = new Rng("p");
    for (let i = 0; i < 100; i++) r2.next();
    expect(r1.fork("perio").next()).toBe(r2.fork("perio").next());
    expect(r1.fork("perio").next()).not.toBe(r1.fork("caries").next());
  });

  it("snapshots and restores the stream exactly", () => {
    const r = new Rng("snap");
    for (let i = 0; i < 10; i++) r.normal();
    const saved = r.snapshot();
    const ahead = draw(5, () => r.normal());
    const restored = Rng.restore(JSON.parse(JSON.stringify(saved)));
    expect(draw(5, () => restored.normal())).toEqual(ahead);
  });

  it("draws uniform numbers in [0, 1) with mean 1/2 and variance 1/12", () => {
    const r = new Rng("uniform");
    const xs = draw(20000, () => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 2);
    expect(variance(xs)).toBeCloseTo(1 / 12, 2);
  });

  it("draws normals with the requested mean and sd", () => {
    const r = new Rng("normal");
    const xs = draw(20000, () => r.normal(3, 2));
    expect(Math.abs(mean(xs) - 3)).toBeLessThan(0.05);
    expect(Math.abs(Math.sqrt(variance(xs)) - 2)).toBeLessThan(0.05);
  });

  it("draws gamma(k, theta) with mean k*theta and variance k*theta^2, also for k < 1", () => {
    for (const [k, theta] of [
      [0.5, 2],
      [3, 1.5],
    ] as const) {
      const r = new Rng(`gamma-${k}`);
      const xs = draw(40000, () => r.gamma(k, theta));
      expect(Math.abs(mean(xs) - k * theta) / (k * theta)).toBeLessThan(0.03);
      expect(Math.abs(variance(xs) - k * theta * theta) / (k * theta * theta)).toBeLessThan(0.08);
    }
  });

  it("draws beta(a, b) with mean a/(a+b)", () => {
    const r = new Rng("beta");
    const xs = draw(20000, () => r.beta(2, 5));
    expect(Math.abs(mean(xs) - 2 / 7)).toBeLessThan(0.01);
  });

  it("draws Poisson counts with mean and variance lambda, on both sides of the method switch", () => {
    for (const lambda of [0.7, 4, 50]) {
      const r = new Rng(`poisson-${lambda}`);
      const xs = draw(20000, () => r.poisson(lambda));
      expect(Math.abs(mean(xs) - lambda) / lambda).toBeLessThan(0.03);
      expect(Math.abs(variance(xs) - lambda) / lambda).toBeLessThan(0.08);
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    }
  });

  it("picks by weight", () => {
    const r = new Rng("pick");
    const xs: string[] = Array.from({ length: 30000 }, () => r.pick(["a", "b", "c"], [1, 2, 7]));
    expect(xs.filter((x) => x === "c").length / xs.length).toBeCloseTo(0.7, 1);
    expect(xs.filter((x) => x === "a").length / xs.length).toBeCloseTo(0.1, 1);
    expect(() => r.pick([])).toThrow("pick requires at least one item");
  });

  it("shuffles into a permutation without touching the input", () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = new Rng("shuffle").shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual(input);
  });
});
