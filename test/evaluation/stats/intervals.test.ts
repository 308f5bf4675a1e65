import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import {
  bootstrapPercentile,
  bootstrapStratified,
  meanOverEntities,
  normalQuantile,
  quantile,
  quantileSorted,
  sampleWithoutReplacement,
  wilsonInterval,
  zForLevel,
} from "../../../evaluation/stats/intervals.js";

describe("normalQuantile (AS 241)", () => {
  // Reference: scipy 1.10 `scipy.stats.norm.ppf(p)`:
  //   0.975 → 1.959963984540054, 0.995 → 2.5758293035489004, 0.5 → 0.0, 0.1 → -1.2815515655446004,
  //   1e-10 → -6.361340902404056, 0.9999999 → 5.199337582290661, 0.3 → -0.5244005127080409
  it.each([
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.5, 0],
    [0.1, -1.2815515655446004],
    [1e-10, -6.361340902404056],
    [0.9999999, 5.199337582290661],
    [0.3, -0.5244005127080409],
  ])("Φ⁻¹(%s) = %s", (p, expected) => {
    expect(normalQuantile(p)).toBeCloseTo(expected, 13);
  });

  it("maps the ends to infinities and rejects probabilities outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => zForLevel(1)).toThrow(/strictly between 0 and 1/);
  });
});

describe("wilsonInterval", () => {
  // statsmodels is not installed next to scipy here, so the references come from the Wilson formula, as
  // statsmodels' proportion_confint(method="wilson") computes it (z = norm.ppf(0.975)):
  //   c = (k + z²/2)/(n + z²); h = z/(n + z²)·sqrt(k(n−k)/n + z²/4); [max(0, c−h), min(1, c+h)]
  //   (7, 10)   → 0.3967781474611453, 0.8922087325936989, centre 0.6444934400274221
  //   (0, 20)   → 0 (1.4e-17),        0.16112515805281935
  //   (20, 20)  → 0.8388748419471808, 1
  //   (250, 500)→ 0.4563412653024843, 0.5436587346975157 (half-width 0.0437, cf. Anonymeter's ±0.044 at n=500)
  //   (25, 500) → 0.034093745243849435, 0.0727681611715476 (half-width 0.019)
  it.each([
    [7, 10, 0.3967781474611453, 0.8922087325936989],
    [0, 20, 0, 0.16112515805281935],
    [20, 20, 0.8388748419471808, 1],
    [250, 500, 0.4563412653024843, 0.5436587346975157],
    [25, 500, 0.034093745243849435, 0.0727681611715476],
  ])("%i of %i", (k, n, lower, upper) => {
    const w = wilsonInterval(k, n);
    expect(w.lower).toBeCloseTo(lower, 12);
    expect(w.upper).toBeCloseTo(upper, 12);
    expect(w.method).toBe("wilson");
    expect(w.proportion).toBe(k / n);
  });

  it("returns the Anonymeter-style centre and half-width", () => {
    const w = wilsonInterval(7, 10);
    expect(w.center).toBeCloseTo(0.6444934400274221, 12);
    expect(w.center - w.halfWidth).toBeCloseTo(w.lower, 12);
  });

  it("is [0, 1] without trials and rejects impossible counts", () => {
    expect(wilsonInterval(0, 0)).toMatchObject({ lower: 0, upper: 1 });
    expect(() => wilsonInterval(3, 2)).toThrow(/successes <= trials/);
    expect(() => wilsonInterval(1.5, 2)).toThrow();
  });
});

describe("quantiles", () => {
  // numpy: np.quantile([1, 2, 3, 4, 10], [0.1, 0.5, 0.75]) → [1.4, 3.0, 4.0]
  it("interpolates like numpy's default (type 7)", () => {
    const v = [1, 2, 3, 4, 10];
    expect(quantileSorted(v, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileSorted(v, 0.5)).toBe(3);
    expect(quantileSorted(v, 0.75)).toBe(4);
    expect(quantile([10, Number.NaN, 4, 1, 3, 2], 0.1)).toBeCloseTo(1.4, 12);
    expect(Number.isNaN(quantileSorted([], 0.5))).toBe(true);
  });
});

describe("sampling", () => {
  it("draws distinct sorted indices, reproducibly", () => {
    const a = sampleWithoutReplacement(1000, 50, new Rng("s"));
    const b = sampleWithoutReplacement(1000, 50, new Rng("s"));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(new Set(a).size).toBe(50);
    expect(Array.from(a)).toEqual(Array.from(a).sort((x, y) => x - y));
    expect(sampleWithoutReplacement(5, 10, new Rng("s")).length).toBe(5);
  });
});

describe("bootstrapPercentile", () => {
  it("is seeded and covers the mean of a normal sample at about the nominal rate", () => {
    // 200 samples of 50 N(0,1) values: the 95 % interval of the mean should contain 0 about 95 % of the time.
    const rng = new Rng("coverage");
    let covered = 0;
    for (let rep = 0; rep < 200; rep++) {
      const x = Float64Array.from({ length: 50 }, () => rng.normal());
      const { interval } = bootstrapPercentile(
        50,
        (idx) => {
          let s = 0;
          for (const i of idx) s += x[i] as number;
          return s / idx.length;
        },
        { rng: rng.fork(`boot-${rep}`), resamples: 300 },
      );
      if (interval.lower <= 0 && interval.upper >= 0) covered++;
    }
    // Binomial(200, 0.95) lies in [180, 198] with probability > 0.99; percentile intervals undercover slightly.
    expect(covered).toBeGreaterThanOrEqual(178);
    expect(covered).toBeLessThanOrEqual(199);
  });

  it("gives identical intervals for identical seeds and records the seed", () => {
    const x = [1, 5, 2, 8, 3];
    const stat = (idx: Int32Array) => idx.reduce((s, i) => s + (x[i] as number), 0) / idx.length;
    const a = bootstrapPercentile(5, stat, { rng: new Rng("r"), resamples: 100 });
    const b = bootstrapPercentile(5, stat, { rng: new Rng("r"), resamples: 100 });
    expect(a.interval).toEqual(b.interval);
    expect(a.seed).toBe("r");
    expect(a.interval.method).toBe("bootstrap");
  });

  it("keeps stratum sizes in a stratified bootstrap", () => {
    const sizes: number[][] = [];
    bootstrapStratified([3, 7], (g) => (sizes.push(g.map((x) => x.length)), 0), { rng: new Rng("q"), resamples: 5 });
    expect(sizes).toEqual(Array(5).fill([3, 7]));
  });

  it("averages rows over drawn entities with repetition", () => {
    // entity 0 = rows {0, 1}, entity 1 = row {2}
    const values = [1, 3, 10];
    expect(meanOverEntities(values, [0, 0, 1], [0, 2, 3], [0, 1, 2])).toBeCloseTo((1 + 3 + 1 + 3 + 10) / 5, 12);
  });
});
