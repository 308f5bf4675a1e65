import type { MetricContext, MetricResult } from "../../types.js";
import { countCodes, sharedDiscreteCodes } from "../../stats/discrete-codes.js";
import { totalVariationDistance } from "../../stats/total-variation.js";
import { columnOf, preparePair, type FidelityInput } from "./fidelity-input.js";
import { finiteMean, fmt, interpret } from "./interpret.js";
import { drawCodeCounts, entityCodeCounts, pairBootstrap } from "./pair-bootstrap.js";

/** Per-column breakdown of {@link tvComplement}. */
export interface TvColumnDetail {
  column: string;
  /** Total variation distance between the category frequencies. */
  distance: number;
  /** 1 − TVD. */
  score: number;
  /** Categories in the real / synthetic column, and synthetic categories never seen in the real one. */
  realCategories: number;
  syntheticCategories: number;
  syntheticOnlyCategories: number;
  missingReal: number;
  missingSynthetic: number;
}

export interface TvComplementDetails {
  columns: TvColumnDetail[];
  resamples: number;
  bootstrapSeed: string;
}

/** Verdict thresholds on the normalized score (dentsynth's choice, the same as KSComplement's). */
export const TV_COMPLEMENT_THRESHOLDS = { good: 0.9, acceptable: 0.8 } as const;

/**
 * TVComplement (SDMetrics "Column Shapes" for discrete columns): for each categorical or boolean column,
 * 1 − ½ Σ_c |p_real(c) − p_syn(c)| over the categories seen in either table, missing cells left out (their
 * share is reported per column); the value is the mean over columns, 1 = identical frequencies.
 *
 * Like KSComplement it sees one column at a time. Interval: cluster bootstrap over entities of both tables.
 * Source: https://docs.sdv.dev/sdmetrics/metrics/metrics-glossary/tvcomplement
 */
export function tvComplement(input: FidelityInput, ctx: MetricContext): MetricResult<TvComplementDetails> {
  const pair = preparePair(input);
  const warnings = [...pair.warnings];
  const cols = pair.shared.filter((c) => c.kind === "categorical" || c.kind === "boolean");
  const coded = cols.map((c) => {
    const { codes, levels } = sharedDiscreteCodes([columnOf(pair.real, c.name), columnOf(pair.synthetic, c.name)]);
    return { name: c.name, real: codes[0] as Int32Array, syn: codes[1] as Int32Array, nLevels: levels.length };
  });
  const details: TvColumnDetail[] = [];
  for (const c of coded) {
    const pReal = countCodes(c.real, c.nLevels);
    const pSyn = countCodes(c.syn, c.nLevels);
    const distance = totalVariationDistance(pReal, pSyn);
    let realCategories = 0;
    let syntheticCategories = 0;
    let syntheticOnly = 0;
    let presentReal = 0;
    let presentSyn = 0;
    for (let k = 0; k < c.nLevels; k++) {
      const r = pReal[k] as number;
      const s = pSyn[k] as number;
      presentReal += r;
      presentSyn += s;
      if (r > 0) realCategories++;
      if (s > 0) syntheticCategories++;
      if (s > 0 && r === 0) syntheticOnly++;
    }
    if (Number.isNaN(distance)) {
      warnings.push(`${c.name}: no values to compare in one of the tables`);
      continue;
    }
    const missingReal = (c.real.length - presentReal) / Math.max(1, c.real.length);
    const missingSynthetic = (c.syn.length - presentSyn) / Math.max(1, c.syn.length);
    if (Math.abs(missingReal - missingSynthetic) > 0.05) {
      warnings.push(`${c.name}: missing share differs by ${fmt(Math.abs(missingReal - missingSynthetic))} between real and synthetic`);
    }
    details.push({
      column: c.name,
      distance,
      score: 1 - distance,
      realCategories,
      syntheticCategories,
      syntheticOnlyCategories: syntheticOnly,
      missingReal,
      missingSynthetic,
    });
  }
  const value = finiteMean(details.map((d) => d.score));
  const compressed = coded.map((c) => ({
    real: entityCodeCounts(c.real, pair.realIndex, c.nLevels),
    syn: entityCodeCounts(c.syn, pair.syntheticIndex, c.nLevels),
  }));
  const boot = pairBootstrap(
    pair,
    ctx,
    (draw) => finiteMean(compressed.map((c) => 1 - totalVariationDistance(drawCodeCounts(c.real, draw.real), drawCodeCounts(c.syn, draw.synthetic)))),
    { estimate: value, label: "tv-complement" },
  );
  if (cols.length === 0) warnings.push("no categorical or boolean column to compare");
  return {
    metric: "tv-complement",
    family: "fidelity",
    goal: "maximize",
    value,
    normalized: value,
    ...(Number.isNaN(value) ? {} : { interval: boot.interval }),
    n: pair.n,
    interpretation: interpret(value, TV_COMPLEMENT_THRESHOLDS, {
      good: `Category frequencies match the real data (mean 1 − total variation ${fmt(value)}).`,
      acceptable: `Category frequencies are close to the real ones but visibly off in places (mean 1 − total variation ${fmt(value)}).`,
      poor: `Category frequencies differ from the real data (mean 1 − total variation ${fmt(value)}); see the worst columns in the details.`,
      notApplicable: "There is no categorical or boolean column to compare.",
    }),
    details: { columns: details, resamples: boot.resamples, bootstrapSeed: boot.seed },
    warnings,
  };
}
