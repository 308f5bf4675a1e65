import { describe, expect, it } from "vitest";
import { regularizedIncompleteBeta } from "../../../models/copula/incomplete-beta.js";

describe("regularizedIncompleteBeta", () => {
  it("matches mpmath.betainc(a, b, 0, x, regularized=True)", () => {
    expect(regularizedIncompleteBeta(0.3, 2, 5)).toBeCloseTo(0.579825, 12);
    expect(regularizedIncompleteBeta(0.9, 0.5, 0.7)).toBeCloseTo(0.88378895677079272, 12);
    expect(regularizedIncompleteBeta(0.6, 200, 150)).toBeCloseTo(0.86019066048015257, 10);
    expect(regularizedIncompleteBeta(0.01, 30, 2) / 3.07e-59).toBeCloseTo(1, 10);
  });

  it("is 0 and 1 at the ends and symmetric", () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    expect(regularizedIncompleteBeta(0.3, 2.5, 4) + regularizedIncompleteBeta(0.7, 4, 2.5)).toBeCloseTo(1, 14);
  });
});
