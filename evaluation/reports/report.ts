import type { ColumnKind, MetricResult, Verdict } from "../types.js";

/**
 * The evaluation report: what `dentsynth evaluate records` writes as report.json and renders to HTML and
 * Markdown. It holds scores, intervals, sample sizes and aggregates (histogram counts, correlation matrices, ROC
 * points) only: never a raw real record. `reportVersion` changes whenever a field changes meaning; docs/report-schema.md
 * documents every field.
 */
export const REPORT_VERSION = "1.0";

export type Audience = "ml-team" | "privacy-reviewer" | "qa" | "researcher";

/** A metric result placed in a report section, with its short key used by --fail-on paths. */
export interface ReportResult extends MetricResult {
  /** Key inside its section, e.g. "mia" in "privacy.mia". */
  key: string;
  title: string;
}

export interface ReportSection {
  id: "fidelity" | "privacy" | "utility" | "diagnostics";
  title: string;
  audience: Audience[];
  /** One to three sentences, verdict first. */
  summary: string;
  verdict: Verdict;
  /** Mean normalized score of the section's results (higher is better), when meaningful. */
  score: number | null;
  results: ReportResult[];
  caveats: string[];
}

/** A chart, as Plotly traces and layout built from aggregates. */
export interface ReportFigure {
  id: string;
  title: string;
  section: ReportSection["id"];
  caption: string;
  traces: Record<string, unknown>[];
  layout: Record<string, unknown>;
}

export interface InputSummary {
  /** Where the table came from: a file name (never its content), or "generated"/"bundled". */
  source: string;
  rows: number;
  entities: number | null;
  missingCells: number;
}

export interface AudienceVerdict {
  verdict: Verdict;
  headline: string;
  points: string[];
}

export interface EvaluationReport {
  reportVersion: typeof REPORT_VERSION;
  kind: "tabular-evaluation";
  info: {
    tool: string;
    version: string;
    generatedAt: string;
    seed: string;
    durationMs: number;
    command: string;
    /** Wall time of each evaluation step, in order. */
    steps: { step: string; seconds: number }[];
  };
  inputs: {
    train: InputSummary;
    holdout: InputSummary;
    synthetic: InputSummary;
    entity: string | null;
    target: string | null;
    quasiIdentifiers: string[];
    sensitive: string[];
    columns: { name: string; kind: ColumnKind }[];
  };
  threatModel: { attacker: string; goal: string; assumptions: string[] };
  verdicts: { mlTeam: AudienceVerdict; privacyReviewer: AudienceVerdict };
  sections: ReportSection[];
  figures: ReportFigure[];
  warnings: string[];
}
