import { describe, expect, it } from "vitest";
import { logChoose, logGamma } from "../../../evaluation/stats/log-gamma.js";

describe("logGamma", () => {
  it("matches scipy.special.gammaln", () => {
    // >>> gammaln(0.5), gammaln(10.3), gammaln(1000.5)
    // 0.5723649429247 13.482036786138359 5908.674175848678
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247, 13);
    expect(logGamma(10.3)).toBeCloseTo(13.482036786138359, 12);
    expect(logGamma(1000.5) / 5908.674175848678).toBeCloseTo(1, 14);
    expect(Math.exp(logChoose(10, 3))).toBeCloseTo(120, 9);
  });
});
