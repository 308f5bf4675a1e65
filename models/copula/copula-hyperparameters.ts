import { z } from "zod";

/**
 * Options of the Gaussian copula model. The schema is the single source of their types, defaults and
 * descriptions (the CLI prints them).
 */
export const copulaHyperparametersSchema = z.strictObject({
  marginals: z
    .enum(["empirical", "parametric"])
    .default("empirical")
    .describe(
      'How each continuous column\'s own distribution is sampled: "empirical" (the training quantile function, kept as a grid of at most `quantiles` knots; exact point masses) or "parametric" (per column the best of uniform, normal, truncated normal and beta by Kolmogorov-Smirnov distance).',
    ),
  correlation: z
    .enum(["latent", "scores"])
    .default("latent")
    .describe(
      'How the latent correlation is estimated: "latent" (discrete columns, ties and missing-value indicators scored by their interval\'s conditional normal mean and each pair solved from the tetrachoric series, so discrete associations are reproduced in full) or "scores" (SDV\'s Pearson correlation of scores drawn uniformly inside each interval; attenuates associations with discrete columns).',
    ),
  quantiles: z
    .number()
    .int()
    .min(16)
    .max(100_000)
    .default(1000)
    .describe("Largest number of quantile knots kept per continuous column (plus the two ends of each large point mass). The model stores this grid, never the training values of a column with more."),
  shrinkage: z
    .number()
    .min(0)
    .max(1)
    .default(0.001)
    .describe("Shrinkage of the latent correlation matrix toward the identity, R' = (1 - shrinkage) R + shrinkage I, so collinear or constant columns still factor. Doubled automatically until the Cholesky factorisation succeeds."),
});

/** Parsed copula options (every field present). */
export type CopulaHyperparameters = z.output<typeof copulaHyperparametersSchema>;
