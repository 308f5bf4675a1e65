import type { Column, MetricContext, MetricResult } from "../../types.js";
import { binCodes, histogramBinEdges } from "../../stats/bin-edges.js";
import { contingencyTable, cramersV } from "../../stats/contingency-table.js";
import { countCodes, sharedDiscreteCodes } from "../../stats/discrete-codes.js";
import { totalVariationDistance } from "../../stats/total-variation.js";
import { subsampleEntities, type SubsampleRecord } from "../../data/subsample-entities.js";
import { columnOf, preparePair, type FidelityInput, type PreparedPair } from "./fidelity-input.js";
import { finiteMean, fmt, interpret } from "./interpret.js";
import { drawCodeCounts, entityCodeCounts, pairBootstrap, resamplesWithinBudget, type EntityCodeCounts } from "./pair-bootstrap.js";

export interface ContingencySimilarityOptions {
  /** Equal-width bins for a numeric member of a mixed pair, on the real data's range; default 10 (SDMetrics). */
  bins?: number;
  /**
   * Pairs whose real Cramér's V exceeds this are the ones averaged (SDMetrics ≥ 0.27 uses 0.3); when none
   * does, all pairs are. Default 0.3; 0 averages every pair.
   */
  realAssociationThreshold?: number;
  /** Levels kept per categorical column (most frequent in real); the rest are pooled. Default 50. */
  maxLevels?: number;
  /**
   * Rows per table above which whole entities are subsampled (seeded, recorded); default 50 000, SDMetrics'
   * DEFAULT_NUM_ROWS_SUBSAMPLE for this metric (its issue #790 reports a "small percentage" score change).
   */
  maxRowsPerTable?: number;
}

export interface ContingencyPairDetail {
  columns: [string, string];
  /** 1 − ½ Σ |P_real(a,b) − P_syn(a,b)| over all cells, missing being a level of its own. */
  score: number;
  /** Cramér's V of the pair in the real data. */
  realAssociation: number;
  meetsThreshold: boolean;
}

export interface ContingencySimilarityDetails {
  pairs: ContingencyPairDetail[];
  averagedOver: "threshold" | "all";
  threshold: number;
  bins: number;
  /** Whole-entity subsamples taken above `maxRowsPerTable` rows. */
  subsample: { real: SubsampleRecord; synthetic: SubsampleRecord };
  resamples: number;
  bootstrapSeed: string;
}

/** Verdict thresholds on the normalized score (dentsynth's choice). */
export const CONTINGENCY_SIMILARITY_THRESHOLDS = { good: 0.9, acceptable: 0.75 } as const;

/**
 * ContingencySimilarity (SDMetrics "Column Pair Trends" for discrete and mixed pairs): for each pair with at
 * least one categorical or boolean column, 1 − ½ Σ_{a,b} |P_real(a,b) − P_syn(a,b)| over the joint cells.
 * A numeric or datetime member is cut into equal-width bins on the **real** column's range, with open outer
 * bins so synthetic values beyond the real range still count; missing values form their own level. The value
 * is the mean over pairs associated in the real data (Cramér's V > 0.3), or all pairs when none is.
 *
 * Binning both tables on the real edges is the correction to SDMetrics' report, which bins each table on its
 * own range and so hides a shifted synthetic column (see the reference notes, B1).
 * Interval: cluster bootstrap over entities of both tables, with the budget rule of correlation similarity.
 * Source: https://docs.sdv.dev/sdmetrics/metrics/metrics-glossary/contingencysimilarity
 */
export function contingencySimilarity(
  input: FidelityInput,
  ctx: MetricContext,
  options: ContingencySimilarityOptions = {},
): MetricResult<ContingencySimilarityDetails> {
  const { bins = 10, realAssociationThreshold = 0.3, maxLevels = 50, maxRowsPerTable = 50_000 } = options;
  const full = preparePair(input);
  const warnings = [...full.warnings];
  const realSub = subsampleEntities(full.real, full.realIndex, { maxRows: maxRowsPerTable }, ctx.rng.fork("contingency/subsample-real"));
  const synSub = subsampleEntities(full.synthetic, full.syntheticIndex, { maxRows: maxRowsPerTable }, ctx.rng.fork("contingency/subsample-synthetic"));
  if (realSub.record.applied || synSub.record.applied) {
    warnings.push(`contingency similarity ran on a seeded subsample of whole entities (${realSub.record.rowsKept} real, ${synSub.record.rowsKept} synthetic rows)`);
  }
  const pair: PreparedPair = { ...full, real: realSub.table, synthetic: synSub.table, realIndex: realSub.index, syntheticIndex: synSub.index };
  if (realSub.record.applied || synSub.record.applied) {
    pair.n = { ...full.n, real: realSub.table.nRows, synthetic: synSub.table.nRows };
    if (full.n.entities) pair.n.entities = { real: realSub.index.nEntities, synthetic: synSub.index.nEntities };
  }
  const cols = pair.shared.filter((c) => c.kind !== "id");
  const coded = cols.map((c) => codeColumn(columnOf(pair.real, c.name), columnOf(pair.synthetic, c.name), bins, maxLevels));
  const pairs: ContingencyPairDetail[] = [];
  const cells: { real: Int32Array; syn: Int32Array; size: number }[] = [];
  for (let a = 0; a < cols.length; a++) {
    for (let b = a + 1; b < cols.length; b++) {
      const ca = coded[a] as CodedColumn;
      const cb = coded[b] as CodedColumn;
      if (!ca.discrete && !cb.discrete) continue; // two numeric columns: correlation similarity's job
      const size = (ca.levels + 1) * (cb.levels + 1);
      const realCells = jointCells(ca.real, cb.real, ca.levels, cb.levels);
      const synCells = jointCells(ca.syn, cb.syn, ca.levels, cb.levels);
      const realTable = contingencyTable(ca.real, cb.real, ca.levels, cb.levels);
      const synTable = contingencyTable(ca.syn, cb.syn, ca.levels, cb.levels);
      const score = 1 - totalVariationDistance(realTable, synTable);
      const association = cramersV(realTable, ca.levels + 1, cb.levels + 1);
      pairs.push({
        columns: [(cols[a] as { name: string }).name, (cols[b] as { name: string }).name],
        score,
        realAssociation: association,
        meetsThreshold: association > realAssociationThreshold,
      });
      cells.push({ real: realCells, syn: synCells, size });
    }
  }
  const anyMeets = pairs.some((p) => p.meetsThreshold);
  const selected = pairs.map((p, i) => ({ p, i })).filter(({ p }) => !anyMeets || p.meetsThreshold);
  const value = finiteMean(selected.map(({ p }) => p.score));
  // Joint cells compressed per entity: a resample costs one step per (entity, cell) triplet.
  const selectedCells: { real: EntityCodeCounts; syn: EntityCodeCounts }[] = selected.map(({ i }) => {
    const c = cells[i] as { real: Int32Array; syn: Int32Array; size: number };
    return { real: entityCodeCounts(c.real, pair.realIndex, c.size), syn: entityCodeCounts(c.syn, pair.syntheticIndex, c.size) };
  });
  const work = selectedCells.reduce((sum, c) => sum + c.real.code.length + c.syn.code.length, 0);
  const resamples = resamplesWithinBudget(ctx.resamples, work, 6e8);
  if (resamples < ctx.resamples) warnings.push(`interval from ${resamples} resamples (of ${ctx.resamples} asked) to bound the run time`);
  const boot = pairBootstrap(
    pair,
    ctx,
    (draw) => finiteMean(selectedCells.map((c) => 1 - totalVariationDistance(drawCodeCounts(c.real, draw.real), drawCodeCounts(c.syn, draw.synthetic)))),
    { estimate: value, label: "contingency-similarity", resamples },
  );
  if (pairs.length === 0) warnings.push("no pair with a categorical or boolean column to compare");
  return {
    metric: "contingency-similarity",
    family: "fidelity",
    goal: "maximize",
    value,
    normalized: value,
    ...(Number.isNaN(value) ? {} : { interval: boot.interval }),
    n: pair.n,
    interpretation: interpret(value, CONTINGENCY_SIMILARITY_THRESHOLDS, {
      good: `Joint frequencies of column pairs match the real data (similarity ${fmt(value)}).`,
      acceptable: `Joint frequencies of column pairs are partly preserved (similarity ${fmt(value)}).`,
      poor: `Joint frequencies of column pairs differ from the real data (similarity ${fmt(value)}); associations between columns are lost.`,
      notApplicable: "There is no pair with a categorical or boolean column to compare.",
    }),
    details: {
      pairs,
      averagedOver: anyMeets ? "threshold" : "all",
      threshold: realAssociationThreshold,
      bins,
      subsample: { real: realSub.record, synthetic: synSub.record },
      resamples,
      bootstrapSeed: boot.seed,
    },
    warnings,
  };
}

interface CodedColumn {
  real: Int32Array;
  syn: Int32Array;
  /** Levels excluding missing (codes 0..levels−1, missing −1). */
  levels: number;
  discrete: boolean;
}

function codeColumn(real: Column, syn: Column, bins: number, maxLevels: number): CodedColumn {
  if (real.kind === "numeric" || real.kind === "datetime") {
    const edges = histogramBinEdges(real.values as Float64Array, bins);
    if (edges.length === 0) {
      const none = (n: number): Int32Array => new Int32Array(n).fill(-1);
      return { real: none(real.values.length), syn: none(syn.values.length), levels: 0, discrete: false };
    }
    return { real: binCodes(real.values as Float64Array, edges), syn: binCodes(syn.values as Float64Array, edges), levels: bins, discrete: false };
  }
  const { codes, levels } = sharedDiscreteCodes([real, syn]);
  const realCodes = codes[0] as Int32Array;
  const synCodes = codes[1] as Int32Array;
  if (levels.length <= maxLevels) return { real: realCodes, syn: synCodes, levels: levels.length, discrete: true };
  // Too many levels for a joint table: keep the most frequent real levels, pool the rest into one.
  const counts = countCodes(realCodes, levels.length);
  const order = Array.from(counts.keys()).sort((x, y) => (counts[y] as number) - (counts[x] as number) || x - y);
  const remap = new Int32Array(levels.length).fill(maxLevels - 1);
  order.slice(0, maxLevels - 1).forEach((code, rank) => (remap[code] = rank));
  const apply = (c: Int32Array): Int32Array => c.map((v) => (v < 0 ? -1 : (remap[v] as number)));
  return { real: apply(realCodes), syn: apply(synCodes), levels: maxLevels, discrete: true };
}

/** One cell code per row for a pair of coded columns, missing mapped to the last level of each. */
function jointCells(a: Int32Array, b: Int32Array, levelsA: number, levelsB: number): Int32Array {
  const out = new Int32Array(a.length);
  const width = levelsB + 1;
  for (let i = 0; i < a.length; i++) {
    const ca = a[i] as number;
    const cb = b[i] as number;
    out[i] = (ca < 0 ? levelsA : ca) * width + (cb < 0 ? levelsB : cb);
  }
  return out;
}
