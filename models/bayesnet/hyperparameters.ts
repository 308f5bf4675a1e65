import { z } from "zod";

/**
 * Hyperparameters of the PrivBayes-style Bayesian network. Defaults follow Zhang et al. 2017, "PrivBayes: Private
 * Data Release via Bayesian Networks", ACM TODS 42(4):25 (https://doi.org/10.1145/3134428): degree k = 2 and
 * β = 0.3 of the budget for the structure (their experiments use β = 0.3).
 */
export const bayesNetHyperparametersSchema = z
  .strictObject({
    degree: z
      .number()
      .int()
      .min(0)
      .max(8)
      .default(2)
      .describe("Maximum number of parents per column (PrivBayes' degree k). 0 models every column on its own."),
    bins: z
      .number()
      .int()
      .min(2)
      .max(256)
      .default(20)
      .describe("Quantile bins per numeric or datetime column (a column with at most this many distinct values keeps one bin per value)."),
    epsilon: z
      .number()
      .positive()
      .optional()
      .describe("Differential-privacy budget ε for the whole fit. Absent: not differentially private (greedy structure, exact counts)."),
    structureShare: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.3)
      .describe("Share β of ε spent on choosing the structure; the rest goes to the conditional tables (Zhang et al. 2017 use β = 0.3)."),
    maxCells: z
      .number()
      .int()
      .min(2)
      .default(10_000)
      .describe("Largest conditional table (child codes × parent configurations); a column whose parents would exceed it gets fewer parents."),
    candidatePool: z
      .number()
      .int()
      .min(1)
      .max(16)
      .default(8)
      .describe(
        "Parents of a column are chosen among at most this many already-placed columns: the most informative by pairwise mutual information (random, data-independent ones in a private fit). Bounds the fit time on wide tables, which grows with C(candidatePool, degree).",
      ),
  })
  .describe("PrivBayes-style Bayesian network (kind bayesnet).");

/** Parsed hyperparameters, defaults filled in. */
export type BayesNetHyperparameters = z.output<typeof bayesNetHyperparametersSchema>;
