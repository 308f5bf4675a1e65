/**
 * Singling-out risk, Anonymeter protocol (Giomi et al., PoPETs 2023, § 4.1 and the common protocol in
 * shared/anonymeter-risk.ts). Singling out — isolating one person's record — is one of the three criteria of
 * anonymisation in the EU Article 29 Working Party Opinion 05/2014.
 *
 * The attacker reads predicates off the synthetic release that match exactly one synthetic patient, hoping they
 * also match exactly one real training patient:
 * - multivariate (default): take a random synthetic row and `nCols` random columns; a categorical column gives
 *   `column == value`; a numeric one `column <= value` if the value is at most the synthetic median, else
 *   `column >= value`; missing gives `column is missing`. Keep predicates that single out in the synthetic data.
 * - univariate: predicates on one column that single out in the synthetic data: values held by one synthetic
 *   patient (`== value`), the minimum (`<= min`) and maximum (`>= max`), and `is missing`.
 * A predicate succeeds on a target table when it matches the rows of exactly one patient there.
 * - main: success rate on the training patients; control: on as many holdout patients (equal sizes, because the
 *   chance that a predicate isolates someone depends on the table size — this replaces Anonymeter's size
 *   correction); baseline: the same number of random predicates (columns, operators and values drawn uniformly
 *   within the synthetic data's ranges, without looking at synthetic records), on the training patients.
 *
 * Patients, not rows: a predicate "singles out" when the matching rows all belong to one patient (dental tables
 * hold one row per tooth).
 *
 * Cost: predicate search over ≤ 20 000 synthetic rows (each check stops at the second matching patient), then
 * 2 × nAttacks scans of the target tables: about a second at 100k rows.
 */
import type { Rng } from "../../../core/rng.js";
import type { Column, MetricContext, MetricResult, Table } from "../../types.js";
import { quantile } from "../../stats/intervals.js";
import { anonymeterResult, type AnonymeterDetails } from "./shared/anonymeter-risk.js";
import { asWorkspace, describeSet, type PrivacyInput, type PrivacyWorkspace, type RowSet } from "./shared/workspace.js";

/** Options of {@link anonymeterSinglingOut}. */
export interface SinglingOutOptions {
  mode?: "multivariate" | "univariate";
  /** Predicates to find and test; default 500 (Anonymeter's default). */
  nAttacks?: number;
  /** Columns per multivariate predicate; default 3. */
  nCols?: number;
  /** Give up the predicate search after this many candidates; default 50 000. */
  maxAttempts?: number;
  /** Synthetic rows the attacker mines (whole patients, seeded); default 20 000. */
  maxSyntheticRows?: number;
  /** Patients per target table (training and control, equal); default 5 000. */
  maxEntities?: number;
  /** Columns predicates may use; default all compared columns. */
  columns?: readonly string[];
}

type Op = "==" | "<=" | ">=" | "missing";
interface Condition {
  column: number;
  op: Op;
  value: number | string | null;
}
type Predicate = Condition[];

/** Column data of one table, by compared-column position. */
type Columns = (Float64Array | (string | null)[])[];

/**
 * Singling-out residual risk. `value` is the residual risk in [0, 1] (goal: minimize); details hold the three
 * success rates with Wilson intervals. Predicates are never reported (they contain synthetic values only, but a
 * report has no use for them).
 */
export async function anonymeterSinglingOut(
  input: PrivacyInput | PrivacyWorkspace,
  ctx: MetricContext,
  options: SinglingOutOptions = {},
): Promise<MetricResult<AnonymeterDetails>> {
  const ws = asWorkspace(input, ctx);
  const mode = options.mode ?? "multivariate";
  const nAttacks = options.nAttacks ?? 500;
  const nCols = options.nCols ?? 3;
  const maxAttempts = options.maxAttempts ?? 50_000;
  const names = options.columns ?? ws.columns;
  const n = Math.min(ws.entityIndex.train.nEntities, ws.entityIndex.holdout.nEntities, options.maxEntities ?? 5_000);
  const syn = ws.sample(`singling/synthetic/${options.maxSyntheticRows ?? 20_000}`, "synthetic", { maxRows: options.maxSyntheticRows ?? 20_000 });
  const original = ws.sample(`singling/original/${n}`, "train", { maxEntities: n });
  const control = ws.sample(`singling/control/${n}`, "holdout", { maxEntities: n });
  const cols = (t: Table): Columns => names.map((c) => (t.columns.find((x) => x.name === c) as Column).values);
  const synCols = cols(ws.tables.synthetic);
  const kinds = names.map((c) => (ws.tables.train.columns.find((x) => x.name === c) as Column).kind);
  const numeric = kinds.map((k) => k !== "categorical" && k !== "id");
  const warnings = [...ws.warnings];

  const rng = ws.stream(`singling/${mode}/${nAttacks}/${nCols}`);
  const found =
    mode === "multivariate"
      ? multivariate(syn, synCols, numeric, Math.min(nCols, names.length), nAttacks, maxAttempts, rng)
      : univariate(syn, synCols, numeric, nAttacks, rng);
  if (found.length < nAttacks) {
    warnings.push(`only ${found.length} of ${nAttacks} predicates singling out a synthetic patient were found; intervals are wider`);
  }
  const baseline = randomPredicates(syn, synCols, numeric, mode === "multivariate" ? Math.min(nCols, names.length) : 1, Math.max(found.length, 1), rng.fork("baseline"));
  const trainCols = cols(ws.tables.train);
  const holdCols = cols(ws.tables.holdout);
  const count = (preds: Predicate[], set: RowSet, c: Columns) => preds.reduce((s, p) => s + (matchingEntities(p, set, c) === 1 ? 1 : 0), 0);
  return anonymeterResult(
    "anonymeter-singling-out",
    "singling-out",
    {
      main: [count(found, original, trainCols), found.length],
      control: [count(found, control, holdCols), found.length],
      baseline: [count(baseline, original, trainCols), baseline.length],
    },
    ctx,
    {
      n: ws.sizes({ real: original, synthetic: syn, holdout: control }),
      setup: {
        mode,
        nAttacksRequested: nAttacks,
        predicatesFound: found.length,
        nCols: mode === "multivariate" ? nCols : 1,
        columns: [...names],
        seed: rng.seed,
        original: describeSet(original),
        control: describeSet(control),
        synthetic: describeSet(syn),
      },
      warnings,
      description: `singling out a patient with ${mode} predicates read off the synthetic data`,
    },
  );
}

/** 0, 1 or 2 (= two or more) distinct entities of the set whose rows satisfy the predicate. */
function matchingEntities(pred: Predicate, set: RowSet, cols: Columns): 0 | 1 | 2 {
  let first = -1;
  for (let p = 0; p < set.rows.length; p++) {
    const row = set.rows[p] as number;
    if (!satisfies(pred, cols, row)) continue;
    const e = set.entityOf[p] as number;
    if (first === -1) first = e;
    else if (e !== first) return 2;
  }
  return first === -1 ? 0 : 1;
}

function satisfies(pred: Predicate, cols: Columns, row: number): boolean {
  for (const c of pred) {
    const v = (cols[c.column] as Float64Array | (string | null)[])[row];
    switch (c.op) {
      case "missing":
        if (!(v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)))) return false;
        break;
      case "==":
        if (v !== c.value) return false;
        break;
      case "<=":
        if (!((v as number) <= (c.value as number))) return false;
        break;
      case ">=":
        if (!((v as number) >= (c.value as number))) return false;
        break;
    }
  }
  return true;
}

function isMissing(v: number | string | null | undefined): boolean {
  return v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));
}

function multivariate(
  syn: RowSet,
  cols: Columns,
  numeric: boolean[],
  nCols: number,
  nAttacks: number,
  maxAttempts: number,
  rng: Rng,
): Predicate[] {
  const medians = cols.map((c, j) => (numeric[j] ? quantileOfRows(c as Float64Array, syn.rows) : Number.NaN));
  const out: Predicate[] = [];
  const seen = new Set<string>();
  const all = cols.map((_, j) => j);
  for (let attempt = 0; attempt < maxAttempts && out.length < nAttacks; attempt++) {
    const row = syn.rows[rng.int(syn.rows.length)] as number;
    const chosen = rng.shuffle(all).slice(0, nCols).sort((a, b) => a - b);
    const pred: Predicate = chosen.map((j) => {
      const v = (cols[j] as Float64Array | (string | null)[])[row];
      if (isMissing(v)) return { column: j, op: "missing", value: null };
      if (!numeric[j]) return { column: j, op: "==", value: v as string };
      return { column: j, op: (v as number) <= (medians[j] as number) ? "<=" : ">=", value: v as number };
    });
    const key = JSON.stringify(pred);
    if (seen.has(key)) continue;
    seen.add(key);
    if (matchingEntities(pred, syn, cols) === 1) out.push(pred);
  }
  return out;
}

function univariate(syn: RowSet, cols: Columns, numeric: boolean[], nAttacks: number, rng: Rng): Predicate[] {
  const pool: Predicate[] = [];
  cols.forEach((c, j) => {
    // Entities per value: a value held by one patient singles that patient out.
    const owner = new Map<number | string | null, number>();
    let missingOwner = -1;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < syn.rows.length; p++) {
      const v = (c as Float64Array | (string | null)[])[syn.rows[p] as number];
      const e = syn.entityOf[p] as number;
      if (isMissing(v)) {
        missingOwner = missingOwner === -1 ? e : missingOwner === e ? e : -2;
        continue;
      }
      const key = v as number | string;
      const o = owner.get(key);
      owner.set(key, o === undefined ? e : o === e ? e : -2);
      if (numeric[j]) {
        if ((v as number) < min) min = v as number;
        if ((v as number) > max) max = v as number;
      }
    }
    for (const [value, o] of owner) if (o >= 0) pool.push([{ column: j, op: "==", value }]);
    if (missingOwner >= 0) pool.push([{ column: j, op: "missing", value: null }]);
    if (numeric[j] && Number.isFinite(min)) {
      for (const pred of [[{ column: j, op: "<=" as const, value: min }], [{ column: j, op: ">=" as const, value: max }]]) {
        if (matchingEntities(pred, syn, cols) === 1 && !pool.some((q) => JSON.stringify(q) === JSON.stringify(pred))) pool.push(pred);
      }
    }
  });
  return rng.shuffle(pool).slice(0, nAttacks);
}

/** Random predicates: random columns, operators and values within the synthetic ranges (no synthetic record used). */
function randomPredicates(syn: RowSet, cols: Columns, numeric: boolean[], nCols: number, count: number, rng: Rng): Predicate[] {
  const ranges = cols.map((c, j) => {
    if (numeric[j]) {
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const r of syn.rows) {
        const v = (c as Float64Array)[r] as number;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      return { min, max, levels: [] as string[] };
    }
    const levels = [...new Set(Array.from(syn.rows, (r) => (c as (string | null)[])[r] ?? null).filter((v): v is string => v !== null))].sort();
    return { min: 0, max: 0, levels };
  });
  const all = cols.map((_, j) => j);
  const out: Predicate[] = [];
  for (let i = 0; i < count; i++) {
    const chosen = rng.shuffle(all).slice(0, nCols).sort((a, b) => a - b);
    out.push(
      chosen.map((j): Condition => {
        const r = ranges[j] as { min: number; max: number; levels: string[] };
        if (numeric[j]) return { column: j, op: rng.bernoulli(0.5) ? "<=" : ">=", value: Number.isFinite(r.min) ? rng.uniform(r.min, r.max) : 0 };
        return { column: j, op: "==", value: r.levels.length > 0 ? (r.levels[rng.int(r.levels.length)] as string) : null };
      }),
    );
  }
  return out;
}

function quantileOfRows(values: Float64Array, rows: Int32Array): number {
  const v = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) v[i] = values[rows[i] as number] as number;
  return quantile(v, 0.5);
}
