import type { EvaluationReport } from "./report.js";

/** report.json: the report as is, pretty-printed; non-finite numbers become null (JSON has no NaN). */
export function renderJson(report: EvaluationReport): string {
  return JSON.stringify(report, (_key, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? null : value), 2) + "\n";
}
