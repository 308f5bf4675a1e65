/**
 * t-closeness of the synthetic release (Li, Li & Venkatasubramanian, "t-Closeness: Privacy Beyond k-Anonymity and
 * ℓ-Diversity", ICDE 2007): within every group of records sharing the same (generalised) quasi-identifiers, how far
 * is the distribution of a sensitive column from its distribution in the whole table? t is the largest such
 * distance; a small t means that placing a person in a group teaches little beyond what the whole table says.
 *
 * Distance: the Earth Mover's Distance of the paper (§ 4):
 * - ordered (numeric, boolean, datetime) values: with the m distinct values of the whole table sorted and
 *   ground distance |i − j|/(m − 1), EMD = 1/(m − 1) · Σᵢ |Σ_{j≤i} (pⱼ − qⱼ)|  (§ 4.2, "ordered distance");
 * - categorical values: equal ground distance 1, EMD = ½ Σᵢ |pᵢ − qᵢ| (§ 4.2, "equal distance").
 * Rows count (sensitive values are per tooth); missing numeric values are left out, a missing category is a
 * category. `value` is the largest t over groups and sensitive columns; the real training data (same number of
 * patients) give the reference. t describes this exact table: interval [t, t].
 *
 * Cost: O(rows · sensitive columns + groups · distinct values).
 */
import type { Column, MetricContext, MetricResult, Table } from "../../types.js";
import { takeRows } from "../../data/take-rows.js";
import { buildEntityIndex } from "../../data/entity-index.js";
import { DataError } from "../../../core/errors.js";
import { describeGeneralisation, equivalenceClasses, fitGeneralisation, type Classes, type QuasiIdentifierOptions } from "./shared/equivalence-classes.js";
import { fmt, verdictOf } from "./shared/result.js";
import { asWorkspace, describeSet, type PrivacyInput, type PrivacyWorkspace } from "./shared/workspace.js";

/** Options of {@link tCloseness}. */
export interface TClosenessOptions extends QuasiIdentifierOptions {
  /** Sensitive columns. Required. */
  sensitive: readonly string[];
}

/** Aggregates behind t-closeness. */
export interface TClosenessDetails {
  t: number;
  perSensitive: { column: string; t: number; distance: "ordered" | "equal"; referenceT: number }[];
  groups: number;
  reference: { t: number; sample: ReturnType<typeof describeSet> };
  /** Bins per quasi-identifier ("exact" = values used as they are); edges are not reported. */
  generalisation: { column: string; bins: number | "exact" }[];
}

/**
 * Verdict thresholds on normalized = 1 − t: good ≥ 0.8 (t ≤ 0.2), acceptable ≥ 0.6 (t ≤ 0.4). Li et al. give no
 * universal t; this is a dentsynth convention, and the real-data reference is the better yardstick.
 */
export const T_CLOSENESS_THRESHOLDS = { good: 0.8, acceptable: 0.6 } as const;

/** t-closeness of the synthetic table (largest EMD between a group's and the table's sensitive distribution). */
export async function tCloseness(input: PrivacyInput | PrivacyWorkspace, ctx: MetricContext, options: TClosenessOptions): Promise<MetricResult<TClosenessDetails>> {
  const ws = asWorkspace(input, ctx);
  const gen = fitGeneralisation(ws.tables.train, options);
  const synthetic = ws.tables.synthetic;
  const synClasses = equivalenceClasses(synthetic, gen, ws.entityIndex.synthetic);
  const refSet = ws.sample(`t-closeness/train/${ws.entityIndex.synthetic.nEntities}`, "train", { maxEntities: ws.entityIndex.synthetic.nEntities });
  const refTable = takeRows(ws.tables.train, refSet.rows);
  const refClasses = equivalenceClasses(refTable, gen, buildEntityIndex(refTable, ws.entityColumn));
  const perSensitive = options.sensitive.map((column) => {
    const s = closeness(synthetic, synClasses, column);
    return { column, t: s.t, distance: s.distance, referenceT: closeness(refTable, refClasses, column).t };
  });
  const t = Math.max(...perSensitive.map((p) => p.t));
  const refT = Math.max(...perSensitive.map((p) => p.referenceT));
  const normalized = 1 - t;
  const verdict = verdictOf(normalized, T_CLOSENESS_THRESHOLDS);
  const sentence =
    `Knowing which group of quasi-identifiers (${options.quasiIdentifiers.join(", ")}) a synthetic record belongs to shifts the ` +
    `distribution of a sensitive column (${options.sensitive.join(", ")}) by at most ${fmt(t, 2)} (Earth mover's distance, 0 = ` +
    `no shift, 1 = complete; real training data: ${fmt(refT, 2)}). A large shift tells someone who knows a person's ` +
    `quasi-identifiers something about their sensitive value.`;
  return {
    metric: "t-closeness",
    family: "privacy",
    goal: "minimize",
    value: t,
    normalized,
    interval: { lower: t, upper: t, level: ctx.ciLevel, method: "exact" },
    noiseFloor: { value: refT },
    n: { real: refTable.nRows, synthetic: synthetic.nRows, entities: { real: refSet.nEntities, synthetic: ws.entityIndex.synthetic.nEntities } },
    interpretation: { verdict, sentence, thresholds: { ...T_CLOSENESS_THRESHOLDS } },
    details: { t, perSensitive, groups: synClasses.nClasses, reference: { t: refT, sample: describeSet(refSet) }, generalisation: describeGeneralisation(gen) },
    warnings: [...ws.warnings],
  };
}

/**
 * Largest EMD between a class's distribution of `column` and the whole table's (Li et al. 2007, § 4.2).
 * Exported for tests.
 */
export function closeness(table: Table, classes: Classes, column: string): { t: number; distance: "ordered" | "equal"; perClass: Float64Array } {
  const col = table.columns.find((c) => c.name === column) as Column | undefined;
  if (!col) throw new DataError(`sensitive column ${JSON.stringify(column)} is not in the table`);
  const ordered = col.kind !== "categorical" && col.kind !== "id";
  // Value → position: sorted numbers for ordered columns, labels (missing first) for categories.
  const keys: (string | number)[] = [];
  const rowValue = new Int32Array(table.nRows).fill(-1);
  if (ordered) {
    const v = col.values as Float64Array;
    const distinct = [...new Set(Array.from(v).filter((x) => !Number.isNaN(x)))].sort((a, b) => a - b);
    const pos = new Map(distinct.map((x, i) => [x, i]));
    for (let i = 0; i < table.nRows; i++) if (!Number.isNaN(v[i] as number)) rowValue[i] = pos.get(v[i] as number) as number;
    keys.push(...distinct);
  } else {
    const v = col.values as (string | null)[];
    const pos = new Map<string, number>();
    for (let i = 0; i < table.nRows; i++) {
      const key = v[i] === null || v[i] === undefined ? "\u0000" : (v[i] as string);
      let p = pos.get(key);
      if (p === undefined) {
        p = pos.size;
        pos.set(key, p);
        keys.push(key);
      }
      rowValue[i] = p;
    }
  }
  const m = keys.length;
  const overall = new Float64Array(m);
  const perClass = Array.from({ length: classes.nClasses }, () => new Float64Array(m));
  const classTotals = new Float64Array(classes.nClasses);
  let total = 0;
  for (let i = 0; i < table.nRows; i++) {
    const p = rowValue[i] as number;
    if (p < 0) continue;
    overall[p]!++;
    total++;
    const c = classes.classOf[i] as number;
    perClass[c]![p]!++;
    classTotals[c]!++;
  }
  const emd = new Float64Array(classes.nClasses);
  for (let c = 0; c < classes.nClasses; c++) {
    const n = classTotals[c] as number;
    if (n === 0) continue;
    const counts = perClass[c] as Float64Array;
    let d = 0;
    if (ordered) {
      if (m > 1) {
        let cum = 0;
        for (let i = 0; i < m; i++) {
          cum += (counts[i] as number) / n - (overall[i] as number) / total;
          d += Math.abs(cum);
        }
        d /= m - 1;
      }
    } else {
      for (let i = 0; i < m; i++) d += Math.abs((counts[i] as number) / n - (overall[i] as number) / total);
      d /= 2;
    }
    emd[c] = d;
  }
  return { t: emd.reduce((a, b) => Math.max(a, b), 0), distance: ordered ? "ordered" : "equal", perClass: emd };
}
