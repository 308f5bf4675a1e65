import type { MetricContext, MetricResult } from "../../types.js";
import type { PreparedPair } from "./fidelity-input.js";
import { finiteMean, interpret, type VerdictSentences } from "./interpret.js";
import { drawnShare, pairBootstrap } from "./pair-bootstrap.js";

/** Per synthetic entity of one column: cells present and cells adherent, so a resample costs O(entities). */
export interface EntityShares {
  present: Float64Array;
  inside: Float64Array;
}

/**
 * The result both adherence diagnostics (boundary, category) return: the mean of the per-column shares, with a
 * cluster-bootstrap interval over synthetic entities only (the real bounds or categories are the definition of
 * "adherent", so they stay fixed).
 */
export function adherenceResult<D extends { score: number }>(
  pair: PreparedPair,
  ctx: MetricContext,
  parts: {
    metric: string;
    columns: D[];
    perEntity: EntityShares[];
    thresholds: { good: number; acceptable: number };
    sentences: (value: number) => VerdictSentences;
    warnings: string[];
  },
): MetricResult<{ columns: D[]; resamples: number; bootstrapSeed: string }> {
  const value = finiteMean(parts.columns.map((d) => d.score));
  const boot = pairBootstrap(
    pair,
    ctx,
    (draw) => finiteMean(parts.perEntity.map((c) => drawnShare(c.inside, c.present, draw.synthetic))),
    { sides: "synthetic", label: parts.metric },
  );
  return {
    metric: parts.metric,
    family: "diagnostic",
    goal: "maximize",
    value,
    normalized: value,
    ...(Number.isNaN(value) ? {} : { interval: boot.interval }),
    n: pair.n,
    interpretation: interpret(value, parts.thresholds, parts.sentences(value)),
    details: { columns: parts.columns, resamples: boot.resamples, bootstrapSeed: boot.seed },
    warnings: parts.warnings,
  };
}
