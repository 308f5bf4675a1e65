/**
 * The Anonymeter protocol shared by singling-out, linkability and attribute-inference (Giomi, Boenisch, Wehmeyer
 * & Tasnádi, "A Unified Framework for Quantifying Privacy Risk in Synthetic Data", PoPETs 2023(2); written from
 * the paper — the reference implementation is patent-pending and was not used).
 *
 * Three attacks per evaluation, all using only the synthetic release:
 * - main: against targets drawn from the training data ("original");
 * - control: the same attack against targets from real data the generator never saw (our holdout);
 * - baseline: a naive attack that ignores the synthetic data's content (random guessing), as a sanity check.
 * Each success rate is a Wilson score estimate (the interval centre, as in the paper) with its half-width. The
 * residual risk R = (r_main − r_control) / (1 − r_control) is the part of the success explained by the
 * training data rather than by what the release teaches about the population in general; its error follows
 * from propagating the two half-widths. Point and interval are clipped to [0, 1].
 * If the baseline does as well as the main attack, the attack is too weak to mean anything and we warn.
 */
import type { Rng } from "../../../../core/rng.js";
import type { Interval, MetricContext, MetricResult, SampleSizes } from "../../../types.js";
import { wilsonInterval, type WilsonInterval } from "../../../stats/intervals.js";
import { THREAT_MODEL, clamp01, fmt, fmtInterval, pct, verdictOf } from "./result.js";
import type { RowSet } from "./workspace.js";

/** One attack's success count, Wilson estimate and interval. */
export interface RateRecord {
  successes: number;
  trials: number;
  /** Raw share successes / trials. */
  proportion: number;
  /** Wilson centre (the paper's estimate). */
  rate: number;
  /** Wilson half-width (before clipping the interval to [0, 1]). */
  halfWidth: number;
  interval: Interval;
}

/** Details of every Anonymeter-style result. */
export interface AnonymeterDetails {
  attack: "singling-out" | "linkability" | "inference";
  main: RateRecord;
  control: RateRecord;
  baseline: RateRecord;
  residualRisk: { value: number; interval: Interval };
  /** True when the baseline did at least as well as the main attack (result not meaningful). */
  weakerThanBaseline: boolean;
  setup: Record<string, unknown>;
}

/**
 * Verdict thresholds on normalized = 1 − residual risk: good ≥ 0.95 (risk ≤ 5 %), acceptable ≥ 0.8 (≤ 20 %).
 * A dentsynth convention: Anonymeter gives no pass/fail threshold; the data controller decides.
 */
export const ANONYMETER_THRESHOLDS = { good: 0.95, acceptable: 0.8 } as const;

/** Wilson record of k successes in n trials. */
export function rateRecord(successes: number, trials: number, level: number): RateRecord {
  const w: WilsonInterval = wilsonInterval(successes, trials, level);
  return {
    successes,
    trials,
    proportion: w.proportion,
    rate: w.center,
    halfWidth: w.halfWidth,
    interval: { lower: w.lower, upper: w.upper, level, method: "wilson" },
  };
}

/**
 * Residual risk (r_main − r_ctrl)/(1 − r_ctrl) from Wilson centres, with the propagated error
 * √((e_m/(1 − r_c))² + (e_c·(r_m − 1)/(1 − r_c)²)²) as half-width; clipped to [0, 1].
 */
export function residualRisk(main: RateRecord, control: RateRecord, level: number): { value: number; interval: Interval } {
  const rm = main.rate;
  const rc = control.rate;
  const hm = main.halfWidth;
  const hc = control.halfWidth;
  if (rc >= 1) return { value: 0, interval: { lower: 0, upper: 1, level, method: "analytic" } };
  const r = (rm - rc) / (1 - rc);
  const err = Math.sqrt((hm / (1 - rc)) ** 2 + ((hc * (rm - 1)) / (1 - rc) ** 2) ** 2);
  return { value: clamp01(r), interval: { lower: clamp01(r - err), upper: clamp01(r + err), level, method: "analytic" } };
}

/** Builds the MetricResult of one Anonymeter-style evaluation. */
export function anonymeterResult(
  metric: string,
  attack: AnonymeterDetails["attack"],
  counts: { main: [number, number]; control: [number, number]; baseline: [number, number] },
  ctx: MetricContext,
  extra: { n: SampleSizes; setup: Record<string, unknown>; warnings: string[]; description: string },
): MetricResult<AnonymeterDetails> {
  const level = ctx.ciLevel;
  const main = rateRecord(counts.main[0], counts.main[1], level);
  const control = rateRecord(counts.control[0], counts.control[1], level);
  const baseline = rateRecord(counts.baseline[0], counts.baseline[1], level);
  const risk = residualRisk(main, control, level);
  const weaker = baseline.rate >= main.rate;
  const warnings = [...extra.warnings];
  if (weaker) {
    warnings.push(
      "the attack is as good as or worse than the random baseline: its result is not meaningful (try more attacks or other columns)",
    );
  }
  const normalized = 1 - risk.value;
  // Anonymeter (Giomi et al. 2023, section 4): an attack no better than the random baseline measures nothing, so
  // its residual risk earns no verdict either way; the warning says why.
  const verdict = weaker ? "not-applicable" : verdictOf(normalized, ANONYMETER_THRESHOLDS);
  const sentence =
    `For ${THREAT_MODEL}, ${extra.description} succeeds for ${pct(main.rate)} of training patients, ` +
    `${pct(control.rate)} of real patients the generator never saw, and ${pct(baseline.rate)} by random guessing. ` +
    `The residual risk — the part of the success owed to the training data — is ${fmt(risk.value)} ` +
    `(${fmtInterval(risk.interval)}; 0 = nothing learned about training patients beyond the population, 1 = total). ` +
    (weaker ? "The attack did no better than guessing, so this number says little." : "");
  return {
    metric,
    family: "privacy",
    goal: "minimize",
    value: risk.value,
    normalized,
    interval: risk.interval,
    noiseFloor: { value: 0 },
    n: extra.n,
    interpretation: { verdict, sentence: sentence.trim(), thresholds: { ...ANONYMETER_THRESHOLDS } },
    details: { attack, main, control, baseline, residualRisk: risk, weakerThanBaseline: weaker, setup: extra.setup },
    warnings,
  };
}

/** One random row of each entity of a set (table row numbers), seeded: targets of record-level attacks. */
export function oneRowPerEntity(set: RowSet, rng: Rng): Int32Array {
  const out = new Int32Array(set.nEntities);
  for (let e = 0; e < set.nEntities; e++) {
    const from = set.offsets[e] as number;
    const to = set.offsets[e + 1] as number;
    out[e] = set.rows[set.members[from + rng.int(to - from)] as number] as number;
  }
  return out;
}
