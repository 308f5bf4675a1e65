/**
 * Exact-copy rate: the share of synthetic rows that reproduce a training row exactly, on every compared column.
 *
 * Also reported, because dental tables hold many rows per patient: the share of synthetic *patients* whose rows,
 * as a whole (same multiset of rows), reproduce a training patient; and the real-vs-real noise floor — the share
 * of holdout rows that occur in the training data although no holdout patient was copied. With discrete tooth
 * rows (a sound, unrestored tooth looks the same in many patients) the row-level floor is far from 0, and only
 * the excess over it points to copying.
 *
 * Matching is exact equality of the compared columns (missing equals missing); id columns are ignored.
 * SDMetrics' NewRowSynthesis (sdmetrics/single_table/new_row_synthesis.py) additionally accepts numeric values
 * within 1 % — use the DCR metrics for near-copies.
 *
 * Cost: O(rows · columns) with one hash lookup per row (53-bit row hashes, hits confirmed value by value):
 * every synthetic row is checked, no subsampling.
 */
import type { MetricContext, MetricResult, Table } from "../../types.js";
import { bootstrapPercentile, wilsonInterval } from "../../stats/intervals.js";
import { THREAT_MODEL, clamp01, fmtInterval, pct, verdictOf } from "./shared/result.js";
import { asWorkspace, type PrivacyInput, type PrivacyWorkspace } from "./shared/workspace.js";
import type { EntityIndex } from "../../data/entity-index.js";
import { DataError } from "../../../core/errors.js";

/** Aggregates behind the exact-copy rate (counts only). */
export interface ExactCopyDetails {
  syntheticRows: number;
  syntheticRowsCopied: number;
  /** Holdout rows that also occur in the training data (real-vs-real floor). */
  holdoutRows: number;
  holdoutRowsInTrain: number;
  /** Patient-level copies; null when rows are not grouped into patients. */
  entities: {
    synthetic: number;
    syntheticCopied: number;
    rate: number;
    holdout: number;
    holdoutInTrain: number;
    floorRate: number;
  } | null;
  /** Excess of the row rate over the floor, relative to what is left above the floor. */
  excess: number;
  columns: number;
}

/**
 * Verdict thresholds on normalized = 1 − excess, where excess = max(0, rate − floor)/(1 − floor): good ≥ 0.99,
 * acceptable ≥ 0.95 (dentsynth convention: 1 % of synthetic rows copied beyond chance is already notable).
 */
export const EXACT_COPY_THRESHOLDS = { good: 0.99, acceptable: 0.95 } as const;

/**
 * Share of synthetic rows equal to some training row. `value` is that share (goal: minimize); the interval is a
 * cluster bootstrap over synthetic patients (Wilson when rows are independent).
 */
export async function exactCopyRate(
  input: PrivacyInput | PrivacyWorkspace,
  ctx: MetricContext,
): Promise<MetricResult<ExactCopyDetails>> {
  const ws = asWorkspace(input, ctx);
  const cols = ws.columns;
  const { train, holdout, synthetic } = ws.tables;
  const trainRows = new RowMatcher(train, cols);
  const synHit = trainRows.matches(synthetic);
  const holdHit = trainRows.matches(holdout);
  const copied = synHit.reduce((a, b) => a + b, 0);
  const holdIn = holdHit.reduce((a, b) => a + b, 0);
  const rate = copied / synthetic.nRows;
  const floor = holdIn / holdout.nRows;

  const idx = ws.entityIndex;
  const grouped = idx.synthetic.nEntities < synthetic.nRows;
  const interval = grouped
    ? clusterInterval(synHit, idx.synthetic, ctx, "exact-copy-rate")
    : (({ lower, upper, level, method }) => ({ lower, upper, level, method }))(wilsonInterval(copied, synthetic.nRows, ctx.ciLevel));
  const floorInterval =
    idx.holdout.nEntities < holdout.nRows
      ? clusterInterval(holdHit, idx.holdout, ctx, "exact-copy-rate/floor")
      : (({ lower, upper, level, method }) => ({ lower, upper, level, method }))(wilsonInterval(holdIn, holdout.nRows, ctx.ciLevel));

  let entities: ExactCopyDetails["entities"] = null;
  if (ws.entityColumn !== null && (idx.train.nEntities < train.nRows || grouped)) {
    const known = new Set(entityKeys(trainRows.hashes, idx.train));
    const synE = entityKeys(trainRows.hashesOf(synthetic), idx.synthetic);
    const holdE = entityKeys(trainRows.hashesOf(holdout), idx.holdout);
    const synCopied = synE.filter((k) => known.has(k)).length;
    const holdCopied = holdE.filter((k) => known.has(k)).length;
    entities = {
      synthetic: synE.length,
      syntheticCopied: synCopied,
      rate: synCopied / synE.length,
      holdout: holdE.length,
      holdoutInTrain: holdCopied,
      floorRate: holdCopied / holdE.length,
    };
  }

  const excess = floor < 1 ? Math.max(0, rate - floor) / (1 - floor) : 0;
  const normalized = clamp01(1 - excess);
  const verdict = verdictOf(normalized, EXACT_COPY_THRESHOLDS);
  const sentence =
    `${pct(rate)} of synthetic records are exact copies of a training record (${fmtInterval(interval)}); ` +
    `${pct(floor)} of real records from patients the generator never saw also occur in the training data by chance. ` +
    (entities ? `${pct(entities.rate)} of synthetic patients reproduce a training patient's complete record set. ` : "") +
    (verdict === "good"
      ? `There is no excess of copies that ${THREAT_MODEL} could recognise.`
      : `The excess of copies hands ${THREAT_MODEL} real training records verbatim.`);
  return {
    metric: "exact-copy-rate",
    family: "privacy",
    goal: "minimize",
    value: rate,
    normalized,
    interval,
    noiseFloor: { value: floor, interval: floorInterval },
    n: {
      real: train.nRows,
      synthetic: synthetic.nRows,
      holdout: holdout.nRows,
      entities: { real: idx.train.nEntities, synthetic: idx.synthetic.nEntities, holdout: idx.holdout.nEntities },
    },
    interpretation: { verdict, sentence, thresholds: { ...EXACT_COPY_THRESHOLDS } },
    details: {
      syntheticRows: synthetic.nRows,
      syntheticRowsCopied: copied,
      holdoutRows: holdout.nRows,
      holdoutRowsInTrain: holdIn,
      entities,
      excess,
      columns: cols.length,
    },
    warnings: [...ws.warnings],
  };
}

type Values = Float64Array | (string | null)[];

/**
 * Finds exact copies of reference rows: rows are hashed to 53-bit numbers over the compared columns (numbers by
 * their bits, with all NaNs and ±0 made equal; labels by their characters; missing equals missing), and every
 * hash hit is confirmed value by value, so a collision can never count as a copy.
 * Cost: O(rows · columns) per table.
 */
export class RowMatcher {
  /** Hash of each reference row. */
  readonly hashes: Float64Array;
  private readonly columns: readonly string[];
  private readonly refValues: Values[];
  private readonly byHash = new Map<number, number | number[]>();

  constructor(reference: Table, columns: readonly string[]) {
    this.columns = columns;
    this.refValues = valuesOf(reference, columns);
    this.hashes = this.hashesOf(reference);
    this.hashes.forEach((h, row) => {
      const seen = this.byHash.get(h);
      if (seen === undefined) this.byHash.set(h, row);
      else if (typeof seen === "number") this.byHash.set(h, [seen, row]);
      else seen.push(row);
    });
  }

  /** 1 for each row of `table` equal to some reference row, else 0. */
  matches(table: Table): Float64Array {
    const values = valuesOf(table, this.columns);
    const hashes = this.hashesOf(table);
    const out = new Float64Array(table.nRows);
    for (let i = 0; i < table.nRows; i++) {
      const hit = this.byHash.get(hashes[i] as number);
      if (hit === undefined) continue;
      const rows = typeof hit === "number" ? [hit] : hit;
      if (rows.some((r) => sameRow(this.refValues, r, values, i))) out[i] = 1;
    }
    return out;
  }

  /** Row hashes of any table with the compared columns. */
  hashesOf(table: Table): Float64Array {
    const values = valuesOf(table, this.columns);
    const h1 = new Int32Array(table.nRows).fill(0x2545f491);
    const h2 = new Int32Array(table.nRows).fill(0x6c8e9cf5);
    const f64 = new Float64Array(1);
    const u32 = new Uint32Array(f64.buffer);
    values.forEach((col, j) => {
      const labelHash = new Map<string, number>();
      for (let i = 0; i < table.nRows; i++) {
        let a: number;
        let b: number;
        if (col instanceof Float64Array) {
          const v = col[i] as number;
          f64[0] = Number.isNaN(v) ? Number.NaN : v === 0 ? 0 : v;
          a = u32[0] as number;
          b = u32[1] as number;
        } else {
          const v = col[i];
          if (v === null || v === undefined) {
            a = 0x7fffffff;
            b = 0x1234567;
          } else {
            let hv = labelHash.get(v);
            if (hv === undefined) {
              hv = 0x811c9dc5;
              for (let c = 0; c < v.length; c++) hv = Math.imul(hv ^ v.charCodeAt(c), 0x01000193);
              labelHash.set(v, hv);
            }
            a = hv;
            b = v.length;
          }
        }
        h1[i] = mix(mix(h1[i] as number, a + j), b);
        h2[i] = mix(mix(h2[i] as number ^ 0x5bd1e995, b - j), a);
      }
    });
    const out = new Float64Array(table.nRows);
    for (let i = 0; i < table.nRows; i++) out[i] = ((h1[i] as number) >>> 0) * 2 ** 21 + (((h2[i] as number) >>> 0) & 0x1fffff);
    return out;
  }
}

function mix(h: number, x: number): number {
  let k = Math.imul(x | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  const m = h ^ k;
  return (Math.imul((m << 13) | (m >>> 19), 5) + 0xe6546b64) | 0;
}

function valuesOf(table: Table, columns: readonly string[]): Values[] {
  return columns.map((name) => {
    const c = table.columns.find((x) => x.name === name);
    if (!c) throw new DataError(`exact-copy-rate: table has no column ${JSON.stringify(name)}`);
    return c.values;
  });
}

function sameRow(a: Values[], i: number, b: Values[], j: number): boolean {
  for (let c = 0; c < a.length; c++) {
    const x = (a[c] as Values)[i];
    const y = (b[c] as Values)[j];
    if (x === y) continue;
    const xm = x === null || x === undefined || (typeof x === "number" && Number.isNaN(x));
    const ym = y === null || y === undefined || (typeof y === "number" && Number.isNaN(y));
    if (!(xm && ym)) return false;
  }
  return true;
}

/**
 * Per entity, the sorted multiset of its row hashes, as one string. Entity-level copies are counted by these
 * keys alone (a false match needs a 53-bit collision).
 */
function entityKeys(hashes: Float64Array, index: EntityIndex): string[] {
  const out: string[] = [];
  for (let e = 0; e < index.nEntities; e++) {
    const parts: number[] = [];
    for (let p = index.offsets[e] as number; p < (index.offsets[e + 1] as number); p++) parts.push(hashes[index.rows[p] as number] as number);
    out.push(parts.sort((x, y) => x - y).join(","));
  }
  return out;
}

function clusterInterval(hits: Float64Array, index: EntityIndex, ctx: MetricContext, label: string) {
  return bootstrapPercentile(
    index.nEntities,
    (entities) => {
      let s = 0;
      let n = 0;
      for (const e of entities) {
        for (let p = index.offsets[e] as number; p < (index.offsets[e + 1] as number); p++) {
          s += hits[index.rows[p] as number] as number;
          n++;
        }
      }
      return n === 0 ? Number.NaN : s / n;
    },
    { rng: ctx.rng.fork(`privacy/${label}/bootstrap`), resamples: ctx.resamples, level: ctx.ciLevel },
  ).interval;
}
