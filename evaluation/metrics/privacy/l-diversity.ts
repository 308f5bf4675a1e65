/**
 * Distinct l-diversity of the synthetic release (Machanavajjhala et al., "ℓ-Diversity: Privacy Beyond
 * k-Anonymity", ACM TKDD 1(1), 2007, § 4.1, "distinct ℓ-diversity"): within every group of records sharing the
 * same (generalised) quasi-identifiers, how many distinct values does each sensitive column take? l = 1 in some
 * group means that anyone who places a person in that group learns the sensitive value for sure.
 *
 * Groups are the equivalence classes of k-anonymity (shared/equivalence-classes.ts); sensitive values are counted
 * over rows (a tooth-level finding such as caries depth is sensitive per tooth). Missing is a value of its own.
 * `value` is the smallest l over groups and sensitive columns; the real training data (same number of patients)
 * give the reference. Like k, l describes this exact table: its interval is the exact [l, l].
 *
 * Cost: O(rows · (quasi-identifiers + sensitive columns)).
 */
import type { Column, MetricContext, MetricResult, Table } from "../../types.js";
import { takeRows } from "../../data/take-rows.js";
import { buildEntityIndex } from "../../data/entity-index.js";
import { DataError } from "../../../core/errors.js";
import { describeGeneralisation, equivalenceClasses, fitGeneralisation, type Classes, type QuasiIdentifierOptions } from "./shared/equivalence-classes.js";
import { pct, verdictOf } from "./shared/result.js";
import { asWorkspace, describeSet, type PrivacyInput, type PrivacyWorkspace } from "./shared/workspace.js";

/** Options of {@link lDiversity}. */
export interface LDiversityOptions extends QuasiIdentifierOptions {
  /** Sensitive columns. Required. */
  sensitive: readonly string[];
  /** The l a release should reach; default 2 (no group reveals its sensitive value outright). */
  lTarget?: number;
}

/** Aggregates behind l-diversity. */
export interface LDiversityDetails {
  l: number;
  lTarget: number;
  perSensitive: { column: string; l: number; groupsBelowTarget: number; referenceL: number }[];
  groups: number;
  /** Share of synthetic rows in groups below lTarget for some sensitive column. */
  rowShareBelowTarget: number;
  reference: { l: number; sample: ReturnType<typeof describeSet> };
  /** Bins per quasi-identifier ("exact" = values used as they are); edges are not reported. */
  generalisation: { column: string; bins: number | "exact" }[];
}

/** Distinct l-diversity of the synthetic table. `value` is l (goal: maximize). */
export async function lDiversity(input: PrivacyInput | PrivacyWorkspace, ctx: MetricContext, options: LDiversityOptions): Promise<MetricResult<LDiversityDetails>> {
  const ws = asWorkspace(input, ctx);
  const lTarget = options.lTarget ?? 2;
  const gen = fitGeneralisation(ws.tables.train, options);
  const synthetic = ws.tables.synthetic;
  const synClasses = equivalenceClasses(synthetic, gen, ws.entityIndex.synthetic);
  const refSet = ws.sample(`l-diversity/train/${ws.entityIndex.synthetic.nEntities}`, "train", { maxEntities: ws.entityIndex.synthetic.nEntities });
  const refTable = takeRows(ws.tables.train, refSet.rows);
  const refClasses = equivalenceClasses(refTable, gen, buildEntityIndex(refTable, ws.entityColumn));
  const flaggedRows = new Uint8Array(synthetic.nRows);
  const perSensitive = options.sensitive.map((column) => {
    const s = distinctPerClass(synthetic, synClasses, column);
    const r = distinctPerClass(refTable, refClasses, column);
    let below = 0;
    s.forEach((d, c) => (d < lTarget ? below++ : 0));
    for (let i = 0; i < synthetic.nRows; i++) if ((s[synClasses.classOf[i] as number] as number) < lTarget) flaggedRows[i] = 1;
    return { column, l: Math.min(...s), groupsBelowTarget: below, referenceL: Math.min(...r) };
  });
  const l = Math.min(...perSensitive.map((p) => p.l));
  const refL = Math.min(...perSensitive.map((p) => p.referenceL));
  const rowShare = flaggedRows.reduce((a, b) => a + b, 0) / synthetic.nRows;
  const normalized = 1 - rowShare;
  const thresholds = { good: 0.99, acceptable: 0.9 };
  const verdict = verdictOf(normalized, thresholds);
  const sentence =
    `Within the groups of synthetic records that share quasi-identifiers (${options.quasiIdentifiers.join(", ")}), the least ` +
    `varied group shows ${l} distinct value${l === 1 ? "" : "s"} of a sensitive column (${options.sensitive.join(", ")}; target ${lTarget}; ` +
    `real training data: ${refL}). ${pct(rowShare)} of synthetic records sit in groups below the target, where knowing ` +
    `a person's quasi-identifiers would reveal or nearly reveal the sensitive value — a risk where those groups mirror real patients.`;
  return {
    metric: "l-diversity",
    family: "privacy",
    goal: "maximize",
    value: l,
    normalized,
    interval: { lower: l, upper: l, level: ctx.ciLevel, method: "exact" },
    noiseFloor: { value: refL },
    n: { real: refTable.nRows, synthetic: synthetic.nRows, entities: { real: refSet.nEntities, synthetic: ws.entityIndex.synthetic.nEntities } },
    interpretation: { verdict, sentence, thresholds },
    details: {
      l,
      lTarget,
      perSensitive,
      groups: synClasses.nClasses,
      rowShareBelowTarget: rowShare,
      reference: { l: refL, sample: describeSet(refSet) },
      generalisation: describeGeneralisation(gen),
    },
    warnings: [...ws.warnings],
  };
}

/** Number of distinct values of `column` in each class. */
function distinctPerClass(table: Table, classes: Classes, column: string): number[] {
  const col = table.columns.find((c) => c.name === column) as Column | undefined;
  if (!col) throw new DataError(`sensitive column ${JSON.stringify(column)} is not in the table`);
  const sets = Array.from({ length: classes.nClasses }, () => new Set<string>());
  for (let i = 0; i < table.nRows; i++) {
    const v = col.values[i];
    const key = v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) ? "\u0000" : String(v);
    (sets[classes.classOf[i] as number] as Set<string>).add(key);
  }
  return sets.map((s) => s.size);
}
