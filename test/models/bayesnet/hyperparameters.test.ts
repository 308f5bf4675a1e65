import { describe, expect, it } from "vitest";
import { UsageError } from "../../../core/errors.js";
import { bayesNetHyperparametersSchema, createBayesNet } from "../../../models/bayesnet/index.js";

describe("bayesNetHyperparametersSchema", () => {
  it("fills the PrivBayes defaults and leaves epsilon absent (not private)", () => {
    expect(bayesNetHyperparametersSchema.parse({})).toEqual({ degree: 2, bins: 20, structureShare: 0.3, maxCells: 10_000, candidatePool: 8 });
  });

  it("describes every field", () => {
    for (const [key, field] of Object.entries(bayesNetHyperparametersSchema.shape)) expect(field.description, key).toBeTruthy();
  });
});

describe("createBayesNet", () => {
  it("reports every bad or unknown hyperparameter with its path", () => {
    try {
      createBayesNet({ degree: -1, epsilon: 0, structureShare: 1, colour: "red" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).problems.map((p) => p.path).sort()).toEqual(["", "degree", "epsilon", "structureShare"]);
      expect((error as UsageError).message).toMatch(/unknown key "colour"/);
    }
  });

  it("keeps the parsed hyperparameters on the model", () => {
    expect(createBayesNet({ epsilon: 1 }).hyperparameters).toMatchObject({ epsilon: 1, degree: 2 });
    expect(createBayesNet({}).kind).toBe("bayesnet");
  });
});
