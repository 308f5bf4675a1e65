import type { MetricContext, MetricResult } from "../../types.js";
import { sharedDiscreteCodes, countCodes } from "../../stats/discrete-codes.js";
import { columnOf, preparePair, type FidelityInput } from "./fidelity-input.js";
import { adherenceResult, type EntityShares } from "./adherence-result.js";
import { fmt } from "./interpret.js";

export interface CategoryColumnDetail {
  column: string;
  /** Share of synthetic cells whose category (missing counts as one) occurs in the real column. */
  score: number;
  /** Distinct synthetic categories not in the real column (labels are not listed: they may be free text). */
  unseenCategories: number;
}

export interface CategoryAdherenceDetails {
  columns: CategoryColumnDetail[];
  resamples: number;
  bootstrapSeed: string;
}

/** Verdict thresholds (dentsynth's choice). */
export const CATEGORY_ADHERENCE_THRESHOLDS = { good: 0.99, acceptable: 0.95 } as const;

/**
 * CategoryAdherence (SDMetrics diagnostic): for each categorical or boolean column, the share of synthetic cells
 * whose category occurs in the real column; the value is the mean over columns, 1 = no invented categories.
 * A missing cell counts as the category "missing", adherent only if the real column has missing cells too
 * (as SDMetrics treats NaN).
 *
 * Interval: cluster bootstrap over synthetic entities; the real category set is fixed.
 * Source: https://docs.sdv.dev/sdmetrics/metrics/metrics-glossary/categoryadherence
 */
export function categoryAdherence(input: FidelityInput, ctx: MetricContext): MetricResult<CategoryAdherenceDetails> {
  const pair = preparePair(input);
  const warnings = [...pair.warnings];
  const cols = pair.shared.filter((c) => c.kind === "categorical" || c.kind === "boolean");
  const details: CategoryColumnDetail[] = [];
  const perEntity: EntityShares[] = [];
  const rowEntity = pair.syntheticIndex.rowEntity;
  for (const c of cols) {
    const { codes, levels } = sharedDiscreteCodes([columnOf(pair.real, c.name), columnOf(pair.synthetic, c.name)]);
    const realCodes = codes[0] as Int32Array;
    const synCodes = codes[1] as Int32Array;
    const realCounts = countCodes(realCodes, levels.length);
    const realHasMissing = realCodes.some((v) => v < 0);
    const entityCells = new Float64Array(pair.syntheticIndex.nEntities);
    const entityOk = new Float64Array(pair.syntheticIndex.nEntities);
    const unseen = new Set<number>();
    let ok = 0;
    for (let i = 0; i < synCodes.length; i++) {
      const code = synCodes[i] as number;
      const e = rowEntity[i] as number;
      entityCells[e]!++;
      const adherent = code < 0 ? realHasMissing : (realCounts[code] as number) > 0;
      if (adherent) {
        entityOk[e]!++;
        ok++;
      } else unseen.add(code);
    }
    if (synCodes.length === 0) continue;
    details.push({ column: c.name, score: ok / synCodes.length, unseenCategories: unseen.size });
    perEntity.push({ present: entityCells, inside: entityOk });
  }
  if (cols.length === 0) warnings.push("no categorical or boolean column to check");
  return adherenceResult(pair, ctx, {
    metric: "category-adherence",
    columns: details,
    perEntity,
    thresholds: CATEGORY_ADHERENCE_THRESHOLDS,
    sentences: (value) => ({
      good: `Synthetic categories are all real ones (${fmt(value)} of cells on average).`,
      acceptable: `A few synthetic cells use categories the real data does not have (${fmt(value)} adherent on average).`,
      poor: `Many synthetic cells use categories the real data does not have (${fmt(value)} adherent on average).`,
      notApplicable: "There is no categorical or boolean column to check.",
    }),
    warnings,
  });
}
