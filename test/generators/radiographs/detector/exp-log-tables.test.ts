import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { expNeg, logOf } from "../../../../generators/radiographs/detector/exp-log-tables.js";

describe("expNeg and logOf", () => {
  it("agree with Math.exp (relative 1e-11) and Math.log (absolute 2e-10), inside and outside the tables", () => {
    const rng = new Rng("exp-log");
    let expWorst = 0;
    let logWorst = 0;
    const xs = [0, 1 / 64, 1, 63.999, 64, 100, -0.5, ...Array.from({ length: 20000 }, () => rng.uniform(0, 70))];
    for (const x of xs) expWorst = Math.max(expWorst, Math.abs(expNeg(x) / Math.exp(-x) - 1));
    const ys = [0.5, 1, 63.9, 64, 64.5, 16383.99, 16384, 1e6, ...Array.from({ length: 20000 }, () => rng.uniform(1, 17000))];
    for (const y of ys) logWorst = Math.max(logWorst, Math.abs(logOf(y) - Math.log(y)));
    expect(expWorst).toBeLessThan(1e-11);
    expect(logWorst).toBeLessThan(2e-10);
  });

  it("round to the same float32 as Math.exp / Math.log at detector values but for rare ties", () => {
    const rng = new Rng("exp-log-f32");
    let counts = 0;
    let logs = 0;
    const n = 100000;
    for (let k = 0; k < n; k++) {
      const L = Math.fround(rng.uniform(0, 8));
      if (Math.fround(5000 * expNeg(L)) !== Math.fround(5000 * Math.exp(-L))) counts++;
      const s = Math.fround(rng.uniform(64, 16000));
      if (Math.fround(9.2 - logOf(s)) !== Math.fround(9.2 - Math.log(s))) logs++;
    }
    expect(counts / n).toBeLessThan(1e-3);
    expect(logs / n).toBeLessThan(1e-2);
  });
});
