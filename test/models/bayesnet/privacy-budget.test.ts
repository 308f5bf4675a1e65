import { describe, expect, it } from "vitest";
import { laplaceScale, privBayesLedger, splitBudget } from "../../../models/bayesnet/privacy-budget.js";

describe("splitBudget", () => {
  it("gives beta epsilon to the structure and the rest to the tables, each split equally", () => {
    const b = splitBudget(1, 0.3, 4, 5);
    expect(b.structure).toBeCloseTo(0.3, 15);
    expect(b.perSelection).toBeCloseTo(0.075, 15);
    expect(b.conditionals).toBeCloseTo(0.7, 15);
    expect(b.perTable).toBeCloseTo(0.14, 15);
  });

  it("gives everything to the tables when there is nothing to select", () => {
    const b = splitBudget(2, 0.3, 0, 4);
    expect(b.structure).toBe(0);
    expect(b.perSelection).toBe(0);
    expect(b.conditionals).toBe(2);
  });

  it("rejects a non-positive epsilon", () => {
    expect(() => splitBudget(0, 0.3, 1, 1)).toThrow(RangeError);
  });
});

describe("laplaceScale", () => {
  it("is 2 d / (n epsilon_2): sensitivity 2/n over the per-table budget", () => {
    // epsilon 1, beta 0.3, 3 tables, n 500: 2 * 3 / (500 * 0.7) = 0.017142857...
    expect(laplaceScale(splitBudget(1, 0.3, 2, 3), 500)).toBeCloseTo(6 / 350, 15);
  });
});

describe("privBayesLedger", () => {
  it("lists one spend per selection and table, summing to epsilon, with the caveats", () => {
    const budget = splitBudget(0.5, 0.3, 2, 3);
    const ledger = privBayesLedger(budget, ["B", "C"], ["A", "B", "C"], true);
    expect(ledger).toMatchObject({ mechanism: "privbayes", epsilon: 0.5, delta: 0, unit: "row", accountant: "basic sequential composition" });
    expect(ledger.spends.map((s) => s.step)).toEqual(["structure: parents of B", "structure: parents of C", "conditional table of A", "conditional table of B", "conditional table of C"]);
    expect(ledger.spends.reduce((s, x) => s + x.epsilon, 0)).toBeCloseTo(0.5, 12);
    expect(ledger.spends.every((s) => s.delta === 0)).toBe(true);
    const notes = ledger.notes.join(" ");
    expect(notes).toMatch(/bin edges/);
    expect(notes).toMatch(/not covered by epsilon/);
    expect(notes).toMatch(/Context columns/);
  });
});
