import { describe, expect, it } from "vitest";
import { fitRidge, predictLinear } from "../../../evaluation/stats/ridge-regression.js";
import type { Matrix } from "../../../evaluation/stats/matrix.js";

const rows = [[0.5, 1.2], [1.5, -0.3], [-0.7, 0.8], [2.1, 1.9], [-1.2, -0.5], [0.3, 0.1], [1.1, 2.2], [-0.4, -1.7], [0.9, -0.8], [-1.8, 0.6], [1.7, 0.4], [-0.2, 1.4]];
const X: Matrix = { data: Float64Array.from(rows.flat()), rows: 12, cols: 2 };
const y = Float64Array.of(2.1, 3.5, -0.4, 5.9, -1.6, 0.8, 4.4, -2.2, 1.3, -1.9, 3.6, 1.0);

describe("fitRidge", () => {
  it("matches sklearn Ridge(alpha=1) and, with a tiny alpha, least squares", () => {
    // >>> Ridge(alpha=1.0).fit(X, y).coef_, .intercept_   -> [1.67555143, 0.83233559], 0.4767938272047003
    // >>> Ridge(alpha=1e-8).fit(X, y)                      -> [1.77210783, 0.86146036], 0.4333541946004754
    const ridge = fitRidge(X, y);
    expect(ridge.coef[0]).toBeCloseTo(1.67555143, 8);
    expect(ridge.coef[1]).toBeCloseTo(0.83233559, 8);
    expect(ridge.intercept).toBeCloseTo(0.4767938272047003, 12);
    const ols = fitRidge(X, y, { alpha: 1e-8 });
    expect(ols.coef[0]).toBeCloseTo(1.77210783, 8);
    expect(ols.intercept).toBeCloseTo(0.4333541946004754, 9);
    expect(predictLinear(ridge, X)[0]).toBeCloseTo(0.4767938272047003 + 0.5 * 1.67555143 + 1.2 * 0.83233559, 7);
  });
});
