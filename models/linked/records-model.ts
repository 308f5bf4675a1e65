import { DataError, NotFittedError } from "../../core/errors.js";
import type { Rng } from "../../core/rng.js";
import { selectColumns, takeRows } from "../../evaluation/data/take-rows.js";
import type { Column, ColumnKind, Table } from "../../evaluation/types.js";
import type { PrivacyLedger } from "../privacy-ledger.js";
import type { TabularModel } from "../tabular-model.js";
import { cellText, entityStructure } from "./entity-structure.js";

/** The columns of the records a model was fitted on, in output order, with their kinds. */
export interface OutputColumn {
  name: string;
  kind: ColumnKind;
}

/**
 * Linked layout of a fitted records model: which columns are per patient, which per row, and the key.
 * Plain data, saved beside the component models.
 */
export interface LinkedLayout {
  entity: string;
  parent: string[];
  key: string | null;
  keyKind: ColumnKind | null;
  keyValues: string[];
  child: string[];
  /** Hidden parent columns: one presence flag per key value, or the row count when there is no key. */
  presence: string[];
  rowsColumn: string | null;
  droppedIds: string[];
  /** Patients and rows seen in training, and the most rows of one patient (for group privacy). */
  patients: number;
  rows: number;
  maxRowsPerPatient: number;
  /** Training rows repeating their patient's key (duplicates); samples hold each key once per patient. */
  keyRepeats: number;
}

export type ComponentRole = "table" | "patients" | "rows";

export interface RecordsFitOptions {
  rng: Rng;
  /** The column grouping rows into patients; null for independent rows. */
  entity: string | null;
  /** The key numbering a patient's rows (e.g. tooth); undefined = detect, null = none. */
  key?: string | null;
  onProgress?: (fraction: number, message: string) => void;
  /**
   * Fits the component models (all at once, e.g. in worker threads). Default: one after another on this thread.
   * Each job's model must come back fitted.
   */
  fitComponents?: (jobs: ComponentJob[]) => Promise<TabularModel[]>;
}

/** One component model to fit: which role, on what, conditioned on what. */
export interface ComponentJob {
  role: ComponentRole;
  table: Table;
  context?: Table;
  seedLabel: string;
  /** Most rows one patient contributes to this component's table (1 for the patients and flat models). */
  maxRowsPerUnit: number;
}

const PRESENCE_PREFIX = "__has_";
const ROWS_COLUMN = "__rows";

/**
 * A learned model of a records table, flat or linked by patient.
 *
 * **Flat** (no entity column): one model of the rows.
 * **Linked** (rows grouped by a patient id, e.g. the Creighton table's tooth rows): a *patients* model of the
 * patient-level columns plus which keys (teeth) each patient has, and a *rows* model of the row-level columns
 * conditioned on the patient's columns and the key. Sampling draws patients first, then their rows, so patient
 * attributes are identical on every row of a patient and each tooth appears once per patient, as in real data.
 * This is the sequential parent-then-child factorisation of relational synthesizers (SDV's HMA idea), done with
 * a conditional child model instead of per-parent parameters.
 *
 * Sampled patient ids are sequential ("1", "2", ...): they carry no relation to real ids.
 */
export class RecordsModel {
  readonly kind: string;
  private output: OutputColumn[] = [];
  private layout: LinkedLayout | null = null;
  private components: Partial<Record<ComponentRole, TabularModel>> = {};

  constructor(kind: string) {
    this.kind = kind;
  }

  get fitted(): boolean {
    return this.output.length > 0;
  }

  get linked(): LinkedLayout | null {
    return this.layout;
  }

  get columns(): readonly OutputColumn[] {
    return this.output;
  }

  get models(): Readonly<Partial<Record<ComponentRole, TabularModel>>> {
    return this.components;
  }

  /** The combined privacy ledger of the component models. */
  get privacy(): PrivacyLedger {
    const c = this.components;
    if (!this.layout) return (c.table as TabularModel).privacy;
    return combineLedgers((c.patients as TabularModel).privacy, (c.rows as TabularModel).privacy, this.layout.maxRowsPerPatient);
  }

  async fit(table: Table, create: (job: ComponentJob) => TabularModel, options: RecordsFitOptions): Promise<this> {
    const fitComponents =
      options.fitComponents ??
      (async (jobs: ComponentJob[]) => {
        const out: TabularModel[] = [];
        for (const job of jobs) {
          const model = create(job);
          const fitOptions = job.context ? { rng: options.rng.fork(job.seedLabel), context: job.context } : { rng: options.rng.fork(job.seedLabel) };
          out.push(await model.fit(job.table, options.onProgress ? { ...fitOptions, onProgress: options.onProgress } : fitOptions));
        }
        return out;
      });
    if (options.entity === null) {
      const kept = table.columns.filter((c) => c.kind !== "id");
      const [model] = await fitComponents([{ role: "table", table: { columns: kept, nRows: table.nRows }, seedLabel: "table", maxRowsPerUnit: 1 }]);
      this.components = { table: model as TabularModel };
      this.output = kept.map((c) => ({ name: c.name, kind: c.kind }));
      this.layout = null;
      return this;
    }
    const s = entityStructure(table, options.entity, options.key);
    const firstRows = Int32Array.from(s.groups, (g) => g[0] as number);
    const patientTable = selectColumns(takeRows(table, firstRows), s.parent);
    const presence: string[] = [];
    let rowsColumn: string | null = null;
    if (s.key) {
      const keyColumn = table.columns.find((c) => c.name === s.key) as Column;
      // One pass over the rows sets every patient's presence flags.
      const keyIndex = new Map(s.keyValues.map((v, k) => [v, k]));
      const flags = s.keyValues.map(() => new Float64Array(s.groups.length));
      s.groups.forEach((g, p) => {
        for (let j = 0; j < g.length; j++) {
          const k = keyIndex.get(cellText(keyColumn, g[j] as number) as string);
          if (k !== undefined) (flags[k] as Float64Array)[p] = 1;
        }
      });
      s.keyValues.forEach((v, k) => {
        const name = uniqueName(`${PRESENCE_PREFIX}${v}`, table);
        presence.push(name);
        patientTable.columns.push({ name, kind: "boolean", values: flags[k] as Float64Array });
      });
    } else {
      rowsColumn = uniqueName(ROWS_COLUMN, table);
      patientTable.columns.push({ name: rowsColumn, kind: "numeric", values: Float64Array.from(s.groups, (g) => g.length) });
    }
    if (s.child.length === 0) throw new DataError("every column is constant within each patient; there are no row-level columns to model", "Pass --entity none to model the rows as independent.");
    const rowTable = selectColumns(table, s.child);
    const maxRows = s.groups.reduce((m, g) => Math.max(m, g.length), 0);
    const context = selectColumns(table, s.parent);
    if (s.key) context.columns.push(keyAsCategorical(table.columns.find((c) => c.name === s.key) as Column, table.nRows, s.key));
    const [patients, rows] = await fitComponents([
      { role: "patients", table: patientTable, seedLabel: "patients", maxRowsPerUnit: 1 },
      { role: "rows", table: rowTable, context, seedLabel: "rows", maxRowsPerUnit: maxRows },
    ]);
    this.components = { patients: patients as TabularModel, rows: rows as TabularModel };
    const keyKind = s.key ? ((table.columns.find((c) => c.name === s.key) as Column).kind) : null;
    this.layout = {
      entity: s.entity,
      parent: s.parent,
      key: s.key,
      keyKind,
      keyValues: s.keyValues,
      child: s.child,
      presence,
      rowsColumn,
      droppedIds: s.droppedIds,
      patients: s.groups.length,
      rows: table.nRows,
      maxRowsPerPatient: maxRows,
      keyRepeats: s.keyRepeats,
    };
    this.output = table.columns.filter((c) => !s.droppedIds.includes(c.name)).map((c) => ({ name: c.name, kind: c.kind }));
    return this;
  }

  /**
   * Samples `n` units: rows of a flat model, patients (with all their rows) of a linked one. `firstId` numbers the
   * patients (ids firstId+1 .. firstId+n), so blocks sampled separately concatenate with unique ids.
   */
  async sample(n: number, rng: Rng, firstId = 0): Promise<Table> {
    if (!this.fitted) throw new NotFittedError(`${this.kind} records model`);
    if (!this.layout) return (this.components.table as TabularModel).sample(n, rng.fork("table"));
    const layout = this.layout;
    const patients = await (this.components.patients as TabularModel).sample(n, rng.fork("patients"));
    // Rows per patient: the present keys, in key order of frequency; or the sampled count.
    const owner: number[] = [];
    const keys: string[] = [];
    const byName = new Map(patients.columns.map((c) => [c.name, c]));
    for (let p = 0; p < n; p++) {
      if (layout.key) {
        let any = false;
        layout.presence.forEach((name, k) => {
          const flag = (byName.get(name) as Column).values[p] as number;
          if (flag === 1) {
            owner.push(p);
            keys.push(layout.keyValues[k] as string);
            any = true;
          }
        });
        // A patient drawn with no keys at all still gets one row: the most common key (rare; real patients in
        // such a table always have at least one row).
        if (!any) {
          owner.push(p);
          keys.push(layout.keyValues[0] as string);
        }
      } else {
        const count = (byName.get(layout.rowsColumn as string) as Column).values[p] as number;
        const m = Number.isFinite(count) ? Math.max(1, Math.round(count)) : 1;
        for (let j = 0; j < m; j++) owner.push(p);
      }
    }
    const ownerIndex = Int32Array.from(owner);
    const parentRows = takeRows(selectColumns(patients, layout.parent), ownerIndex);
    const context: Table = { columns: [...parentRows.columns], nRows: ownerIndex.length };
    if (layout.key) context.columns.push({ name: layout.key, kind: "categorical", values: keys });
    const rows = await (this.components.rows as TabularModel).sample(ownerIndex.length, rng.fork("rows"), { context });
    const columns: Column[] = [];
    const parentByName = new Map(parentRows.columns.map((c) => [c.name, c]));
    const rowByName = new Map(rows.columns.map((c) => [c.name, c]));
    for (const out of this.output) {
      if (out.name === layout.entity) {
        columns.push({ name: out.name, kind: "id", values: Array.from(ownerIndex, (p) => String(firstId + p + 1)) });
      } else if (out.name === layout.key) {
        columns.push(
          layout.keyKind === "categorical" || layout.keyKind === "id"
            ? { name: out.name, kind: layout.keyKind, values: keys }
            : { name: out.name, kind: layout.keyKind as "numeric", values: Float64Array.from(keys, Number) },
        );
      } else {
        const column = parentByName.get(out.name) ?? rowByName.get(out.name);
        if (!column) throw new Error(`sampled records lack column ${out.name}`);
        columns.push(column);
      }
    }
    return { columns, nRows: ownerIndex.length };
  }

  /** Restores a fitted model from its saved parts (see records-model-store.ts). */
  static restore(kind: string, output: OutputColumn[], layout: LinkedLayout | null, components: Partial<Record<ComponentRole, TabularModel>>): RecordsModel {
    const model = new RecordsModel(kind);
    model.output = output;
    model.layout = layout;
    model.components = components;
    return model;
  }
}

function keyAsCategorical(column: Column, nRows: number, name: string): Column {
  const values: (string | null)[] = new Array(nRows);
  for (let r = 0; r < nRows; r++) values[r] = cellText(column, r);
  return { name, kind: "categorical", values };
}

function uniqueName(base: string, table: Table): string {
  let name = base;
  for (let i = 2; table.columns.some((c) => c.name === name); i++) name = `${base}_${i}`;
  return name;
}

/**
 * The patient-level privacy ledger of a linked model.
 *
 * - The patients model sees one row per patient, so its row-level guarantee is a patient-level one.
 * - The rows model sees up to m rows of a patient. By group privacy (Dwork & Roth 2014, "The Algorithmic
 *   Foundations of Differential Privacy", Theorem 2.2 and its (ε, δ) form: k·ε and k·e^{(k−1)ε}·δ), its row-level
 *   (ε_r, δ_r) gives (m·ε_r, m·e^{(m−1)ε_r}·δ_r) per patient. fit splits the budget so that this is the rows
 *   model's share (see budgetForComponent).
 * - Both see the same patients: sequential composition adds the two (Dwork & Roth 2014, Theorem 3.16).
 */
export function combineLedgers(patients: PrivacyLedger, rows: PrivacyLedger, maxRowsPerPatient: number): PrivacyLedger {
  const m = Math.max(1, maxRowsPerPatient);
  if (patients.mechanism === "none" && rows.mechanism === "none") return patients;
  const notes = [...new Set([...patients.notes, ...rows.notes])];
  const bothDp = patients.epsilon !== null && rows.epsilon !== null;
  if (!bothDp) notes.push("Only one of the two component models is differentially private: the release as a whole is not.");
  const rowsEpsilon = rows.epsilon === null ? null : m * rows.epsilon;
  const rowsDelta = rows.delta === null || rows.epsilon === null ? null : m * Math.exp((m - 1) * rows.epsilon) * rows.delta;
  notes.push(`The rows model protects single rows; a patient has up to ${m} rows, so its guarantee is converted to the patient by group privacy (epsilon x ${m}).`);
  return {
    mechanism: patients.mechanism !== "none" ? patients.mechanism : rows.mechanism,
    epsilon: bothDp ? (patients.epsilon as number) + (rowsEpsilon as number) : null,
    delta: bothDp ? (patients.delta ?? 0) + (rowsDelta ?? 0) : null,
    unit: "patient",
    accountant: `sequential composition of the patients model (${patients.accountant ?? "none"}) and the rows model (${rows.accountant ?? "none"}, group privacy over ${m} rows)`,
    spends: [
      ...patients.spends.map((sp) => ({ ...sp, step: `patients: ${sp.step}` })),
      ...rows.spends.map((sp) => ({ ...sp, step: `rows (per row): ${sp.step}` })),
    ],
    notes,
  };
}

/**
 * The share of a patient-level budget (ε, δ) a component is fitted with, so the combined ledger (above) stays
 * within it: half to the patients model, half to the rows model, the latter divided by m for group privacy;
 * δ likewise, divided by m·e^{(m−1)ε_r} for the rows model.
 */
export function budgetForComponent(epsilon: number, delta: number | undefined, job: Pick<ComponentJob, "role" | "maxRowsPerUnit">): { epsilon: number; delta?: number } {
  if (job.role === "table") return delta === undefined ? { epsilon } : { epsilon, delta };
  const half = epsilon / 2;
  if (job.role === "patients") return delta === undefined ? { epsilon: half } : { epsilon: half, delta: delta / 2 };
  const m = Math.max(1, job.maxRowsPerUnit);
  const perRow = half / m;
  return delta === undefined ? { epsilon: perRow } : { epsilon: perRow, delta: delta / 2 / (m * Math.exp((m - 1) * perRow)) };
}

/** A component's hyperparameters: the model's own, with `epsilon`/`delta` (if any) split by budgetForComponent. */
export function componentHyperparameters(hyperparameters: Record<string, unknown>, job: Pick<ComponentJob, "role" | "maxRowsPerUnit">): Record<string, unknown> {
  const epsilon = hyperparameters.epsilon;
  if (typeof epsilon !== "number") return hyperparameters;
  const delta = typeof hyperparameters.delta === "number" ? hyperparameters.delta : undefined;
  const { delta: _drop, ...rest } = hyperparameters;
  void _drop;
  return { ...rest, ...budgetForComponent(epsilon, delta, job) };
}
