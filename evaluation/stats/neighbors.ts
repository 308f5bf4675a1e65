/**
 * Distances between mixed-type rows, and exact k-nearest-neighbour search fast enough for 100k × 100k tables.
 *
 * Two steps:
 * 1. {@link fitRowEncoder} turns table rows into numeric vectors such that the Euclidean distance between two
 *    vectors is a sensible distance between the two records:
 *    - numeric, boolean and datetime columns: (x − mean) / scale, where scale is the *reference* (real training)
 *      column's range (SDMetrics DCR's choice; default) or standard deviation. A difference of one full range
 *      therefore contributes 1 to the squared distance.
 *    - categorical columns: the "mismatch" distance — two different categories contribute exactly 1 to the
 *      squared distance, equal categories 0. Implemented as one-hot vectors scaled by 1/√2 and rotated onto the
 *      L − 1 Helmert coordinates of their simplex (same distances, one coordinate fewer per column, which the
 *      brute-force search pays for on every pair). A missing category is a category of its own (missing equals
 *      missing, as in SDMetrics).
 *    - missing numeric values: imputed at the reference mean plus a 0/1 missing-indicator coordinate, so
 *      "missing vs present" adds 1 and "missing vs missing" adds 0.
 *    - `id` columns are never encoded: they identify records, they do not describe them.
 *    Each column can be weighted (its contribution to the squared distance is multiplied by the weight).
 * 2. {@link kNearest} / {@link kNearestSync} find the k nearest reference rows of every query row with tiled
 *    float32 distance computation in WebAssembly SIMD (see ./neighbors-kernel.ts), split over worker threads.
 *
 * Differences from SDMetrics' DCR distance (sdmetrics/single_table/privacy/dcr_utils.py), on purpose: SDMetrics
 * averages per-column L1 differences capped at 1 (Gower-like); we use the Euclidean norm of the encoded vector
 * without the cap, because it can be computed with matrix products (‖a‖² + ‖b‖² − 2a·b) and hence on 100k rows.
 * Rankings of neighbours agree in the common case; absolute values differ.
 *
 * @example
 * const encoder = fitRowEncoder(train, { alsoSeen: [holdout, synthetic] });
 * const nn = await kNearest(encoder.encode(synthetic), encoder.encode(train), { k: 2 });
 * nn.distances[i * 2]; // distance of synthetic row i to its closest training row
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { DataError, UsageError } from "../../core/errors.js";
import type { Column, Table } from "../types.js";
import { searchKnn } from "./neighbors-kernel.js";

// ---------------------------------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------------------------------

/** Rows as a row-major float32 matrix; each row is padded with zeros to `stride` (a multiple of 4) floats. */
export interface EncodedRows {
  data: Float32Array;
  nRows: number;
  /** Meaningful coordinates per row. */
  dims: number;
  /** Floats per row in `data` (dims rounded up to a multiple of 4, as the SIMD kernel needs). */
  stride: number;
}

/** How numeric columns are scaled before distances. */
export type NumericScale = "range" | "std";

/** Options of {@link fitRowEncoder}. */
export interface EncoderOptions {
  /** Columns to encode, by name (default: every non-id column of the reference). */
  columns?: readonly string[];
  /** Scale numeric columns by the reference's range (default, as SDMetrics) or standard deviation. */
  numericScale?: NumericScale;
  /** Weight of a column's contribution to the squared distance (default 1 each). */
  weights?: Readonly<Record<string, number>>;
  /**
   * Other tables the encoder will see (holdout, synthetic): their categories get a level of their own and their
   * missing values an indicator. Scaling still comes from the reference only.
   */
  alsoSeen?: readonly Table[];
  /**
   * Categorical columns with more distinct values than this keep their own levels for the most frequent
   * `maxCategories − 1` and share one level for the rest (default 64), which bounds the vector length.
   * Two different rare categories then look equal, which can only shrink distances (conservative for privacy).
   */
  maxCategories?: number;
}

/** How one column was encoded (for reports and debugging; holds no row values beyond category labels). */
export interface EncodedColumn {
  name: string;
  kind: Column["kind"];
  /** First coordinate of this column in the encoded vector. */
  offset: number;
  /** Number of coordinates (1, 2 with a missing indicator, or categories − 1 for a categorical column). */
  width: number;
  weight: number;
  /** Numeric columns: subtracted before scaling (the reference mean). */
  center?: number;
  /** Numeric columns: the reference range or standard deviation (1 when that is 0 or undefined). */
  scale?: number;
  /** Numeric columns: whether a missing-indicator coordinate follows the value. */
  missingIndicator?: boolean;
  /** Categorical columns: the labels with their own level (null = missing); a pooled "other" level last when `pooled`. */
  categories?: (string | null)[];
  pooled?: boolean;
}

/** A fitted encoder: turns any table with the same columns into {@link EncodedRows}. */
export interface RowEncoder {
  readonly dims: number;
  readonly stride: number;
  readonly columns: readonly EncodedColumn[];
  /**
   * Encodes a table. Columns are matched by name; a missing column is an error. Unseen categories (not in the
   * reference nor `alsoSeen`) sit at the centre of the column's simplex: distance² between ½ and 1 (times the
   * weight) from every known category, and 0 from each other.
   * Cost: O(rows · columns).
   * @throws {DataError} a column is missing or has another kind
   */
  encode(table: Table): EncodedRows;
}

/**
 * Fits the row encoder on the reference (real training) table. See the file comment for the encoding.
 *
 * Cost: O(rows · columns) over the reference and `alsoSeen` tables.
 * @throws {DataError} a requested column is absent or is an id column
 * @throws {UsageError} a weight is negative or not finite
 */
export function fitRowEncoder(reference: Table, options: EncoderOptions = {}): RowEncoder {
  const scaleKind = options.numericScale ?? "range";
  const maxCategories = options.maxCategories ?? 64;
  const others = options.alsoSeen ?? [];
  const names = options.columns ?? reference.columns.filter((c) => c.kind !== "id").map((c) => c.name);
  const specs: EncodedColumn[] = [];
  let offset = 0;
  for (const colName of names) {
    const column = reference.columns.find((c) => c.name === colName);
    if (!column) throw new DataError(`encoder: column ${JSON.stringify(colName)} is not in the reference table`);
    if (column.kind === "id") throw new DataError(`encoder: column ${JSON.stringify(colName)} is an id column and cannot be compared`);
    const weight = options.weights?.[colName] ?? 1;
    if (!(weight >= 0 && Number.isFinite(weight))) {
      throw new UsageError([{ path: `weights.${colName}`, message: `must be a finite number >= 0, got ${weight}` }]);
    }
    const sameInOthers = others.map((t) => t.columns.find((c) => c.name === colName)).filter((c): c is Column => !!c);
    if (column.kind === "categorical") {
      const counts = new Map<string | null, number>();
      for (const src of [column, ...sameInOthers]) {
        if (src.kind !== "categorical") continue;
        for (const v of src.values) counts.set(v ?? null, (counts.get(v ?? null) ?? 0) + 1);
      }
      // Most frequent first; ties by label so the encoding does not depend on row order.
      let categories = [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
        .map(([label]) => label);
      const pooled = categories.length > maxCategories;
      if (pooled) categories = categories.slice(0, maxCategories - 1);
      const width = Math.max(1, categories.length + (pooled ? 1 : 0) - 1);
      specs.push({ name: colName, kind: column.kind, offset, width, weight, categories, pooled });
      offset += width;
    } else {
      const values = column.values;
      let sum = 0;
      let sumSq = 0;
      let n = 0;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      let anyMissing = false;
      for (let i = 0; i < values.length; i++) {
        const v = values[i] as number;
        if (Number.isNaN(v)) {
          anyMissing = true;
          continue;
        }
        sum += v;
        sumSq += v * v;
        n++;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      for (const src of sameInOthers) {
        if (src.kind === "categorical" || src.kind === "id") continue;
        for (let i = 0; i < src.values.length && !anyMissing; i++) if (Number.isNaN(src.values[i] as number)) anyMissing = true;
      }
      const center = n > 0 ? sum / n : 0;
      const spread = scaleKind === "range" ? max - min : Math.sqrt(Math.max(0, sumSq / Math.max(n, 1) - center * center));
      // A constant column (spread 0) keeps scale 1: any difference then counts in raw units (SDMetrics issue #739).
      const scale = spread > 0 && Number.isFinite(spread) ? spread : 1;
      const width = anyMissing ? 2 : 1;
      specs.push({ name: colName, kind: column.kind, offset, width, weight, center, scale, missingIndicator: anyMissing });
      offset += width;
    }
  }
  const dims = offset;
  const stride = Math.max(4, Math.ceil(dims / 4) * 4);

  const encode = (table: Table): EncodedRows => {
    const n = table.nRows;
    const data = new Float32Array(n * stride);
    for (const spec of specs) {
      const column = table.columns.find((c) => c.name === spec.name);
      if (!column) throw new DataError(`encoder: table has no column ${JSON.stringify(spec.name)}`);
      const w = Math.sqrt(spec.weight);
      if (spec.categories) {
        if (column.kind !== "categorical") {
          throw new DataError(`encoder: column ${JSON.stringify(spec.name)} is ${column.kind}, expected categorical`);
        }
        const level = new Map<string | null, number>();
        spec.categories.forEach((c, i) => level.set(c, i));
        const nLevels = spec.categories.length + (spec.pooled ? 1 : 0);
        const coords = simplexCoordinates(nLevels, w * Math.SQRT1_2);
        const known = new Set<string | null>(spec.categories);
        for (let i = 0; i < n; i++) {
          const label = column.values[i] ?? null;
          let l = level.get(label);
          // Pooled rare categories share the last level; truly unseen ones stay at the centre (all zero),
          // except in a one-level column, where the centre is the level itself.
          if (l === undefined && spec.pooled && !known.has(label)) l = nLevels - 1;
          const o = i * stride + spec.offset;
          if (l === undefined) {
            if (nLevels === 1) data[o] = w * Math.SQRT1_2;
            continue;
          }
          for (let t = 0; t < spec.width; t++) data[o + t] = coords[l * spec.width + t] as number;
        }
      } else {
        if (column.kind === "categorical" || column.kind === "id") {
          throw new DataError(`encoder: column ${JSON.stringify(spec.name)} is ${column.kind}, expected ${spec.kind}`);
        }
        const center = spec.center as number;
        const factor = w / (spec.scale as number);
        for (let i = 0; i < n; i++) {
          const v = column.values[i] as number;
          const o = i * stride + spec.offset;
          if (Number.isNaN(v)) {
            // Imputed at the mean (0 after centring); the indicator carries the difference.
            if (spec.missingIndicator) data[o + 1] = w;
          } else {
            data[o] = (v - center) * factor;
          }
        }
      }
    }
    return { data, nRows: n, dims, stride };
  };

  return { dims, stride, columns: specs, encode };
}

/**
 * Coordinates of L points with all pairwise distances equal to √2·scale: the one-hot vectors e_0..e_{L−1} times
 * `scale`, expressed in the orthonormal Helmert basis of the sum-zero subspace, h_k = (1, …, 1, −k, 0, …)/√(k(k+1))
 * for k = 1..L−1 (the component along (1, …, 1) is the same for every point and is dropped). Row-major L × (L−1);
 * for L = 1 a single coordinate 0.
 */
function simplexCoordinates(nLevels: number, scale: number): Float64Array {
  const width = Math.max(1, nLevels - 1);
  const out = new Float64Array(nLevels * width);
  for (let k = 1; k < nLevels; k++) {
    const norm = 1 / Math.sqrt(k * (k + 1));
    for (let l = 0; l < k; l++) out[l * width + (k - 1)] = scale * norm;
    out[k * width + (k - 1)] = -k * scale * norm;
  }
  return out;
}

/**
 * Wraps raw numbers (row-major, `dims` per row) as {@link EncodedRows} without any scaling: for data that is
 * already numeric and scaled (PCA scores, embeddings, test fixtures). Cost: O(rows · dims).
 */
export function encodeNumeric(values: ArrayLike<number>, nRows: number, dims: number): EncodedRows {
  if (values.length !== nRows * dims) throw new DataError(`encodeNumeric: ${values.length} values is not ${nRows} × ${dims}`);
  const stride = Math.max(4, Math.ceil(dims / 4) * 4);
  const data = new Float32Array(nRows * stride);
  for (let i = 0; i < nRows; i++) {
    for (let t = 0; t < dims; t++) {
      const v = values[i * dims + t] as number;
      if (!Number.isFinite(v)) throw new DataError(`encodeNumeric: value at row ${i}, column ${t} is not finite`);
      data[i * stride + t] = v;
    }
  }
  return { data, nRows, dims, stride };
}

/** Rows `rows` of an encoded matrix, in that order (indices may repeat). Cost: O(rows · stride). */
export function selectEncodedRows(m: EncodedRows, rows: ArrayLike<number>): EncodedRows {
  const data = new Float32Array(rows.length * m.stride);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    data.set(m.data.subarray(r * m.stride, (r + 1) * m.stride), i * m.stride);
  }
  return { data, nRows: rows.length, dims: m.dims, stride: m.stride };
}

/** Euclidean distance between row i of a and row j of b (same encoder), in float64. Cost: O(stride). */
export function rowDistance(a: EncodedRows, i: number, b: EncodedRows, j: number): number {
  let s = 0;
  for (let t = 0; t < a.stride; t++) {
    const d = (a.data[i * a.stride + t] as number) - (b.data[j * b.stride + t] as number);
    s += d * d;
  }
  return Math.sqrt(s);
}

// ---------------------------------------------------------------------------------------------------------------
// k-NN search
// ---------------------------------------------------------------------------------------------------------------

/** Options of {@link kNearest} and {@link kNearestSync}. */
export interface KnnOptions {
  /** Neighbours per query (default 1); capped at the number of reference rows. */
  k?: number;
  /**
   * The query and the reference are the same rows (query i is reference i): leave each row out of its own
   * neighbours (for real-to-real distances). When a row has exact duplicates, a duplicate may be returned at
   * distance 0, as it should.
   */
  excludeSelf?: boolean;
  /**
   * Worker threads for {@link kNearest} (default: available cores, at most 8). Small searches (under ~0.1 s of
   * work) always run in the calling thread. Ignored by {@link kNearestSync}.
   */
  workers?: number;
  /**
   * Estimated work (queries × (references × stride + 400·k·ln references), i.e. multiply-adds plus candidate
   * bookkeeping) below which {@link kNearest} stays in the calling thread (default 5e8, about 0.1 s).
   * 0 forces workers (tests).
   */
  workerThreshold?: number;
}

/** Result of a k-NN search: k neighbours per query row, nearest first. */
export interface KnnResult {
  /** Neighbours per query actually returned (k capped at the reference size, minus self with excludeSelf). */
  k: number;
  nQuery: number;
  /** Reference row of the j-th neighbour of query i at `indices[i * k + j]`. */
  indices: Int32Array;
  /** Its Euclidean distance at `distances[i * k + j]`, ascending in j. */
  distances: Float64Array;
}

/**
 * Exact k nearest reference rows of every query row, in the calling thread.
 *
 * Use it for small searches (a few million row pairs) or inside a worker. Ties between equally distant
 * reference rows are broken by the lower row index.
 * Cost: nQuery · nReference · stride multiply-adds (≈ 6·10⁹/s/core with WASM SIMD).
 * @throws {DataError} the two matrices come from different encoders, or the reference is empty
 */
export function kNearestSync(query: EncodedRows, reference: EncodedRows, options: KnnOptions = {}): KnnResult {
  const plan = planSearch(query, reference, options);
  if (query.nRows === 0) return { k: plan.kOut, nQuery: 0, indices: new Int32Array(0), distances: new Float64Array(0) };
  const out = searchKnn({
    reference: reference.data,
    nReference: reference.nRows,
    query: query.data,
    nQuery: query.nRows,
    stride: query.stride,
    k: plan.kSearch,
  });
  return finish(out.indices, out.distances, query.nRows, plan, options.excludeSelf === true);
}

/**
 * Exact k nearest reference rows of every query row, with the queries split over worker threads.
 * Same result as {@link kNearestSync}, bit for bit.
 *
 * Workers come from a pool started on first use and kept for later calls (startup ≈ 0.1 s from compiled JS,
 * ≈ 1 s under tsx); idle workers do not keep the process alive, and {@link shutdownKnnWorkers} stops them.
 * Under tsx/vitest a worker is loaded through `neighbors-worker.mjs`, which registers tsx; compiled JS loads
 * `neighbors-worker.js` directly.
 * Cost: as {@link kNearestSync}, divided by the number of workers; memory: the reference is shared (one copy),
 * plus one copy inside each worker's WebAssembly memory.
 */
export async function kNearest(query: EncodedRows, reference: EncodedRows, options: KnnOptions = {}): Promise<KnnResult> {
  const plan = planSearch(query, reference, options);
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkers()));
  // Work: the multiply-adds, plus the JavaScript bookkeeping of candidates, which grows with k (≈ k·ln n per query).
  const work = query.nRows * (reference.nRows * query.stride + 400 * plan.kSearch * Math.log(reference.nRows + 1));
  const chunks = Math.min(workers, Math.floor(query.nRows / 64));
  if (chunks < 2 || work < (options.workerThreshold ?? 5e8)) return kNearestSync(query, reference, options);

  // One shared copy of the reference for all workers; each worker gets its slice of the queries.
  const shared = new Float32Array(new SharedArrayBuffer(reference.nRows * reference.stride * 4));
  shared.set(reference.data.subarray(0, reference.nRows * reference.stride));
  const bounds: number[] = [];
  for (let c = 0; c <= chunks; c++) bounds.push(Math.round((c * query.nRows) / chunks));
  const parts = await Promise.all(
    bounds.slice(0, -1).map((from, c) => {
      const to = bounds[c + 1] as number;
      const slice = query.data.slice(from * query.stride, to * query.stride);
      return pool.run(c, {
        reference: shared,
        nReference: reference.nRows,
        query: slice,
        nQuery: to - from,
        stride: query.stride,
        k: plan.kSearch,
      });
    }),
  );
  const indices = new Int32Array(query.nRows * plan.kSearch);
  const distances = new Float64Array(query.nRows * plan.kSearch);
  parts.forEach((part, c) => {
    indices.set(part.indices, (bounds[c] as number) * plan.kSearch);
    distances.set(part.distances, (bounds[c] as number) * plan.kSearch);
  });
  return finish(indices, distances, query.nRows, plan, options.excludeSelf === true);
}

/** Stops the pooled k-NN workers (they restart on the next large search). Safe to call at any time. */
export async function shutdownKnnWorkers(): Promise<void> {
  await pool.shutdown();
}

/** Cores available to this process, at most 8. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

interface Plan {
  kSearch: number;
  kOut: number;
}

function planSearch(query: EncodedRows, reference: EncodedRows, options: KnnOptions): Plan {
  if (query.stride !== reference.stride || query.dims !== reference.dims) {
    throw new DataError(
      `kNearest: query rows have ${query.dims} coordinates but reference rows ${reference.dims}; encode both with the same encoder`,
    );
  }
  const k = options.k ?? 1;
  if (!Number.isInteger(k) || k < 1) throw new UsageError([{ path: "k", message: `must be a positive whole number, got ${k}` }]);
  const self = options.excludeSelf === true;
  if (self && query.nRows !== reference.nRows) {
    throw new DataError(`kNearest: excludeSelf needs the same rows as query and reference (${query.nRows} vs ${reference.nRows})`);
  }
  const available = reference.nRows - (self ? 1 : 0);
  if (available < 1) throw new DataError("kNearest: the reference has no rows to search");
  const kOut = Math.min(k, available);
  return { kSearch: Math.min(reference.nRows, kOut + (self ? 1 : 0)), kOut };
}

function finish(indices: Int32Array, distances: Float64Array, nQuery: number, plan: Plan, excludeSelf: boolean): KnnResult {
  const { kSearch, kOut } = plan;
  if (!excludeSelf || kSearch === kOut) return { k: kOut, nQuery, indices, distances };
  const outI = new Int32Array(nQuery * kOut);
  const outD = new Float64Array(nQuery * kOut);
  for (let q = 0; q < nQuery; q++) {
    // Drop the row itself if it is among the neighbours, otherwise the farthest (it tied with itself at 0).
    let skip = kSearch - 1;
    for (let j = 0; j < kSearch; j++) {
      if (indices[q * kSearch + j] === q) {
        skip = j;
        break;
      }
    }
    for (let j = 0, w = 0; j < kSearch; j++) {
      if (j === skip) continue;
      outI[q * kOut + w] = indices[q * kSearch + j] as number;
      outD[q * kOut + w] = distances[q * kSearch + j] as number;
      w++;
    }
  }
  return { k: kOut, nQuery, indices: outI, distances: outD };
}

/** Message a worker receives (as workerData) and the one it sends back. */
export interface WorkerJob {
  reference: Float32Array;
  nReference: number;
  query: Float32Array;
  nQuery: number;
  stride: number;
  k: number;
}

/** A message to a pooled worker: one job, tagged so the answer can be matched to it. */
export interface WorkerRequest {
  id: number;
  job: WorkerJob;
}
/** A pooled worker's answer to the request with the same id. */
export type WorkerReply = { id: number; indices: Int32Array; distances: Float64Array } | { id: number; error: string };

/**
 * Persistent workers, one job at a time each. A worker is ref'd while it has a job (so the process waits for the
 * answer) and unref'd when idle (so an idle pool never keeps the process alive).
 */
class WorkerPool {
  private readonly workers: (Worker | undefined)[] = [];
  private readonly busy: Promise<unknown>[] = [];
  private nextId = 1;

  run(slot: number, job: WorkerJob): Promise<{ indices: Int32Array; distances: Float64Array }> {
    // Jobs on the same slot queue behind each other (concurrent kNearest calls share the pool).
    const previous = this.busy[slot] ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.dispatch(slot, job));
    this.busy[slot] = next;
    return next;
  }

  private worker(slot: number): Worker {
    let w = this.workers[slot];
    if (!w) {
      const here = import.meta.url;
      // Under tsx/vitest this file is .ts and Node cannot load a .ts worker by itself (nodejs/node#47747).
      const script = here.endsWith(".ts") ? new URL("./neighbors-worker.mjs", here) : new URL("./neighbors-worker.js", here);
      w = new Worker(script);
      w.unref();
      w.on("exit", () => {
        if (this.workers[slot] === w) this.workers[slot] = undefined;
      });
      this.workers[slot] = w;
    }
    return w;
  }

  private dispatch(slot: number, job: WorkerJob): Promise<{ indices: Int32Array; distances: Float64Array }> {
    const w = this.worker(slot);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onMessage = (msg: WorkerReply) => {
        if (msg.id !== id) return;
        cleanup();
        if ("error" in msg) reject(new Error(`k-NN worker failed: ${msg.error}`));
        else resolve({ indices: msg.indices, distances: msg.distances });
      };
      const onError = (err: Error) => {
        cleanup();
        this.workers[slot] = undefined;
        void w.terminate();
        reject(err);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`k-NN worker exited with code ${code} before answering`));
      };
      const cleanup = () => {
        w.off("message", onMessage);
        w.off("error", onError);
        w.off("exit", onExit);
        w.unref();
      };
      w.on("message", onMessage);
      w.once("error", onError);
      w.once("exit", onExit);
      w.ref();
      const request: WorkerRequest = { id, job };
      w.postMessage(request, [job.query.buffer as ArrayBuffer]);
    });
  }

  async shutdown(): Promise<void> {
    const all = this.workers.splice(0);
    this.busy.length = 0;
    await Promise.all(all.map((w) => w?.terminate()));
  }
}

const pool = new WorkerPool();
