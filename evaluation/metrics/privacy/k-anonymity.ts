/**
 * k-anonymity of the synthetic release on the quasi-identifiers (Sweeney, "k-anonymity: a model for protecting
 * privacy", IJUFKS 10(5), 2002): the size of the smallest group of patients sharing the same (generalised)
 * quasi-identifier values. A release is k-anonymous when every such group holds at least k patients.
 *
 * For synthetic data this is a screening figure: a synthetic record is not a person, so a small class is a risk
 * only where it mirrors a real patient (the DCR and MIA metrics test that). It matters most for releases that
 * will be read next to real registers. Classes count distinct patients (teeth of one patient share its
 * patient-level quasi-identifiers), and numeric quasi-identifiers are binned (see shared/equivalence-classes.ts).
 *
 * Reported: k (the smallest class), the share of synthetic patients in classes smaller than `kTarget`, and the
 * same for an equally large sample of training patients as the real-vs-real reference. k describes this exact
 * table, so its interval is the exact [k, k]; the share has a Wilson interval in the details.
 *
 * Cost: O(rows · quasi-identifiers).
 */
import type { MetricContext, MetricResult } from "../../types.js";
import { takeRows } from "../../data/take-rows.js";
import { buildEntityIndex, type EntityIndex } from "../../data/entity-index.js";
import { wilsonInterval } from "../../stats/intervals.js";
import { describeGeneralisation, equivalenceClasses, fitGeneralisation, type Classes, type QuasiIdentifierOptions } from "./shared/equivalence-classes.js";
import { fmtInterval, pct, verdictOf } from "./shared/result.js";
import { asWorkspace, describeSet, type PrivacyInput, type PrivacyWorkspace } from "./shared/workspace.js";

/** Options of {@link kAnonymity}. */
export interface KAnonymityOptions extends QuasiIdentifierOptions {
  /** The k a release should reach; default 5 (a common health-data threshold, e.g. ICO / EMA guidance uses 5-11). */
  kTarget?: number;
}

/** Aggregates behind k-anonymity (class counts only). */
export interface KAnonymityDetails {
  k: number;
  kTarget: number;
  classes: number;
  /** Share of synthetic patients whose class has fewer than kTarget patients, with a Wilson interval. */
  shareBelowTarget: number;
  shareInterval: MetricResult["interval"];
  /** Class sizes (patients): median and the smallest five. */
  medianClassSize: number;
  smallestClassSizes: number[];
  reference: { k: number; classes: number; shareBelowTarget: number; sample: ReturnType<typeof describeSet> };
  /** Bins per quasi-identifier ("exact" = values used as they are); edges are not reported. */
  generalisation: { column: string; bins: number | "exact" }[];
}

/**
 * k-anonymity of the synthetic table on the quasi-identifiers. `value` is k (goal: maximize); `normalized` is
 * the share of synthetic patients in classes of at least `kTarget` patients.
 */
export async function kAnonymity(input: PrivacyInput | PrivacyWorkspace, ctx: MetricContext, options: KAnonymityOptions): Promise<MetricResult<KAnonymityDetails>> {
  const ws = asWorkspace(input, ctx);
  const kTarget = options.kTarget ?? 5;
  const gen = fitGeneralisation(ws.tables.train, options);
  const syn = summarise(equivalenceClasses(ws.tables.synthetic, gen, ws.entityIndex.synthetic), kTarget, ws.entityIndex.synthetic);
  // Reference: as many training patients as the release has, so class sizes are comparable.
  const refSet = ws.sample(`k-anonymity/train/${ws.entityIndex.synthetic.nEntities}`, "train", { maxEntities: ws.entityIndex.synthetic.nEntities });
  const refTable = takeRows(ws.tables.train, refSet.rows);
  const refIndex = buildEntityIndex(refTable, ws.entityColumn);
  const ref = summarise(equivalenceClasses(refTable, gen, refIndex), kTarget, refIndex);
  const nPatients = ws.entityIndex.synthetic.nEntities;
  const w = wilsonInterval(syn.below, nPatients, ctx.ciLevel);
  const shareInterval = { lower: w.lower, upper: w.upper, level: ctx.ciLevel, method: "wilson" as const };
  const normalized = 1 - syn.below / nPatients;
  const thresholds = { good: 0.99, acceptable: 0.9 };
  const verdict = verdictOf(normalized, thresholds);
  const sentence =
    `On the quasi-identifiers ${options.quasiIdentifiers.join(", ")}, the smallest group of synthetic patients sharing the ` +
    `same values holds ${syn.k} patient${syn.k === 1 ? "" : "s"} (k = ${syn.k}; target ${kTarget}); ${pct(syn.below / nPatients)} ` +
    `of synthetic patients are in groups below ${kTarget} (${fmtInterval(shareInterval)}), against ${pct(ref.below / refSet.nEntities)} ` +
    `for the same number of real training patients. Small groups let someone who knows a person's quasi-identifiers ` +
    `narrow the release down to a few records; they are a risk where they mirror real patients.`;
  return {
    metric: "k-anonymity",
    family: "privacy",
    goal: "maximize",
    value: syn.k,
    normalized,
    interval: { lower: syn.k, upper: syn.k, level: ctx.ciLevel, method: "exact" },
    noiseFloor: { value: ref.k },
    n: {
      real: refSet.rows.length,
      synthetic: ws.tables.synthetic.nRows,
      entities: { real: refSet.nEntities, synthetic: nPatients },
    },
    interpretation: { verdict, sentence, thresholds },
    details: {
      k: syn.k,
      kTarget,
      classes: syn.classes.nClasses,
      shareBelowTarget: syn.below / nPatients,
      shareInterval,
      medianClassSize: syn.median,
      smallestClassSizes: syn.smallest,
      reference: { k: ref.k, classes: ref.classes.nClasses, shareBelowTarget: ref.below / refSet.nEntities, sample: describeSet(refSet) },
      generalisation: describeGeneralisation(gen),
    },
    warnings: [...ws.warnings],
  };
}

function summarise(classes: Classes, kTarget: number, index: EntityIndex): { k: number; below: number; median: number; smallest: number[]; classes: Classes } {
  const sizes = Array.from(classes.entities).sort((a, b) => a - b);
  // Patients with any row in a small class (rows of one patient may fall in several classes).
  const flagged = new Uint8Array(index.nEntities);
  for (let i = 0; i < classes.classOf.length; i++) {
    if ((classes.entities[classes.classOf[i] as number] as number) < kTarget) flagged[index.rowEntity[i] as number] = 1;
  }
  const below = flagged.reduce((a, b) => a + b, 0);
  return { k: sizes[0] ?? 0, below, median: sizes[Math.floor(sizes.length / 2)] ?? 0, smallest: sizes.slice(0, 5), classes };
}
