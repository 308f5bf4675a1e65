import { isFdi } from "../../../generators/patient/dentition.js";
import { wilsonInterval } from "../../stats/intervals.js";
import type { Column, MetricContext, MetricResult, Table } from "../../types.js";

/**
 * Dental validity rules, checked row by row on whatever table shape carries their columns: the Creighton
 * clinic shape (Universal tooth numbers, x-columns) and dentsynth's own teeth/patients tables. A rule applies
 * only when all its columns are present, so one metric serves real exports and generated tables alike.
 *
 * Every rule here holds on 100 % of the real Creighton rows (checked with pandas on the bundled table), so a
 * violation in synthetic data is the generator's error, not the clinic's charting.
 */
interface Rule {
  id: string;
  description: string;
  columns: readonly string[];
  /** true = the row satisfies the rule; null = not applicable to this row (a value is missing). */
  holds: (get: (name: string) => number | string | null) => boolean | null;
}

const MOLARS_UNIVERSAL = new Set([1, 2, 3, 14, 15, 16, 17, 18, 19, 30, 31, 32]);
/** A number from a numeric cell, or from a categorical cell holding digits (tooth numbers may load either way). */
const num = (v: number | string | null): number | null => {
  if (typeof v === "number") return Number.isNaN(v) ? null : v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
};

export const DENTAL_RULES: readonly Rule[] = [
  {
    id: "universal-tooth-number",
    description: "tooth is a Universal number 1-32",
    columns: ["tooth"],
    holds: (g) => {
      const t = num(g("tooth"));
      return t === null ? null : Number.isInteger(t) && t >= 1 && t <= 32;
    },
  },
  {
    id: "molar-flag",
    description: "molar is true exactly for Universal molars (1-3, 14-19, 30-32)",
    columns: ["molar", "tooth"],
    holds: (g) => {
      const molar = num(g("molar"));
      const t = num(g("tooth"));
      return molar === null || t === null ? null : (molar === 1) === MOLARS_UNIVERSAL.has(t);
    },
  },
  {
    id: "furcation-only-on-molars",
    description: "furcation is charted only on molars",
    columns: ["x22_furc_max", "molar"],
    holds: (g) => (num(g("molar")) === null ? null : g("molar") === 1 || num(g("x22_furc_max")) === null),
  },
  {
    id: "dft-arithmetic",
    description: "x47_dft = decayed teeth + filled teeth (x42 + x40)",
    columns: ["x47_dft", "x42_decayed_tooth_sum", "x40_filled_tooth_sum"],
    holds: (g) => {
      const [t, d, f] = [num(g("x47_dft")), num(g("x42_decayed_tooth_sum")), num(g("x40_filled_tooth_sum"))];
      return t === null || d === null || f === null ? null : Math.abs(t - d - f) < 1e-9;
    },
  },
  {
    id: "filled-status-matches-surfaces",
    description: "x20_filled_tooth is Filled exactly when x11_filled > 0",
    columns: ["x20_filled_tooth", "x11_filled"],
    holds: (g) => (num(g("x11_filled")) === null || g("x20_filled_tooth") === null ? null : (g("x20_filled_tooth") === "Filled") === (g("x11_filled") as number) > 0),
  },
  {
    id: "decayed-status-matches-surfaces",
    description: "x21_decayed_tooth is Decayed exactly when new + recurrent decayed surfaces > 0",
    columns: ["x21_decayed_tooth", "x12_decay_new", "x13_decay_recur"],
    holds: (g) => {
      const a = num(g("x12_decay_new"));
      const b = num(g("x13_decay_recur"));
      return a === null || b === null || g("x21_decayed_tooth") === null ? null : (g("x21_decayed_tooth") === "Decayed") === a + b > 0;
    },
  },
  {
    id: "probing-max-at-least-mean",
    description: "maximum probing depth and attachment loss are at least their means",
    columns: ["x5_pocket_max", "x4_pocket_mean", "x7_cal_max", "x6_cal_mean"],
    holds: (g) => {
      const v = ["x5_pocket_max", "x4_pocket_mean", "x7_cal_max", "x6_cal_mean"].map((c) => num(g(c)));
      return v.some((x) => x === null) ? null : (v[0] as number) >= (v[1] as number) - 1e-9 && (v[2] as number) >= (v[3] as number) - 1e-9;
    },
  },
  {
    id: "fdi-tooth-number",
    description: "fdi is a permanent FDI number (11-18, 21-28, 31-38, 41-48)",
    columns: ["fdi"],
    holds: (g) => {
      const f = num(g("fdi"));
      return f === null ? null : isFdi(f);
    },
  },
  {
    id: "missing-tooth-has-no-lesion-or-filling",
    description: "a missing or unerupted tooth has no lesions and no filling or crown",
    columns: ["presence", "lesion_count", "restoration"],
    holds: (g) =>
      g("presence") === null ? null : g("presence") === "present" || ((num(g("lesion_count")) ?? 0) === 0 && g("restoration") !== "filled" && g("restoration") !== "crowned"),
  },
  {
    id: "dmft-arithmetic",
    description: "dmft = dmft_d + dmft_m + dmft_f, at most 28",
    columns: ["dmft", "dmft_d", "dmft_m", "dmft_f"],
    holds: (g) => {
      const v = ["dmft", "dmft_d", "dmft_m", "dmft_f"].map((c) => num(g(c)));
      return v.some((x) => x === null) ? null : v[0] === (v[1] as number) + (v[2] as number) + (v[3] as number) && (v[0] as number) <= 28;
    },
  },
];

export interface DentalRuleDetail {
  rule: string;
  description: string;
  checked: number;
  violations: number;
  violationRate: number;
}

export interface DentalRulesDetails {
  rules: DentalRuleDetail[];
}

function getter(table: Table, row: () => number): (name: string) => number | string | null {
  const byName = new Map<string, Column>(table.columns.map((c) => [c.name, c]));
  return (name) => {
    const c = byName.get(name);
    if (!c) return null;
    const v = c.values[row()];
    return v === undefined ? null : (v as number | string | null);
  };
}

/** Checks every applicable rule on every row; returns the violations per rule. */
export function checkDentalRules(table: Table): DentalRuleDetail[] {
  const names = new Set(table.columns.map((c) => c.name));
  const rules = DENTAL_RULES.filter((r) => r.columns.every((c) => names.has(c)));
  let current = 0;
  const get = getter(table, () => current);
  return rules.map((rule) => {
    let checked = 0;
    let violations = 0;
    for (current = 0; current < table.nRows; current++) {
      const ok = rule.holds(get);
      if (ok === null) continue;
      checked++;
      if (!ok) violations++;
    }
    return { rule: rule.id, description: rule.description, checked, violations, violationRate: checked ? violations / checked : 0 };
  });
}

/**
 * Share of row checks that satisfy the dental rules (goal: maximize; 1 = no violation), with a Wilson interval
 * on the pooled checks. The real table's own rate is the noise floor: a rule the clinic itself breaks is not
 * held against the generator.
 */
export function dentalRules(input: { real: Table; synthetic: Table }, ctx: MetricContext): MetricResult<DentalRulesDetails> {
  const syn = checkDentalRules(input.synthetic);
  const real = checkDentalRules(input.real);
  const pooled = (rules: DentalRuleDetail[]) => {
    const checked = rules.reduce((a, r) => a + r.checked, 0);
    const bad = rules.reduce((a, r) => a + r.violations, 0);
    return { checked, ok: checked - bad };
  };
  const s = pooled(syn);
  const r = pooled(real);
  const value = s.checked ? s.ok / s.checked : Number.NaN;
  const floor = r.checked ? r.ok / r.checked : Number.NaN;
  const w = wilsonInterval(s.ok, Math.max(1, s.checked), ctx.ciLevel);
  const broken = syn.filter((x) => x.violations > 0);
  const verdict = syn.length === 0 ? "not-applicable" : value >= 0.999 ? "good" : value >= 0.99 ? "acceptable" : "poor";
  return {
    metric: "dental-rules",
    family: "diagnostic",
    goal: "maximize",
    value,
    normalized: Number.isNaN(value) ? 0 : value,
    interval: { lower: w.lower, upper: w.upper, level: ctx.ciLevel, method: "wilson" },
    noiseFloor: { value: floor },
    n: { real: input.real.nRows, synthetic: input.synthetic.nRows },
    interpretation: {
      verdict,
      sentence:
        syn.length === 0
          ? "No dental rule applies to these columns (no tooth numbers, status or DMFT columns found)."
          : broken.length === 0
            ? `All ${syn.length} applicable dental rules hold on every synthetic row (tooth numbering, status consistency, DMFT arithmetic).`
            : `Rules broken in synthetic rows: ${broken.map((b) => `${b.description} (${(b.violationRate * 100).toFixed(2)} % of ${b.checked})`).join("; ")}.`,
      thresholds: { good: 0.999, acceptable: 0.99 },
    },
    details: { rules: syn },
    warnings: [],
  };
}
