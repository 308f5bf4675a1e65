import { describe, expect, it } from "vitest";
import { finiteMean, fmt, interpret } from "../../../../evaluation/metrics/fidelity/interpret.js";

const sentences = { good: "g", acceptable: "a", poor: "p", notApplicable: "n" };
const thresholds = { good: 0.9, acceptable: 0.8 };

describe("interpret", () => {
  it("maps a normalized score to a verdict with its thresholds", () => {
    expect(interpret(0.95, thresholds, sentences)).toEqual({ verdict: "good", sentence: "g", thresholds });
    expect(interpret(0.9, thresholds, sentences).verdict).toBe("good");
    expect(interpret(0.85, thresholds, sentences).verdict).toBe("acceptable");
    expect(interpret(0.1, thresholds, sentences).verdict).toBe("poor");
    expect(interpret(Number.NaN, thresholds, sentences)).toEqual({ verdict: "not-applicable", sentence: "n", thresholds });
  });

  it("formats numbers and averages finite values", () => {
    expect(fmt(0.12345)).toBe("0.123");
    expect(fmt(Number.NaN)).toBe("NaN");
    expect(finiteMean([1, Number.NaN, 3])).toBe(2);
    expect(finiteMean([])).toBeNaN();
  });
});
