import type { MetricContext, MetricResult } from "../../types.js";
import { argsort } from "../../stats/argsort.js";
import { ksPValue, ksStatisticSorted } from "../../stats/ks-two-sample.js";
import { columnOf, preparePair, type FidelityInput } from "./fidelity-input.js";
import { finiteMean, fmt, interpret } from "./interpret.js";
import { pairBootstrap } from "./pair-bootstrap.js";

/** Per-column breakdown of {@link ksComplement}. */
export interface KsColumnDetail {
  column: string;
  /** KS statistic D: largest gap between the two empirical CDFs. */
  statistic: number;
  /** 1 − D. */
  score: number;
  /** Two-sided p-value of scipy's ks_2samp (exact or asymptotic, see `pMethod`). */
  pValue: number;
  pMethod: "exact" | "asymp";
  /** Non-missing values compared. */
  nReal: number;
  nSynthetic: number;
  /** Share of missing cells in each table: missing values are left out of D and reported here instead. */
  missingReal: number;
  missingSynthetic: number;
}

export interface KsComplementDetails {
  columns: KsColumnDetail[];
  resamples: number;
  bootstrapSeed: string;
}

/** Verdict thresholds on the normalized score (dentsynth's choice; SDMetrics publishes none). */
export const KS_COMPLEMENT_THRESHOLDS = { good: 0.9, acceptable: 0.8 } as const;

/**
 * KSComplement (SDMetrics "Column Shapes" for continuous columns): for each numeric or datetime column,
 * 1 − D where D is the two-sample Kolmogorov–Smirnov statistic between the real and synthetic values
 * (missing values left out); the metric value is the mean over columns, in [0, 1], 1 = identical marginals.
 *
 * It sees only one column at a time: a synthetic table with every column shuffled independently scores as
 * well as a perfect one. Pair trends and detection catch that.
 *
 * The interval is a cluster bootstrap over entities of both tables (each column's D recomputed with row
 * weights on pre-sorted values, O(rows) per column per resample). Details carry the per-column D, scipy's
 * ks_2samp p-value and the missing shares.
 * Source: https://docs.sdv.dev/sdmetrics/metrics/metrics-glossary/kscomplement
 */
export function ksComplement(input: FidelityInput, ctx: MetricContext): MetricResult<KsComplementDetails> {
  const pair = preparePair(input);
  const warnings = [...pair.warnings];
  const cols = pair.shared.filter((c) => c.kind === "numeric" || c.kind === "datetime");
  // Per column: non-missing values sorted, with the row each came from (to look up bootstrap weights).
  const prepared = cols.map((c) => {
    const real = sortedWithRows(columnOf(pair.real, c.name).values as Float64Array);
    const syn = sortedWithRows(columnOf(pair.synthetic, c.name).values as Float64Array);
    return { name: c.name, real, syn };
  });
  const details: KsColumnDetail[] = [];
  for (const p of prepared) {
    const nReal = p.real.values.length;
    const nSyn = p.syn.values.length;
    if (nReal === 0 || nSyn === 0) {
      warnings.push(`${p.name}: no values to compare in the ${nReal === 0 ? "real" : "synthetic"} table`);
      continue;
    }
    const statistic = ksStatisticSorted(p.real.values, p.syn.values);
    const { pValue, method } = ksPValue(statistic, nReal, nSyn);
    const missingReal = (pair.real.nRows - nReal) / Math.max(1, pair.real.nRows);
    const missingSynthetic = (pair.synthetic.nRows - nSyn) / Math.max(1, pair.synthetic.nRows);
    details.push({
      column: p.name,
      statistic,
      score: 1 - statistic,
      pValue,
      pMethod: method,
      nReal,
      nSynthetic: nSyn,
      missingReal,
      missingSynthetic,
    });
    const gap = Math.abs(missingReal - missingSynthetic);
    if (gap > 0.05) warnings.push(`${p.name}: missing share differs by ${fmt(gap)} between real and synthetic`);
  }
  const value = finiteMean(details.map((d) => d.score));
  const eReal = pair.realIndex.nEntities;
  const merged = prepared
    .filter((p) => p.real.values.length > 0 && p.syn.values.length > 0)
    .map((p) => mergeColumns(p.real, p.syn, pair.realIndex.rowEntity, pair.syntheticIndex.rowEntity, eReal, pair.syntheticIndex.nEntities));
  const scaled = new Float64Array(eReal + pair.syntheticIndex.nEntities);
  const boot = pairBootstrap(
    pair,
    ctx,
    (draw) => finiteMean(merged.map((m) => 1 - drawnKs(m, scaled, draw))),
    { estimate: value, label: "ks-complement" },
  );
  if (cols.length === 0) warnings.push("no numeric or datetime column to compare");
  return {
    metric: "ks-complement",
    family: "fidelity",
    goal: "maximize",
    value,
    normalized: value,
    ...(Number.isNaN(value) ? {} : { interval: boot.interval }),
    n: pair.n,
    interpretation: interpret(value, KS_COMPLEMENT_THRESHOLDS, {
      good: `Numeric columns have real-like distributions (mean 1 − KS distance ${fmt(value)}).`,
      acceptable: `Numeric column distributions are close to the real ones but visibly off in places (mean 1 − KS distance ${fmt(value)}).`,
      poor: `Numeric column distributions differ from the real ones (mean 1 − KS distance ${fmt(value)}); see the worst columns in the details.`,
      notApplicable: "There is no numeric or datetime column to compare.",
    }),
    details: { columns: details, resamples: boot.resamples, bootstrapSeed: boot.seed },
    warnings,
  };
}

interface SortedColumn {
  values: Float64Array;
  rows: Int32Array;
}

function sortedWithRows(values: Float64Array): SortedColumn {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) count++;
  const present = new Int32Array(count);
  const presentValues = new Float64Array(count);
  let w = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v === v) {
      present[w] = i;
      presentValues[w++] = v;
    }
  }
  const order = argsort(presentValues);
  const rows = new Int32Array(count);
  const sorted = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const j = order[k] as number;
    rows[k] = present[j] as number;
    sorted[k] = presentValues[j] as number;
  }
  return { values: sorted, rows };
}

/**
 * Both samples of a column merged into one ascending order, each position holding its entity (real entities
 * 0..eReal−1, synthetic ones after) and a flag on the last position of each run of equal values. A resample's
 * KS statistic is then one pass adding draw counts: no sorting, no row-sized weight array.
 */
interface MergedColumn {
  entity: Int32Array;
  runEnd: Uint8Array;
  /** Present values per entity, for the weighted totals. */
  presentReal: Float64Array;
  presentSynthetic: Float64Array;
}

function mergeColumns(a: SortedColumn, b: SortedColumn, entityA: Int32Array, entityB: Int32Array, eReal: number, eSyn: number): MergedColumn {
  const na = a.values.length;
  const nb = b.values.length;
  const entity = new Int32Array(na + nb);
  const value = new Float64Array(na + nb);
  const presentReal = new Float64Array(eReal);
  const presentSynthetic = new Float64Array(eSyn);
  let i = 0;
  let j = 0;
  for (let k = 0; k < na + nb; k++) {
    if (j >= nb || (i < na && (a.values[i] as number) <= (b.values[j] as number))) {
      const e = entityA[a.rows[i] as number] as number;
      entity[k] = e;
      presentReal[e]!++;
      value[k] = a.values[i++] as number;
    } else {
      const e = entityB[b.rows[j] as number] as number;
      entity[k] = eReal + e;
      presentSynthetic[e]!++;
      value[k] = b.values[j++] as number;
    }
  }
  const runEnd = new Uint8Array(na + nb);
  for (let k = 0; k < na + nb; k++) runEnd[k] = k === na + nb - 1 || value[k + 1] !== value[k] ? 1 : 0;
  return { entity, runEnd, presentReal, presentSynthetic };
}

/**
 * D of a merged column under a draw. Each position adds its entity's count scaled by +1/total_real or
 * −1/total_synthetic (one table lookup, no branch on the side), so the running sum is F_real − F_synthetic.
 */
function drawnKs(m: MergedColumn, scaled: Float64Array, draw: { real: Float64Array; synthetic: Float64Array }): number {
  let totalA = 0;
  let totalB = 0;
  const eReal = m.presentReal.length;
  for (let e = 0; e < eReal; e++) totalA += (m.presentReal[e] as number) * (draw.real[e] as number);
  for (let e = 0; e < m.presentSynthetic.length; e++) totalB += (m.presentSynthetic[e] as number) * (draw.synthetic[e] as number);
  if (totalA === 0 || totalB === 0) return Number.NaN;
  for (let e = 0; e < eReal; e++) scaled[e] = (draw.real[e] as number) / totalA;
  for (let e = 0; e < m.presentSynthetic.length; e++) scaled[eReal + e] = -(draw.synthetic[e] as number) / totalB;
  const { entity, runEnd } = m;
  let diff = 0;
  let d = 0;
  for (let k = 0; k < entity.length; k++) {
    diff += scaled[entity[k] as number] as number;
    if (runEnd[k]) {
      const gap = diff < 0 ? -diff : diff;
      if (gap > d) d = gap;
    }
  }
  return d;
}
