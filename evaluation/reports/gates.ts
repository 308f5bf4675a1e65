import { UsageError } from "../../core/errors.js";
import type { EvaluationReport } from "./report.js";

/** A CI gate such as "privacy.mia.auc>0.6": fail the run when the named score crosses the threshold. */
export interface Gate {
  text: string;
  path: string;
  op: ">" | ">=" | "<" | "<=" | "==" | "!=";
  threshold: number;
}

const GATE_RE = /^\s*([a-z][\w.-]*)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i;

export function parseGate(text: string): Gate {
  const m = GATE_RE.exec(text);
  if (!m) {
    throw new UsageError(
      [{ path: "--fail-on", message: `invalid gate ${JSON.stringify(text)}; write it as <section>.<metric>[.<field>]<op><number>, e.g. "privacy.mia.auc>0.6"` }],
    );
  }
  return { text, path: m[1] as string, op: m[2] as Gate["op"], threshold: Number(m[3]) };
}

/**
 * The number a gate path names. `section.key` is the metric's value; `section.key.field` is one of value,
 * normalized, lower, upper (its interval), floor (its noise floor), or a numeric field of its details
 * (e.g. `privacy.mia.auc`, `privacy.mia.tpr_at_fpr_0.1`); `section.score` is the section score.
 */
export function resolveGatePath(report: EvaluationReport, path: string): number | undefined {
  const [sectionId, key, ...rest] = path.split(".");
  const section = report.sections.find((s) => s.id === sectionId);
  if (!section) return undefined;
  if (key === "score" && rest.length === 0) return section.score ?? undefined;
  const result = section.results.find((r) => r.key === key);
  if (!result) return undefined;
  const field = rest.join(".");
  switch (field) {
    case "":
    case "value":
      return result.value;
    case "normalized":
      return result.normalized;
    case "lower":
      return result.interval?.lower;
    case "upper":
      return result.interval?.upper;
    case "floor":
      return result.noiseFloor?.value;
    default: {
      const detail = (result.details as Record<string, unknown> | undefined)?.[field];
      return typeof detail === "number" ? detail : undefined;
    }
  }
}

/** Every gate path a report offers, for the error message of an unknown path. */
export function gatePaths(report: EvaluationReport): string[] {
  return report.sections.flatMap((s) => [`${s.id}.score`, ...s.results.map((r) => `${s.id}.${r.key}`)]);
}

/** Checks gates; returns the ones that failed, with the value found. Unknown paths are a usage error. */
export function checkGates(report: EvaluationReport, gates: readonly Gate[]): { gate: Gate; value: number }[] {
  const unknown = gates.filter((g) => resolveGatePath(report, g.path) === undefined);
  if (unknown.length > 0) {
    throw new UsageError(
      unknown.map((g) => ({ path: "--fail-on", message: `no score at ${JSON.stringify(g.path)}` })),
      `Gate paths in this report include: ${gatePaths(report).slice(0, 12).join(", ")}, …`,
    );
  }
  const failed: { gate: Gate; value: number }[] = [];
  for (const gate of gates) {
    const value = resolveGatePath(report, gate.path) as number;
    const t = gate.threshold;
    const hit = { ">": value > t, ">=": value >= t, "<": value < t, "<=": value <= t, "==": value === t, "!=": value !== t }[gate.op];
    if (hit) failed.push({ gate, value });
  }
  return failed;
}
