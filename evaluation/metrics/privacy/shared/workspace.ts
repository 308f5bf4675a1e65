/**
 * The data every privacy metric works on — real training rows, real holdout rows, synthetic rows — with the
 * expensive parts computed once and shared: the entity (patient) grouping, the row encoder, seeded subsamples
 * of whole patients, encoded matrices and k-nearest-neighbour results.
 *
 * Why a workspace: DCR, NNDR and the distance attack all need "nearest training row of each synthetic row";
 * on 100k × 100k rows each such search costs seconds, so metrics run on one workspace reuse them.
 *
 * Determinism: every subsample is drawn from `ctx.rng.fork("privacy/<label>")`, which depends only on the run
 * seed and the label, never on which metric asked first. The seed string is recorded in each result.
 *
 * @example
 * const ws = new PrivacyWorkspace({ train, holdout, synthetic }, ctx);
 * const dcr = await dcrOverfitting(ws, ctx);
 * const nndr = await nearestNeighbourDistanceRatio(ws, ctx); // reuses the same synthetic→train search
 */
import { DataError } from "../../../../core/errors.js";
import type { Rng } from "../../../../core/rng.js";
import { buildEntityIndex, type EntityIndex } from "../../../data/entity-index.js";
import { inferEntityColumn } from "../../../data/infer-entity-column.js";
import { shuffledCodes } from "../../../data/subsample-entities.js";
import {
  fitRowEncoder,
  kNearest,
  selectEncodedRows,
  type EncodedRows,
  type KnnResult,
  type NumericScale,
  type RowEncoder,
} from "../../../stats/neighbors.js";
import type { Column, MetricContext, Table } from "../../../types.js";

/** The three tables of a privacy evaluation and how to compare their rows. */
export interface PrivacyInput {
  /** Real records the generator was trained on (the members). */
  train: Table;
  /** Real records from the same population that the generator never saw (the non-members, or "control"). */
  holdout: Table;
  /** The synthetic release. */
  synthetic: Table;
  /**
   * Column grouping rows into entities (patients): membership belongs to the patient, not the row. Undefined →
   * inferred from the training table's id columns; null → every row is its own entity.
   */
  entityColumn?: string | null;
  /** Columns compared by distance-based metrics (default: every non-id column present in all three tables). */
  columns?: readonly string[];
  /** Numeric scaling for distances (default "range" of the training data, as SDMetrics). */
  numericScale?: NumericScale;
  /** Per-column weights of the squared distance (default 1). */
  weights?: Readonly<Record<string, number>>;
}

/** Which table a row set comes from. */
export type Source = "train" | "holdout" | "synthetic" | "generated";

/**
 * A seeded selection of whole entities from one table: the rows (ascending), and a local entity numbering
 * 0..nEntities-1 with CSR arrays, ready for per-entity aggregation and cluster bootstraps.
 */
export interface RowSet {
  /** Cache key; also names the random stream that drew it. */
  label: string;
  source: Source;
  /** Row numbers in the source table, ascending. */
  rows: Int32Array;
  /** Local entity (0..nEntities-1) of each selected row, aligned with `rows`. */
  entityOf: Int32Array;
  nEntities: number;
  /** Positions p in `rows` of local entity e: `members[offsets[e] .. offsets[e+1])`. */
  offsets: Int32Array;
  members: Int32Array;
  /** Seed of the subsampling stream, or null when the set is a deterministic full/complement selection. */
  seed: string | null;
  /** Entities and rows available in the source before selection. */
  entitiesTotal: number;
  rowsTotal: number;
}

/** Options of {@link PrivacyWorkspace.sample}. */
export interface SampleOptions {
  maxEntities?: number;
  /** Stop adding entities once this many rows are taken (the last entity is kept whole). */
  maxRows?: number;
  /** Entities of the source that must not be chosen (e.g. the other half of a split). */
  exclude?: RowSet;
}

/**
 * Shared state of one privacy evaluation. Construct once per (train, holdout, synthetic) and pass it to every
 * privacy metric instead of the raw tables.
 */
export class PrivacyWorkspace {
  readonly input: PrivacyInput;
  readonly rng: Rng;
  readonly tables: Readonly<Record<"train" | "holdout" | "synthetic", Table>>;
  readonly entityIndex: Readonly<Record<"train" | "holdout" | "synthetic", EntityIndex>>;
  /** The entity column, or null when rows are independent. */
  readonly entityColumn: string | null;
  /** Compared columns (non-id, present in all three tables, same kind). */
  readonly columns: readonly string[];
  /** Problems found while matching the tables (columns dropped, entity column missing somewhere). */
  readonly warnings: string[] = [];

  private encoderCache: RowEncoder | undefined;
  private readonly encodedFull = new Map<Source, EncodedRows>();
  private readonly sets = new Map<string, RowSet>();
  private readonly encodedSets = new Map<string, EncodedRows>();
  private readonly knnCache = new Map<string, Promise<KnnResult>>();
  private readonly generatedTables = new Map<string, Table>();

  /**
   * Matches the tables and groups rows into entities. Cheap: O(rows) per table; nothing is encoded yet.
   * @throws {DataError} a table is empty, or no column can be compared
   */
  constructor(input: PrivacyInput, ctx: MetricContext) {
    this.input = input;
    this.rng = ctx.rng;
    const { train, holdout, synthetic } = input;
    for (const [name, t] of [["train", train], ["holdout", holdout], ["synthetic", synthetic]] as const) {
      if (t.nRows === 0) throw new DataError(`privacy: the ${name} table has no rows`);
    }
    this.tables = { train, holdout, synthetic };
    const choice = inferEntityColumn(train, input.entityColumn);
    this.entityColumn = choice.column;
    const indexFor = (t: Table, name: string): EntityIndex => {
      if (this.entityColumn === null) return buildEntityIndex(t, null);
      if (!t.columns.some((c) => c.name === this.entityColumn)) {
        this.warnings.push(`the ${name} table has no entity column ${JSON.stringify(this.entityColumn)}; its rows are treated as independent`);
        return buildEntityIndex(t, null);
      }
      return buildEntityIndex(t, this.entityColumn);
    };
    this.entityIndex = { train: indexFor(train, "train"), holdout: indexFor(holdout, "holdout"), synthetic: indexFor(synthetic, "synthetic") };
    this.columns = this.matchColumns(input.columns);
    if (this.columns.length === 0) throw new DataError("privacy: no column is present in train, holdout and synthetic tables alike");
  }

  private matchColumns(requested: readonly string[] | undefined): string[] {
    const { train, holdout, synthetic } = this.tables;
    const family = (c: Column) => (c.kind === "categorical" ? "categorical" : c.kind === "id" ? "id" : "number");
    const names = requested ?? train.columns.filter((c) => c.kind !== "id").map((c) => c.name);
    const out: string[] = [];
    for (const name of names) {
      const a = train.columns.find((c) => c.name === name);
      if (!a) throw new DataError(`privacy: column ${JSON.stringify(name)} is not in the training table`);
      if (a.kind === "id") continue;
      const others = [holdout, synthetic].map((t) => t.columns.find((c) => c.name === name));
      if (others.some((c) => !c)) {
        this.warnings.push(`column ${JSON.stringify(name)} is missing from the holdout or synthetic table and is not compared`);
        continue;
      }
      if (others.some((c) => family(c as Column) !== family(a))) {
        throw new DataError(`privacy: column ${JSON.stringify(name)} has different kinds in the real and synthetic tables`);
      }
      out.push(name);
    }
    return out;
  }

  /** The row encoder, fitted on the training data (scales) with categories from all three tables. */
  get encoder(): RowEncoder {
    if (!this.encoderCache) {
      this.encoderCache = fitRowEncoder(this.tables.train, {
        columns: this.columns,
        numericScale: this.input.numericScale ?? "range",
        ...(this.input.weights ? { weights: this.input.weights } : {}),
        alsoSeen: [this.tables.holdout, this.tables.synthetic],
      });
    }
    return this.encoderCache;
  }

  /** Table behind a source (generated tables are registered with {@link addGenerated}). */
  table(source: Source, label?: string): Table {
    if (source === "generated") {
      const t = label === undefined ? undefined : this.generatedTables.get(label);
      if (!t) throw new DataError(`privacy: no generated table ${JSON.stringify(label)}`);
      return t;
    }
    return this.tables[source];
  }

  /** A seeded random stream named `privacy/<label>`: same seed, same label → same numbers. */
  stream(label: string): Rng {
    return this.rng.fork(`privacy/${label}`);
  }

  /**
   * A seeded subsample of whole entities of one table, memoised by label. Entities are taken in a random order
   * until `maxEntities` or `maxRows` is reached; a patient is never split (the last one may overshoot maxRows).
   * Without limits (and without `exclude`) it is the whole table, unshuffled.
   * Cost: O(rows of the source).
   */
  sample(label: string, source: "train" | "holdout" | "synthetic", options: SampleOptions = {}): RowSet {
    const cached = this.sets.get(label);
    if (cached) return cached;
    const index = this.entityIndex[source];
    const maxEntities = options.maxEntities ?? Number.POSITIVE_INFINITY;
    const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
    const excluded = new Uint8Array(index.nEntities);
    if (options.exclude) {
      if (options.exclude.source !== source) throw new DataError("privacy: exclude must come from the same table");
      for (const r of options.exclude.rows) excluded[index.rowEntity[r] as number] = 1;
    }
    const unlimited = maxEntities >= index.nEntities && maxRows >= index.nRows && !options.exclude;
    const keep = new Uint8Array(index.nEntities);
    let seed: string | null = null;
    if (unlimited) {
      keep.fill(1);
    } else {
      const rng = this.stream(label);
      seed = rng.seed;
      const order = shuffledCodes(index.nEntities, rng);
      let rows = 0;
      let entities = 0;
      for (let i = 0; i < order.length && entities < maxEntities && rows < maxRows; i++) {
        const e = order[i] as number;
        if (excluded[e]) continue;
        keep[e] = 1;
        entities++;
        rows += (index.offsets[e + 1] as number) - (index.offsets[e] as number);
      }
    }
    const set = this.makeSet(label, source, index, keep, seed);
    this.sets.set(label, set);
    return set;
  }

  /**
   * Splits the entities of a table into two disjoint seeded halves (first half gets the extra entity), memoised.
   * Used where one part of the holdout plays the attacker's reference and the other the non-members.
   */
  split(label: string, source: "train" | "holdout" | "synthetic"): [RowSet, RowSet] {
    const a = this.sets.get(`${label}/a`);
    const b = this.sets.get(`${label}/b`);
    if (a && b) return [a, b];
    const index = this.entityIndex[source];
    const rng = this.stream(label);
    const order = shuffledCodes(index.nEntities, rng);
    const half = Math.ceil(index.nEntities / 2);
    const keepA = new Uint8Array(index.nEntities);
    const keepB = new Uint8Array(index.nEntities);
    order.forEach((e, i) => ((i < half ? keepA : keepB)[e] = 1));
    const sa = this.makeSet(`${label}/a`, source, index, keepA, rng.seed);
    const sb = this.makeSet(`${label}/b`, source, index, keepB, rng.seed);
    this.sets.set(sa.label, sa);
    this.sets.set(sb.label, sb);
    return [sa, sb];
  }

  /** A sub-selection of an existing set (whole entities), seeded by `label`, memoised. */
  subsetOf(label: string, parent: RowSet, options: { maxEntities?: number; maxRows?: number }): RowSet {
    const cached = this.sets.get(label);
    if (cached) return cached;
    const maxEntities = options.maxEntities ?? Number.POSITIVE_INFINITY;
    const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
    if (maxEntities >= parent.nEntities && maxRows >= parent.rows.length) return parent;
    const rng = this.stream(label);
    const order = shuffledCodes(parent.nEntities, rng);
    const keepLocal = new Uint8Array(parent.nEntities);
    let rows = 0;
    let entities = 0;
    for (let i = 0; i < order.length && entities < maxEntities && rows < maxRows; i++) {
      const e = order[i] as number;
      keepLocal[e] = 1;
      entities++;
      rows += (parent.offsets[e + 1] as number) - (parent.offsets[e] as number);
    }
    const picked: number[] = [];
    const ent: number[] = [];
    for (let p = 0; p < parent.rows.length; p++) {
      if (keepLocal[parent.entityOf[p] as number]) {
        picked.push(parent.rows[p] as number);
        ent.push(parent.entityOf[p] as number);
      }
    }
    const set = csrSet(label, parent.source, Int32Array.from(picked), Int32Array.from(ent), rng.seed, parent.nEntities, parent.rows.length);
    this.sets.set(label, set);
    return set;
  }

  /**
   * Splits an existing set's entities into two disjoint seeded halves (first half gets the extra entity), memoised
   * under `<label>/a` and `<label>/b`.
   */
  splitOf(label: string, parent: RowSet): [RowSet, RowSet] {
    const a = this.sets.get(`${label}/a`);
    const b = this.sets.get(`${label}/b`);
    if (a && b) return [a, b];
    const rng = this.stream(label);
    const order = shuffledCodes(parent.nEntities, rng);
    const half = Math.ceil(parent.nEntities / 2);
    const side = new Uint8Array(parent.nEntities);
    order.forEach((e, i) => (side[e] = i < half ? 0 : 1));
    const parts = [0, 1].map((which) => {
      const rows: number[] = [];
      const ent: number[] = [];
      for (let p = 0; p < parent.rows.length; p++) {
        if (side[parent.entityOf[p] as number] === which) {
          rows.push(parent.rows[p] as number);
          ent.push(parent.entityOf[p] as number);
        }
      }
      const set = csrSet(`${label}/${which === 0 ? "a" : "b"}`, parent.source, Int32Array.from(rows), Int32Array.from(ent), rng.seed, parent.nEntities, parent.rows.length);
      this.sets.set(set.label, set);
      return set;
    });
    return [parts[0] as RowSet, parts[1] as RowSet];
  }

  /**
   * Registers a table made by the evaluation itself (random baseline rows, shadow synthetic data) as a row set
   * whose rows are all independent entities unless `entityColumn` names a column of it.
   */
  addGenerated(label: string, table: Table, seed: string | null): RowSet {
    this.generatedTables.set(label, table);
    const index = buildEntityIndex(table, this.entityColumn !== null && table.columns.some((c) => c.name === this.entityColumn) ? this.entityColumn : null);
    const keep = new Uint8Array(index.nEntities).fill(1);
    const set = this.makeSet(label, "generated", index, keep, seed);
    this.sets.set(label, set);
    this.encodedSets.set(label, this.encoder.encode(table));
    return set;
  }

  private makeSet(label: string, source: Source, index: EntityIndex, keep: Uint8Array, seed: string | null): RowSet {
    let n = 0;
    for (let i = 0; i < index.nRows; i++) if (keep[index.rowEntity[i] as number]) n++;
    const rows = new Int32Array(n);
    const globalEntity = new Int32Array(n);
    let w = 0;
    for (let i = 0; i < index.nRows; i++) {
      const e = index.rowEntity[i] as number;
      if (keep[e]) {
        rows[w] = i;
        globalEntity[w++] = e;
      }
    }
    return csrSet(label, source, rows, globalEntity, seed, index.nEntities, index.nRows);
  }

  /** Encoded rows of a set (memoised). Cost: O(rows · columns) the first time per source table. */
  encoded(set: RowSet): EncodedRows {
    const cached = this.encodedSets.get(set.label);
    if (cached) return cached;
    if (set.source === "generated") throw new DataError(`privacy: generated set ${set.label} was not registered`);
    let full = this.encodedFull.get(set.source);
    if (!full) {
      full = this.encoder.encode(this.tables[set.source]);
      this.encodedFull.set(set.source, full);
    }
    const enc = set.rows.length === full.nRows ? full : selectEncodedRows(full, set.rows);
    this.encodedSets.set(set.label, enc);
    return enc;
  }

  /** Encoded rows of a table by row number (indices may repeat), from the cached full encoding. */
  encodedRows(source: "train" | "holdout" | "synthetic", rows: ArrayLike<number>): EncodedRows {
    let full = this.encodedFull.get(source);
    if (!full) {
      full = this.encoder.encode(this.tables[source]);
      this.encodedFull.set(source, full);
    }
    return selectEncodedRows(full, rows);
  }

  /**
   * A copy of encoded rows in which only the coordinates of `keep` columns remain (the others are zeroed):
   * distances then involve those columns only, exactly as if they had been encoded alone (each column's scaling
   * does not depend on the others). Used by attacks that know a subset of the columns.
   * @throws {DataError} a kept column is not compared
   */
  mask(rows: EncodedRows, keep: readonly string[]): EncodedRows {
    for (const c of keep) if (!this.columns.includes(c)) throw new DataError(`privacy: column ${JSON.stringify(c)} is not compared`);
    const kept = new Set(keep);
    const drop = this.encoder.columns.filter((c) => !kept.has(c.name));
    const data = Float32Array.from(rows.data);
    for (let i = 0; i < rows.nRows; i++) {
      for (const c of drop) data.fill(0, i * rows.stride + c.offset, i * rows.stride + c.offset + c.width);
    }
    return { ...rows, data };
  }

  /**
   * k nearest rows of `reference` for every row of `query` (positions within the sets, not table rows),
   * memoised per (query, reference): a later call with a smaller k reuses a larger search.
   * `excludeSelf` must be used only with query === reference.
   */
  nearest(query: RowSet, reference: RowSet, k: number, excludeSelf = false): Promise<KnnResult> {
    const key = `${query.label}->${reference.label}${excludeSelf ? "/self" : ""}`;
    for (const [cachedKey, result] of this.knnCache) {
      if (cachedKey.startsWith(`${key}#`) && Number(cachedKey.slice(key.length + 1)) >= k) return result.then((r) => truncateK(r, k));
    }
    const promise = kNearest(this.encoded(query), this.encoded(reference), { k, excludeSelf });
    this.knnCache.set(`${key}#${k}`, promise);
    return promise;
  }

  /** Row counts and entity counts for MetricResult.n. */
  sizes(sets: { real: RowSet; synthetic: RowSet; holdout?: RowSet }): {
    real: number;
    synthetic: number;
    holdout?: number;
    entities: { real: number; synthetic: number; holdout?: number };
  } {
    const { real, synthetic, holdout } = sets;
    return {
      real: real.rows.length,
      synthetic: synthetic.rows.length,
      ...(holdout ? { holdout: holdout.rows.length } : {}),
      entities: { real: real.nEntities, synthetic: synthetic.nEntities, ...(holdout ? { holdout: holdout.nEntities } : {}) },
    };
  }
}

/** Accepts raw tables or a workspace: metrics call this first. */
export function asWorkspace(input: PrivacyInput | PrivacyWorkspace, ctx: MetricContext): PrivacyWorkspace {
  return input instanceof PrivacyWorkspace ? input : new PrivacyWorkspace(input, ctx);
}

/** Record of how a set was drawn, for a result's details (counts and seed only, never values). */
export function describeSet(set: RowSet): { rows: number; entities: number; rowsTotal: number; entitiesTotal: number; seed: string | null } {
  return { rows: set.rows.length, entities: set.nEntities, rowsTotal: set.rowsTotal, entitiesTotal: set.entitiesTotal, seed: set.seed };
}

function csrSet(
  label: string,
  source: Source,
  rows: Int32Array,
  globalEntity: Int32Array,
  seed: string | null,
  entitiesTotal: number,
  rowsTotal: number,
): RowSet {
  // Renumber entities 0..m-1 in order of first appearance.
  const local = new Map<number, number>();
  const entityOf = new Int32Array(rows.length);
  for (let p = 0; p < rows.length; p++) {
    const g = globalEntity[p] as number;
    let e = local.get(g);
    if (e === undefined) {
      e = local.size;
      local.set(g, e);
    }
    entityOf[p] = e;
  }
  const nEntities = local.size;
  const offsets = new Int32Array(nEntities + 1);
  for (let p = 0; p < rows.length; p++) offsets[(entityOf[p] as number) + 1]!++;
  for (let e = 0; e < nEntities; e++) offsets[e + 1]! += offsets[e] as number;
  const cursor = offsets.slice(0, nEntities);
  const members = new Int32Array(rows.length);
  for (let p = 0; p < rows.length; p++) members[cursor[entityOf[p] as number]!++] = p;
  return { label, source, rows, entityOf, nEntities, offsets, members, seed, entitiesTotal, rowsTotal };
}

function truncateK(r: KnnResult, k: number): KnnResult {
  if (r.k <= k) return r;
  const indices = new Int32Array(r.nQuery * k);
  const distances = new Float64Array(r.nQuery * k);
  for (let q = 0; q < r.nQuery; q++) {
    for (let j = 0; j < k; j++) {
      indices[q * k + j] = r.indices[q * r.k + j] as number;
      distances[q * k + j] = r.distances[q * r.k + j] as number;
    }
  }
  return { k, nQuery: r.nQuery, indices, distances };
}

/**
 * Aggregates per-row values of a set to per-entity values (mean, max or min over the entity's rows).
 * Cost: O(rows).
 */
export function aggregateByEntity(values: ArrayLike<number>, set: RowSet, how: "mean" | "max" | "min" = "mean"): Float64Array {
  const out = new Float64Array(set.nEntities);
  for (let e = 0; e < set.nEntities; e++) {
    const from = set.offsets[e] as number;
    const to = set.offsets[e + 1] as number;
    let acc = how === "mean" ? 0 : how === "max" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (let p = from; p < to; p++) {
      const v = values[set.members[p] as number] as number;
      if (how === "mean") acc += v;
      else if (how === "max") acc = Math.max(acc, v);
      else acc = Math.min(acc, v);
    }
    out[e] = how === "mean" ? acc / Math.max(1, to - from) : acc;
  }
  return out;
}

/** First-neighbour distances (column 0) of a k-NN result. */
export function firstDistances(r: KnnResult): Float64Array {
  const out = new Float64Array(r.nQuery);
  for (let q = 0; q < r.nQuery; q++) out[q] = r.distances[q * r.k] as number;
  return out;
}
