import { DataError, NotFittedError, UsageError } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import type { Table } from "../evaluation/types.js";
import { decodeTable, describeColumns, encodeTable, type EncodedTable, type ModelColumn } from "./model-schema.js";
import { NO_PRIVACY, type PrivacyLedger } from "./privacy-ledger.js";

/** Numeric arrays a model saves next to its JSON state (weights, tables, correlation matrices). */
export type StateArray = Float64Array | Float32Array | Int32Array;

/** Everything a fitted model needs to sample again: plain JSON plus named numeric arrays. */
export interface ModelState {
  json: unknown;
  arrays: Record<string, StateArray>;
}

export interface FitOptions {
  rng: Rng;
  /**
   * Columns the model conditions on, aligned row by row with the training table (e.g. a patient's attributes
   * for each of their tooth rows). Sampling then needs a context table with the same columns.
   */
  context?: Table;
  /** Called with the fraction done (0..1) and a short message, for progress bars. */
  onProgress?: (fraction: number, message: string) => void;
}

export interface SampleOptions {
  /** One row per requested sample: the conditions (same columns as the fit's context). */
  context?: Table;
}

/** What the training data looked like, kept in the saved model so a reviewer can see what was learned from. */
export interface TrainingSummary {
  rows: number;
  columns: number;
  contextColumns: number;
}

/**
 * The lifecycle every learned tabular model shares: fit / sample / export / import. The base class owns
 * validation, encoding (see model-schema.ts), seeding and the privacy ledger; a model implements only its own
 * fitting and sampling on encoded tables, and its state.
 *
 * Determinism: fitting and sampling draw only from the Rng they are given, so the same data, hyperparameters and
 * seed give the same model and the same samples (on the same tfjs backend for neural models).
 */
export abstract class TabularModel<Hyper extends object = object> {
  /** Registry name, e.g. "copula". */
  abstract readonly kind: string;
  /** Bumped when the saved state of this kind changes shape; load refuses other versions. */
  abstract readonly stateVersion: number;
  readonly hyperparameters: Hyper;
  protected columns: ModelColumn[] | undefined;
  protected contextColumns: ModelColumn[] = [];
  protected ledger: PrivacyLedger = NO_PRIVACY;
  protected training: TrainingSummary | undefined;

  constructor(hyperparameters: Hyper) {
    this.hyperparameters = hyperparameters;
  }

  get fitted(): boolean {
    return this.columns !== undefined;
  }

  /** The modelled columns, in output order. */
  get schema(): readonly ModelColumn[] {
    if (!this.columns) throw new NotFittedError(this.kind);
    return this.columns;
  }

  get contextSchema(): readonly ModelColumn[] {
    return this.contextColumns;
  }

  get privacy(): PrivacyLedger {
    return this.ledger;
  }

  get trainingSummary(): TrainingSummary | undefined {
    return this.training;
  }

  /** Fits the model on `table` (id columns are ignored). Replaces any earlier fit. */
  async fit(table: Table, options: FitOptions): Promise<this> {
    if (table.nRows < 2) throw new DataError(`the training table has ${table.nRows} row(s)`, "Fit on at least two rows (hundreds for a useful model).");
    const columns = describeColumns(table);
    let context: EncodedTable | undefined;
    let contextColumns: ModelColumn[] = [];
    if (options.context) {
      if (options.context.nRows !== table.nRows) {
        throw new DataError(`the context has ${options.context.nRows} rows but the training table has ${table.nRows}`, "Give one context row per training row.");
      }
      contextColumns = describeColumns(options.context);
      context = encodeTable(options.context, contextColumns);
    }
    const data = encodeTable(table, columns);
    this.ledger = NO_PRIVACY;
    await this.fitEncoded(data, context, options.rng, options.onProgress ?? (() => {}));
    this.columns = columns;
    this.contextColumns = contextColumns;
    this.training = { rows: table.nRows, columns: columns.length, contextColumns: contextColumns.length };
    return this;
  }

  /** Draws `n` rows. With a context-fitted model, `options.context` gives the condition of each row. */
  async sample(n: number, rng: Rng, options: SampleOptions = {}): Promise<Table> {
    if (!this.columns) throw new NotFittedError(this.kind);
    if (!Number.isInteger(n) || n < 0) throw new UsageError([{ path: "n", message: `must be a whole number >= 0, got ${n}` }]);
    let context: EncodedTable | undefined;
    if (this.contextColumns.length > 0) {
      if (!options.context) throw new DataError(`this ${this.kind} model was fitted with a context and needs one to sample`, "Pass the context rows (one per sample).");
      if (options.context.nRows !== n) throw new DataError(`the context has ${options.context.nRows} rows for ${n} samples`, "Give one context row per sample.");
      context = encodeTable(options.context, this.contextColumns);
    }
    const encoded = await this.sampleEncoded(n, rng, context);
    if (encoded.nRows !== n || encoded.values.length !== this.columns.length) {
      throw new Error(`${this.kind} returned ${encoded.nRows} rows x ${encoded.values.length} columns for ${n} x ${this.columns.length}`);
    }
    return decodeTable({ columns: this.columns, values: encoded.values, nRows: n });
  }

  /** The model's complete state, for saving. */
  exportState(): { columns: ModelColumn[]; contextColumns: ModelColumn[]; privacy: PrivacyLedger; training: TrainingSummary; state: ModelState } {
    if (!this.columns || !this.training) throw new NotFittedError(this.kind);
    return { columns: this.columns, contextColumns: this.contextColumns, privacy: this.ledger, training: this.training, state: this.saveState() };
  }

  /** Restores a state written by exportState (checked by the store for kind and version first). */
  importState(saved: { columns: ModelColumn[]; contextColumns: ModelColumn[]; privacy: PrivacyLedger; training: TrainingSummary; state: ModelState }): this {
    this.columns = saved.columns;
    this.contextColumns = saved.contextColumns;
    this.ledger = saved.privacy;
    this.training = saved.training;
    this.loadState(saved.state);
    return this;
  }

  /** Records what a differentially private fit spent. Call from fitEncoded. */
  protected setPrivacy(ledger: PrivacyLedger): void {
    this.ledger = ledger;
  }

  /** Learns from encoded training rows; `context` (if given) is aligned row by row. */
  protected abstract fitEncoded(
    data: EncodedTable,
    context: EncodedTable | undefined,
    rng: Rng,
    onProgress: (fraction: number, message: string) => void,
  ): Promise<void> | void;

  /** Draws `n` encoded rows (columns in `data.columns` order of the fit); `context` has n rows when given. */
  protected abstract sampleEncoded(n: number, rng: Rng, context: EncodedTable | undefined): Promise<EncodedTable> | EncodedTable;

  protected abstract saveState(): ModelState;

  protected abstract loadState(state: ModelState): void;
}
