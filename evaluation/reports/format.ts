import type { Interval, MetricResult } from "../types.js";

/** Numbers for people: 3 significant decimals for scores, none of JavaScript's float noise. */
export function formatValue(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "n/a";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 0.001 || abs >= 1e6)) return x.toExponential(2);
  return x.toFixed(3);
}

export function formatInterval(interval: Interval | undefined): string {
  if (!interval) return "";
  return `[${formatValue(interval.lower)}, ${formatValue(interval.upper)}]`;
}

export function formatSampleSizes(n: MetricResult["n"]): string {
  const parts = [`real ${n.real.toLocaleString("en-US")}`, `synthetic ${n.synthetic.toLocaleString("en-US")}`];
  if (n.holdout !== undefined) parts.push(`holdout ${n.holdout.toLocaleString("en-US")}`);
  if (n.entities) parts.push(`patients ${n.entities.real}/${n.entities.synthetic}${n.entities.holdout === undefined ? "" : `/${n.entities.holdout}`}`);
  return parts.join(", ");
}
