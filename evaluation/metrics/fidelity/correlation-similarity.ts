import type { MetricContext, MetricResult } from "../../types.js";
import { pearson } from "../../stats/pearson.js";
import { averageRanks } from "../../stats/rank.js";
import { columnOf, preparePair, type FidelityInput } from "./fidelity-input.js";
import { finiteMean, fmt, interpret } from "./interpret.js";
import { pairBootstrap } from "./pair-bootstrap.js";

export interface CorrelationSimilarityOptions {
  /** "pearson" (SDMetrics' default) or "spearman". */
  coefficient?: "pearson" | "spearman";
  /**
   * Pairs whose real |ρ| exceeds this are the ones averaged (SDMetrics ≥ 0.27 does the same with 0.5): pairs
   * with no real correlation score ~1 whatever the generator does and would dilute the average. When no pair
   * meets it, all pairs are averaged. Default 0.5; 0 averages every pair.
   */
  realCorrelationThreshold?: number;
}

export interface CorrelationPairDetail {
  columns: [string, string];
  real: number;
  synthetic: number;
  /** 1 − |ρ_real − ρ_syn| / 2. */
  score: number;
  meetsThreshold: boolean;
}

export interface CorrelationSimilarityDetails {
  coefficient: "pearson" | "spearman";
  pairs: CorrelationPairDetail[];
  /** Whether the value averages the pairs above the threshold or, lacking any, all pairs. */
  averagedOver: "threshold" | "all";
  threshold: number;
  resamples: number;
  bootstrapSeed: string;
}

/** Verdict thresholds on the normalized score (dentsynth's choice). */
export const CORRELATION_SIMILARITY_THRESHOLDS = { good: 0.9, acceptable: 0.75 } as const;

/**
 * CorrelationSimilarity (SDMetrics "Column Pair Trends" for continuous pairs): for each pair of numeric or
 * datetime columns, 1 − |ρ_real − ρ_syn| / 2 with ρ Pearson's (or Spearman's) correlation over complete rows;
 * the value is the mean over the pairs that are correlated in the real data (|ρ_real| > 0.5), or over all
 * pairs when none is. 1 = the same correlations; a column-shuffled synthetic table scores about
 * 1 − |ρ_real| / 2 on each correlated pair.
 *
 * Pairs with a constant column have no correlation and are skipped with a warning (SDMetrics raises).
 * Interval: cluster bootstrap over entities of both tables, recomputing each correlation from weighted sums
 * (for Spearman the ranks of the full sample are kept, a standard shortcut), from per-entity sums so that a
 * resample costs O(entities) per pair.
 * Source: https://docs.sdv.dev/sdmetrics/metrics/metrics-glossary/correlationsimilarity
 */
export function correlationSimilarity(
  input: FidelityInput,
  ctx: MetricContext,
  options: CorrelationSimilarityOptions = {},
): MetricResult<CorrelationSimilarityDetails> {
  const { coefficient = "pearson", realCorrelationThreshold = 0.5 } = options;
  const pair = preparePair(input);
  const warnings = [...pair.warnings];
  const cols = pair.shared.filter((c) => c.kind === "numeric" || c.kind === "datetime");
  // Standardised copies (ranks first for Spearman) so weighted one-pass sums stay accurate.
  const realCols = cols.map((c) => prepareColumn(columnOf(pair.real, c.name).values as Float64Array, coefficient));
  const synCols = cols.map((c) => prepareColumn(columnOf(pair.synthetic, c.name).values as Float64Array, coefficient));
  const pairs: CorrelationPairDetail[] = [];
  const pairIndex: [number, number][] = [];
  for (let a = 0; a < cols.length; a++) {
    for (let b = a + 1; b < cols.length; b++) {
      const names: [string, string] = [(cols[a] as { name: string }).name, (cols[b] as { name: string }).name];
      const rReal = pearson(realCols[a] as Float64Array, realCols[b] as Float64Array);
      const rSyn = pearson(synCols[a] as Float64Array, synCols[b] as Float64Array);
      if (Number.isNaN(rReal) || Number.isNaN(rSyn)) {
        warnings.push(`${names[0]} × ${names[1]}: correlation undefined (a constant column or too few complete rows) in the ${Number.isNaN(rReal) ? "real" : "synthetic"} table; pair skipped`);
        continue;
      }
      pairs.push({
        columns: names,
        real: rReal,
        synthetic: rSyn,
        score: 1 - Math.abs(rReal - rSyn) / 2,
        meetsThreshold: Math.abs(rReal) > realCorrelationThreshold,
      });
      pairIndex.push([a, b]);
    }
  }
  const anyMeets = pairs.some((p) => p.meetsThreshold);
  const selected = pairs.map((p, i) => ({ p, i })).filter(({ p }) => !anyMeets || p.meetsThreshold);
  const value = finiteMean(selected.map(({ p }) => p.score));

  // Per-entity sums of each selected pair, so a resample costs O(entities) per pair. Complete columns share
  // their count, sum and sum of squares between pairs (summed once per column per resample); only the cross
  // products are per pair.
  const selectedPairs = selected.map(({ i }) => pairIndex[i] as [number, number]);
  const sideOf = (columns: Float64Array[], rowEntity: Int32Array, nEntities: number): Side => {
    const perColumn = columns.map((x, j) => (selectedPairs.some(([a, b]) => a === j || b === j) && !hasNaN(x) ? columnMoments(x, rowEntity, nEntities) : null));
    const pairs = selectedPairs.map(([a, b]) => pairMoments(columns[a] as Float64Array, columns[b] as Float64Array, rowEntity, nEntities, perColumn[a] ?? null, perColumn[b] ?? null));
    return { perColumn, pairs, columnSums: perColumn.map(() => new Float64Array(3)) };
  };
  const realSide = sideOf(realCols, pair.realIndex.rowEntity, pair.realIndex.nEntities);
  const synSide = sideOf(synCols, pair.syntheticIndex.rowEntity, pair.syntheticIndex.nEntities);
  const boot = pairBootstrap(
    pair,
    ctx,
    (draw) => {
      drawColumnSums(realSide, draw.real);
      drawColumnSums(synSide, draw.synthetic);
      let sum = 0;
      let count = 0;
      for (let k = 0; k < selectedPairs.length; k++) {
        const [a, b] = selectedPairs[k] as [number, number];
        const r = drawnPearson(realSide, k, a, b, draw.real);
        const s = drawnPearson(synSide, k, a, b, draw.synthetic);
        const score = 1 - Math.abs(r - s) / 2;
        if (Number.isFinite(score)) {
          sum += score;
          count++;
        }
      }
      return count === 0 ? Number.NaN : sum / count;
    },
    { estimate: value, label: "correlation-similarity" },
  );
  if (cols.length < 2) warnings.push("fewer than two numeric columns: no pair to compare");
  return {
    metric: "correlation-similarity",
    family: "fidelity",
    goal: "maximize",
    value,
    normalized: value,
    ...(Number.isNaN(value) ? {} : { interval: boot.interval }),
    n: pair.n,
    interpretation: interpret(value, CORRELATION_SIMILARITY_THRESHOLDS, {
      good: `Correlations between numeric columns are preserved (similarity ${fmt(value)}).`,
      acceptable: `Correlations between numeric columns are partly preserved (similarity ${fmt(value)}).`,
      poor: `Correlations between numeric columns are not preserved (similarity ${fmt(value)}); columns may have been generated independently.`,
      notApplicable: "There is no pair of numeric columns to compare.",
    }),
    details: {
      coefficient,
      pairs,
      averagedOver: anyMeets ? "threshold" : "all",
      threshold: realCorrelationThreshold,
      resamples: boot.resamples,
      bootstrapSeed: boot.seed,
    },
    warnings,
  };
}

/** Ranks (Spearman) over the present values, then centred and scaled; NaN stays NaN. */
function prepareColumn(values: Float64Array, coefficient: "pearson" | "spearman"): Float64Array {
  let source = values;
  if (coefficient === "spearman") {
    let count = 0;
    for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) count++;
    const present = new Float64Array(count);
    let w = 0;
    for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) present[w++] = values[i] as number;
    const ranks = averageRanks(present);
    source = new Float64Array(values.length);
    w = 0;
    for (let i = 0; i < values.length; i++) source[i] = Number.isNaN(values[i] as number) ? Number.NaN : (ranks[w++] as number);
  }
  let mean = 0;
  let count = 0;
  for (let i = 0; i < source.length; i++) {
    const v = source[i] as number;
    if (v === v) {
      count++;
      mean += (v - mean) / count;
    }
  }
  let ss = 0;
  for (let i = 0; i < source.length; i++) {
    const v = source[i] as number;
    if (v === v) ss += (v - mean) ** 2;
  }
  const sd = count > 0 && ss > 0 ? Math.sqrt(ss / count) : 1;
  const out = new Float64Array(source.length);
  for (let i = 0; i < source.length; i++) out[i] = ((source[i] as number) - mean) / sd;
  return out;
}

/** Per-entity sums over the rows where both values are present. */
interface Moments {
  n: Float64Array;
  sx: Float64Array;
  sy: Float64Array;
  sxx: Float64Array;
  syy: Float64Array;
  sxy: Float64Array;
}

interface ColumnMoments {
  n: Float64Array;
  s: Float64Array;
  ss: Float64Array;
}

function hasNaN(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i] as number)) return true;
  return false;
}

function columnMoments(x: Float64Array, rowEntity: Int32Array, nEntities: number): ColumnMoments {
  const n = new Float64Array(nEntities);
  const s = new Float64Array(nEntities);
  const ss = new Float64Array(nEntities);
  for (let i = 0; i < x.length; i++) {
    const e = rowEntity[i] as number;
    const v = x[i] as number;
    n[e]!++;
    s[e]! += v;
    ss[e]! += v * v;
  }
  return { n, s, ss };
}

function pairMoments(
  x: Float64Array,
  y: Float64Array,
  rowEntity: Int32Array,
  nEntities: number,
  cx: ColumnMoments | null,
  cy: ColumnMoments | null,
): Moments & { shared: boolean } {
  const sxy = new Float64Array(nEntities);
  if (cx && cy) {
    for (let i = 0; i < x.length; i++) sxy[rowEntity[i] as number]! += (x[i] as number) * (y[i] as number);
    return { n: cx.n, sx: cx.s, sy: cy.s, sxx: cx.ss, syy: cy.ss, sxy, shared: true };
  }
  const m: Moments & { shared: boolean } = {
    shared: false,
    n: new Float64Array(nEntities),
    sx: new Float64Array(nEntities),
    sy: new Float64Array(nEntities),
    sxx: new Float64Array(nEntities),
    syy: new Float64Array(nEntities),
    sxy,
  };
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (a !== a || b !== b) continue;
    const e = rowEntity[i] as number;
    m.n[e]!++;
    m.sx[e]! += a;
    m.sy[e]! += b;
    m.sxx[e]! += a * a;
    m.syy[e]! += b * b;
    sxy[e]! += a * b;
  }
  return m;
}

/** One table's per-entity sums, and scratch space for the current draw's column totals (n, Σx, Σx²). */
interface Side {
  perColumn: (ColumnMoments | null)[];
  pairs: (Moments & { shared: boolean })[];
  columnSums: Float64Array[];
}

function drawColumnSums(side: Side, multiplicity: Float64Array): void {
  side.perColumn.forEach((c, j) => {
    if (!c) return;
    let n = 0;
    let s = 0;
    let ss = 0;
    for (let e = 0; e < multiplicity.length; e++) {
      const w = multiplicity[e] as number;
      n += w * (c.n[e] as number);
      s += w * (c.s[e] as number);
      ss += w * (c.ss[e] as number);
    }
    const out = side.columnSums[j] as Float64Array;
    out[0] = n;
    out[1] = s;
    out[2] = ss;
  });
}

/** Pearson's r of pair k (columns a, b) under a draw: one pass over entities for the cross products. */
function drawnPearson(side: Side, k: number, a: number, b: number, multiplicity: Float64Array): number {
  const m = side.pairs[k] as Moments & { shared: boolean };
  let sw: number;
  let sx: number;
  let sy: number;
  let sxx: number;
  let syy: number;
  let sxy = 0;
  if (m.shared) {
    const ca = side.columnSums[a] as Float64Array;
    const cb = side.columnSums[b] as Float64Array;
    sw = ca[0] as number;
    sx = ca[1] as number;
    sxx = ca[2] as number;
    sy = cb[1] as number;
    syy = cb[2] as number;
    for (let e = 0; e < multiplicity.length; e++) sxy += (multiplicity[e] as number) * (m.sxy[e] as number);
  } else {
    sw = sx = sy = sxx = syy = 0;
    for (let e = 0; e < multiplicity.length; e++) {
      const w = multiplicity[e] as number;
      if (w === 0) continue;
      sw += w * (m.n[e] as number);
      sx += w * (m.sx[e] as number);
      sy += w * (m.sy[e] as number);
      sxx += w * (m.sxx[e] as number);
      syy += w * (m.syy[e] as number);
      sxy += w * (m.sxy[e] as number);
    }
  }
  if (sw === 0) return Number.NaN;
  const cov = sxy / sw - (sx / sw) * (sy / sw);
  const vx = sxx / sw - (sx / sw) ** 2;
  const vy = syy / sw - (sy / sw) ** 2;
  if (vx <= 0 || vy <= 0) return Number.NaN;
  return Math.max(-1, Math.min(1, cov / Math.sqrt(vx * vy)));
}
