/**
 * The membership-inference headline: run several attacks and report the strongest.
 *
 * Why the maximum: no single attack dominates across generators and datasets ("no single attack consistently
 * outperforms the others, leading to a routine underestimation of privacy risk", Synth-MIA, arXiv 2509.18014), so
 * the risk is the best attack's. Attacks: distance to closest record (always), DOMIAS density ratio (always, if the
 * holdout has at least 4 patients), shadow modelling (when the generator is given).
 *
 * Reported: the largest AUC with that attack's DeLong interval and sample sizes; for FPR 0.1 and 0.01, the largest
 * TPR over attacks with its bootstrap interval (possibly from another attack); each attack's own figures.
 * Honest caveat: the maximum of several estimates is biased upwards when no attack works (selection), so under
 * no leak the headline sits slightly above 0.5 — an error on the side of caution.
 *
 * Cost: the sum of the attacks' costs.
 */
import type { MetricContext, MetricResult, Interval } from "../../types.js";
import type { TprAtFprEstimate } from "../../stats/roc.js";
import { MIA_THRESHOLDS, normalizeAuc, type AttackDetails } from "./shared/attack.js";
import { THREAT_MODEL, fmt, fmtInterval, verdictOf } from "./shared/result.js";
import { asWorkspace, type PrivacyInput, type PrivacyWorkspace } from "./shared/workspace.js";
import { miaDistance, type MiaDistanceOptions } from "./mia-distance.js";
import { miaDomias, type MiaDomiasOptions } from "./mia-domias.js";
import { miaShadow, type GenerateFn, type MiaShadowOptions } from "./mia-shadow.js";

/** Options of {@link miaEnsemble}. */
export interface MiaEnsembleOptions {
  /** The generator; when given, the shadow-model attack runs too. */
  generate?: GenerateFn;
  distance?: MiaDistanceOptions;
  /** DOMIAS options, or false to skip it. */
  domias?: MiaDomiasOptions | false;
  shadow?: Omit<MiaShadowOptions, "generate">;
}

/** One attack's figures in the ensemble. */
export interface AttackSummary {
  metric: string;
  attack: string;
  auc: number;
  interval: Interval | undefined;
  tprAtFpr: TprAtFprEstimate[];
  verdict: string;
  members: number;
  nonMembers: number;
}

/** Details of the ensemble headline. */
export interface EnsembleDetails {
  /** Metric name of the attack with the largest AUC. */
  headline: string;
  attacks: AttackSummary[];
  /** Largest TPR over attacks at each target FPR, and which attack reached it. */
  maxTprAtFpr: (TprAtFprEstimate & { metric: string })[];
  /** Attacks not run, and why. */
  skipped: string[];
}

/**
 * Runs the attacks and returns the maximum-AUC headline (goal: minimize). Each attack's full result is in
 * `attackResults` for reports that show them separately.
 */
export async function miaEnsemble(
  input: PrivacyInput | PrivacyWorkspace,
  ctx: MetricContext,
  options: MiaEnsembleOptions = {},
): Promise<MetricResult<EnsembleDetails> & { attackResults: MetricResult<AttackDetails>[] }> {
  const ws = asWorkspace(input, ctx);
  const results: MetricResult<AttackDetails>[] = [await miaDistance(ws, ctx, options.distance ?? {})];
  const skipped: string[] = [];
  if (options.domias === false) skipped.push("mia-domias: disabled");
  else if (ws.entityIndex.holdout.nEntities < 4) skipped.push("mia-domias: fewer than 4 holdout patients");
  else results.push(await miaDomias(ws, ctx, options.domias ?? {}));
  if (options.generate) results.push(await miaShadow(ws, ctx, { ...(options.shadow ?? {}), generate: options.generate }));
  else skipped.push("mia-shadow: no generator given (pass `generate` to run the shadow-model attack)");
  return { ...combineAttacks(results, skipped), attackResults: results };
}

/**
 * The headline from already computed attack results: maximum AUC (its interval and n), maximum TPR at each FPR.
 * @throws {RangeError} no results
 */
export function combineAttacks(results: readonly MetricResult<AttackDetails>[], skipped: string[] = []): MetricResult<EnsembleDetails> {
  if (results.length === 0) throw new RangeError("combineAttacks: no attack results");
  let best = results[0] as MetricResult<AttackDetails>;
  for (const r of results) if (r.value > best.value || Number.isNaN(best.value)) best = r;
  const fprs = best.details?.tprAtFpr.map((t) => t.fpr) ?? [];
  const maxTprAtFpr = fprs.map((fpr) => {
    let top: TprAtFprEstimate & { metric: string } = { fpr, tpr: Number.NaN, interval: { lower: Number.NaN, upper: Number.NaN, level: 0.95, method: "bootstrap" }, rule: "interpolate", metric: "" };
    for (const r of results) {
      const t = r.details?.tprAtFpr.find((x) => x.fpr === fpr);
      if (t && !(t.tpr <= top.tpr)) top = { ...t, metric: r.metric };
    }
    return top;
  });
  const normalized = normalizeAuc(best.value);
  const verdict = verdictOf(normalized, MIA_THRESHOLDS);
  const t10 = maxTprAtFpr.find((t) => t.fpr === 0.1);
  const t01 = maxTprAtFpr.find((t) => t.fpr === 0.01);
  const sentence =
    `Of ${results.length} membership-inference attacks by ${THREAT_MODEL}, the strongest (${best.details?.attack ?? best.metric}) ` +
    `reaches ROC AUC ${fmt(best.value)} (${fmtInterval(best.interval)}; 0.5 = guessing). ` +
    (t10 ? `At a 10 % false-alarm rate the best attack finds ${fmt(t10.tpr, 2)} of training patients` : "") +
    (t01 ? `, at 1 % ${fmt(t01.tpr, 2)}. ` : ". ") +
    (verdict === "good"
      ? "No attack can tell reliably whether a patient was in the training data."
      : verdict === "acceptable"
        ? "Some attacks do better than guessing whether a patient was in the training data."
        : "Membership in the training data is clearly detectable: the release leaks who was used to train the generator.");
  return {
    metric: "mia-ensemble",
    family: "privacy",
    goal: "minimize",
    value: best.value,
    normalized,
    ...(best.interval ? { interval: best.interval } : {}),
    n: best.n,
    interpretation: { verdict, sentence, thresholds: { ...MIA_THRESHOLDS } },
    details: {
      headline: best.metric,
      attacks: results.map((r) => ({
        metric: r.metric,
        attack: r.details?.attack ?? r.metric,
        auc: r.value,
        interval: r.interval,
        tprAtFpr: r.details?.tprAtFpr ?? [],
        verdict: r.interpretation.verdict,
        members: r.details?.members ?? 0,
        nonMembers: r.details?.nonMembers ?? 0,
      })),
      maxTprAtFpr,
      skipped,
    },
    warnings: [
      ...new Set(results.flatMap((r) => r.warnings.map((w) => `${r.metric}: ${w}`))),
      ...(results.length > 1 ? ["the maximum over attacks is slightly biased upwards when no attack works (conservative)"] : []),
    ],
  };
}
