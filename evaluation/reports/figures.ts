import { pearson } from "../stats/pearson.js";
import type { MetricResult, Table } from "../types.js";
import type { ReportFigure, ReportResult } from "./report.js";

/**
 * The report's charts, built from aggregates only. Real data appears as binned shares with small-cell
 * protection: a histogram bin or category holding 1 to 4 real rows is drawn at the 5-row level, and categories
 * seen fewer than 5 times in the real table are pooled as "(other)", so no chart singles out a patient.
 */
export const SMALL_CELL = 5;
const MAX_DISTRIBUTION_FIGURES = 12;
const BINS = 20;
const MAX_CATEGORIES = 15;
const COLORS = { train: "#2b6cb0", holdout: "#718096", synthetic: "#dd6b20" };

function numericShares(values: Float64Array, edges: number[], protect: boolean): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  let n = 0;
  const lo = edges[0] as number;
  const hi = edges[edges.length - 1] as number;
  const width = (hi - lo) / (edges.length - 1) || 1;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    n++;
    const b = Math.min(edges.length - 2, Math.max(0, Math.floor((v - lo) / width)));
    counts[b] = (counts[b] as number) + 1;
  }
  return counts.map((c) => (n === 0 ? 0 : (protect && c > 0 && c < SMALL_CELL ? SMALL_CELL : c) / n));
}

function categoricalShares(values: (string | null)[], categories: string[], protect: boolean): number[] {
  const counts = new Map<string, number>();
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    n++;
    const key = categories.includes(v) ? v : "(other)";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return categories.map((c) => {
    const k = counts.get(c) ?? 0;
    return n === 0 ? 0 : (protect && k > 0 && k < SMALL_CELL ? SMALL_CELL : k) / n;
  });
}

function distributionFigure(name: string, train: Table, holdout: Table, synthetic: Table): ReportFigure | null {
  const get = (t: Table) => t.columns.find((c) => c.name === name);
  const [tr, ho, sy] = [get(train), get(holdout), get(synthetic)];
  if (!tr || !ho || !sy || tr.kind === "id") return null;
  let x: string[];
  let y: { train: number[]; holdout: number[]; synthetic: number[] };
  if (tr.values instanceof Float64Array && ho.values instanceof Float64Array && sy.values instanceof Float64Array) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of tr.values) if (!Number.isNaN(v)) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
    if (!Number.isFinite(lo)) return null;
    if (hi === lo) hi = lo + 1;
    // Edges from the real training data only (SDMetrics bins on real edges); synthetic values outside fall in the end bins.
    const edges = Array.from({ length: BINS + 1 }, (_, i) => lo + ((hi - lo) * i) / BINS);
    x = edges.slice(0, -1).map((e, i) => `${e.toPrecision(3)}–${(edges[i + 1] as number).toPrecision(3)}`);
    y = { train: numericShares(tr.values, edges, true), holdout: numericShares(ho.values, edges, true), synthetic: numericShares(sy.values, edges, false) };
  } else if (!(tr.values instanceof Float64Array) && !(ho.values instanceof Float64Array) && !(sy.values instanceof Float64Array)) {
    const counts = new Map<string, number>();
    for (const v of tr.values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    const frequent = [...counts].filter(([, c]) => c >= SMALL_CELL).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    x = frequent.slice(0, MAX_CATEGORIES).map(([k]) => k);
    if (frequent.length > MAX_CATEGORIES || frequent.length < counts.size) x.push("(other)");
    y = { train: categoricalShares(tr.values, x, true), holdout: categoricalShares(ho.values, x, true), synthetic: categoricalShares(sy.values, x, false) };
  } else {
    return null;
  }
  const bar = (label: keyof typeof y) => ({ type: "bar", name: label, x, y: y[label], marker: { color: COLORS[label] }, opacity: label === "holdout" ? 0.6 : 0.85 });
  return {
    id: `distribution-${name}`,
    title: `Distribution of ${name}`,
    section: "fidelity",
    caption: `Share of rows per bin (bins on the real training range) for ${name}: real train, real holdout (the noise floor) and synthetic. Real cells with fewer than ${SMALL_CELL} rows are drawn at the ${SMALL_CELL}-row level.`,
    traces: [bar("train"), bar("holdout"), bar("synthetic")],
    layout: { barmode: "group", yaxis: { title: { text: "share of rows" } } },
  };
}

/** Pearson correlations of every pair of the named numeric columns (pairwise-complete rows). */
function pearsonMatrix(table: Table, names: string[]): number[][] {
  const cols = names.map((n) => table.columns.find((c) => c.name === n)?.values as Float64Array);
  return cols.map((x) => cols.map((y) => pearson(x, y)));
}

function correlationFigure(train: Table, synthetic: Table, holdout: Table): ReportFigure | null {
  const names = train.columns
    .filter((c) => c.kind === "numeric" && synthetic.columns.some((s) => s.name === c.name && s.kind === "numeric"))
    .map((c) => c.name)
    .slice(0, 30);
  if (names.length < 2) return null;
  const real = pearsonMatrix(train, names);
  const syn = pearsonMatrix(synthetic, names);
  const ho = pearsonMatrix(holdout, names);
  const diff = real.map((row, a) => row.map((r, b) => Math.abs(r - ((syn[a] as number[])[b] as number))));
  const floor = real.map((row, a) => row.map((r, b) => Math.abs(r - ((ho[a] as number[])[b] as number))));
  const heat = (z: number[][], name: string, visible: boolean) => ({ type: "heatmap", name, x: names, y: names, z, zmin: 0, zmax: 1, colorscale: "YlOrRd", visible });
  return {
    id: "correlation-difference",
    title: "Correlation difference |r(real) − r(synthetic)|",
    section: "fidelity",
    caption:
      "Absolute difference of Pearson correlations between numeric columns, real train vs synthetic (0 = same dependence, 1 = far apart). The second panel is real train vs real holdout: the noise floor.",
    traces: [heat(diff, "train vs synthetic", true), { ...heat(floor, "train vs holdout", true), xaxis: "x2", yaxis: "y2", showscale: false }],
    layout: { height: 560, grid: { rows: 1, columns: 2, pattern: "independent" }, xaxis: { tickangle: -60 }, xaxis2: { tickangle: -60 }, yaxis2: { showticklabels: false } },
  };
}

function rocFigure(attacks: readonly MetricResult[]): ReportFigure | null {
  const traces = attacks
    .map((a) => {
      const roc = (a.details as { roc?: { fpr: number[]; tpr: number[] } } | undefined)?.roc;
      return roc ? { type: "scatter", mode: "lines", name: `${a.metric} (AUC ${a.value.toFixed(3)})`, x: roc.fpr, y: roc.tpr } : null;
    })
    .filter((t): t is NonNullable<typeof t> => t !== null);
  if (traces.length === 0) return null;
  traces.push({ type: "scatter", mode: "lines", name: "guessing", x: [0, 1], y: [0, 1], line: { dash: "dot", color: "#a0aec0" } } as never);
  return {
    id: "mia-roc",
    title: "Membership-inference ROC curves",
    section: "privacy",
    caption: "True-positive rate (training patients flagged) against false-positive rate (unseen patients flagged) for each attack, per patient. The diagonal is guessing; the low-FPR corner matters most.",
    traces,
    layout: { xaxis: { title: { text: "false-positive rate" }, range: [0, 1] }, yaxis: { title: { text: "true-positive rate" }, range: [0, 1] } },
  };
}

function dcrFigure(dcr: ReportResult | undefined): ReportFigure | null {
  const d = dcr?.details as { dcrTrain?: Record<string, number>; dcrHoldout?: Record<string, number> } | undefined;
  if (!d?.dcrTrain || !d.dcrHoldout) return null;
  const q = ["q05", "q25", "median"];
  return {
    id: "dcr-quantiles",
    title: "Distance to closest record: train vs holdout",
    section: "privacy",
    caption:
      "Quantiles of each synthetic row's distance to its closest real training row and to its closest holdout row. Training distances clearly below holdout distances mean the generator stays near the records it saw.",
    traces: [
      { type: "bar", name: "to train", x: q, y: q.map((k) => d.dcrTrain?.[k] ?? null), marker: { color: COLORS.train } },
      { type: "bar", name: "to holdout", x: q, y: q.map((k) => d.dcrHoldout?.[k] ?? null), marker: { color: COLORS.holdout } },
    ],
    layout: { barmode: "group", yaxis: { title: { text: "distance (encoded units)" } } },
  };
}

export function buildFigures(input: {
  train: Table;
  holdout: Table;
  synthetic: Table;
  columns: readonly string[];
  attackResults: readonly MetricResult[];
  dcr: ReportResult | undefined;
}): ReportFigure[] {
  const figures: (ReportFigure | null)[] = [];
  const candidates = input.columns.filter((c) => input.train.columns.find((t) => t.name === c)?.kind !== "id");
  for (const name of candidates.slice(0, MAX_DISTRIBUTION_FIGURES)) figures.push(distributionFigure(name, input.train, input.holdout, input.synthetic));
  figures.push(correlationFigure(input.train, input.synthetic, input.holdout));
  figures.push(rocFigure(input.attackResults));
  figures.push(dcrFigure(input.dcr));
  return figures.filter((f): f is ReportFigure => f !== null);
}
