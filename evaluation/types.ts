/**
 * Shared shapes of the evaluation half: loaded tables, and the result every metric returns.
 * Metrics are pure and seeded: they get data already loaded, an Rng and options; they return a MetricResult and
 * never print or touch files.
 */

/** Semantic type of a column (SDV's "sdtype"). `id` columns are never compared; they group rows into entities. */
export type ColumnKind = "numeric" | "categorical" | "boolean" | "datetime" | "id";

/**
 * One column of a loaded table. Numeric, boolean and datetime columns are stored as numbers (booleans 0/1,
 * datetimes epoch milliseconds) with NaN for missing; categorical and id columns as strings with null for
 * missing. Keeping both layouts explicit avoids re-parsing in every metric.
 */
export type Column =
  | { name: string; kind: "numeric" | "boolean" | "datetime"; values: Float64Array }
  | { name: string; kind: "categorical" | "id"; values: (string | null)[] };

export interface Table {
  columns: Column[];
  nRows: number;
}

export type Goal = "maximize" | "minimize";

export interface Interval {
  lower: number;
  upper: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
  method: "bootstrap" | "analytic" | "exact" | "delong" | "wilson";
}

export type Verdict = "good" | "acceptable" | "poor" | "not-applicable";

export interface Interpretation {
  verdict: Verdict;
  /** Plain language for QA engineers and privacy reviewers; never quotes a real record. */
  sentence: string;
  /** Thresholds on the normalized scale that separate the verdicts, documented in the metric's source. */
  thresholds: { good: number; acceptable: number };
}

export interface SampleSizes {
  real: number;
  synthetic: number;
  holdout?: number;
  /** Number of entities (patients) behind the rows, when rows are clustered. */
  entities?: { real: number; synthetic: number; holdout?: number };
}

export interface MetricResult<Detail = unknown> {
  /** Registry name, e.g. "ks-complement", "mia-distance". */
  metric: string;
  family: "fidelity" | "privacy" | "utility" | "diagnostic";
  goal: Goal;
  /** Raw value in the metric's own range. */
  value: number;
  /** Mapped to [0, 1], higher is better whatever the goal. */
  normalized: number;
  interval?: Interval;
  /** The same metric computed real-vs-real (train vs holdout): what an ideal generator would score. */
  noiseFloor?: { value: number; interval?: Interval };
  n: SampleSizes;
  interpretation: Interpretation;
  details?: Detail;
  warnings: string[];
}

/** Context every metric receives: its random stream and the interval settings. */
export interface MetricContext {
  rng: import("../core/rng.js").Rng;
  /** Confidence level of intervals, default 0.95. */
  ciLevel: number;
  /** Bootstrap resamples where a bootstrap is used, default 200. */
  resamples: number;
}
