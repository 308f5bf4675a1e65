import { DataError } from "../core/errors.js";
import { decimalPlaces, timeGranularity } from "../evaluation/data/round-to-precision.js";
import type { Column, Table } from "../evaluation/types.js";

/**
 * What a model knows of one training column. Models see two shapes only: **continuous** (numeric, datetime)
 * and **discrete** (categorical, boolean). The base class encodes tables into that view before fitting and
 * decodes samples back, so every model gets the same rounding, clipping and category handling for free.
 *
 * The domain (categories, min/max) is taken from the training data. For differentially private fits this is
 * not private; models say so in their privacy ledger, as DataSynthesizer and synthcity do, unless the domain
 * comes from public metadata.
 */
export type ModelColumn = ContinuousModelColumn | DiscreteModelColumn;

export interface ContinuousModelColumn {
  name: string;
  type: "continuous";
  kind: "numeric" | "datetime";
  min: number;
  max: number;
  /** Numeric: decimal places the real values are written with; samples are rounded to them. */
  decimals: number;
  /** Datetime: the coarsest unit (ms) every real value is a multiple of; samples are rounded to it. */
  granularity: number;
  /** Share of training rows that are missing (NaN). */
  missingRate: number;
}

export interface DiscreteModelColumn {
  name: string;
  type: "discrete";
  kind: "categorical" | "boolean";
  /** Category labels in code order (sorted; booleans are ["0", "1"]). */
  categories: string[];
  missingRate: number;
}

/**
 * A table in the models' view: one Float64Array per column, aligned with `columns`. Continuous columns hold
 * values, discrete columns hold category codes 0..K-1; NaN is missing in both.
 */
export interface EncodedTable {
  columns: ModelColumn[];
  values: Float64Array[];
  nRows: number;
}

/** Largest number of categories a discrete column may have; beyond that it is an identifier or free text. */
export const MAX_CATEGORIES = 1000;

/** Describes the modelled columns of a table (id columns are left to the caller, e.g. the linked model). */
export function describeColumns(table: Table): ModelColumn[] {
  const problems: string[] = [];
  const out: ModelColumn[] = [];
  for (const column of table.columns) {
    if (column.kind === "id") continue;
    const described = describeColumn(column, table.nRows);
    if (typeof described === "string") problems.push(described);
    else out.push(described);
  }
  if (problems.length > 0) throw new DataError(problems.join("; "), "Mark such columns as ids or drop them in the metadata file (--metadata).");
  if (out.length === 0) throw new DataError("the training table has no columns to model (all are ids)", "Give a table with at least one numeric or categorical column.");
  return out;
}

function describeColumn(column: Column, nRows: number): ModelColumn | string {
  if (column.kind === "categorical" || column.kind === "id") {
    const values = column.values;
    const set = new Set<string>();
    let missing = 0;
    for (const v of values) {
      if (v === null) missing++;
      else set.add(v);
    }
    if (set.size > MAX_CATEGORIES) return `column ${column.name} has ${set.size} categories (more than ${MAX_CATEGORIES})`;
    return { name: column.name, type: "discrete", kind: "categorical", categories: [...set].sort(), missingRate: nRows ? missing / nRows : 0 };
  }
  const values = column.values as Float64Array;
  let min = Infinity;
  let max = -Infinity;
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) {
      missing++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const missingRate = nRows ? missing / nRows : 0;
  if (column.kind === "boolean") return { name: column.name, type: "discrete", kind: "boolean", categories: ["0", "1"], missingRate };
  if (min > max) {
    // Every value missing: nothing to fit; keep the column so samples have it, all missing.
    min = 0;
    max = 0;
  }
  return {
    name: column.name,
    type: "continuous",
    kind: column.kind,
    min,
    max,
    decimals: column.kind === "numeric" ? decimalPlaces(values, 6) : 0,
    granularity: column.kind === "datetime" ? timeGranularity(values) : 0,
    missingRate,
  };
}

/**
 * Encodes `table` for a model fitted on `columns`. Categories unseen in training become missing (NaN), so a
 * context table from another source cannot inject codes the model never learned.
 *
 * @throws {DataError} a column the model needs is absent, or has a different kind
 */
export function encodeTable(table: Table, columns: readonly ModelColumn[]): EncodedTable {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const problems: string[] = [];
  const values: Float64Array[] = [];
  for (const spec of columns) {
    const column = byName.get(spec.name);
    if (!column) {
      problems.push(`column ${spec.name} is missing`);
      continue;
    }
    values.push(encodeColumn(column, spec, table.nRows, problems));
  }
  if (problems.length > 0) throw new DataError(`the table does not match the model's columns: ${problems.join("; ")}`, "Give a table with the same columns as the training table.");
  return { columns: [...columns], values, nRows: table.nRows };
}

function encodeColumn(column: Column, spec: ModelColumn, nRows: number, problems: string[]): Float64Array {
  const out = new Float64Array(nRows);
  if (spec.type === "continuous") {
    if (column.kind !== spec.kind) {
      problems.push(`column ${spec.name} is ${column.kind}, the model expects ${spec.kind}`);
      return out;
    }
    out.set(column.values as Float64Array);
    return out;
  }
  const index = new Map(spec.categories.map((c, i) => [c, i]));
  if (spec.kind === "boolean") {
    if (column.kind !== "boolean") problems.push(`column ${spec.name} is ${column.kind}, the model expects boolean`);
    else for (let i = 0; i < nRows; i++) out[i] = column.values[i] as number;
    return out;
  }
  if (column.kind !== "categorical" && column.kind !== "id") {
    problems.push(`column ${spec.name} is ${column.kind}, the model expects categorical`);
    return out;
  }
  for (let i = 0; i < nRows; i++) {
    const v = column.values[i];
    const code = v === null || v === undefined ? undefined : index.get(v);
    out[i] = code === undefined ? Number.NaN : code;
  }
  return out;
}

/**
 * Decodes model output into a table: codes back to labels, continuous values clipped to the training range and
 * rounded to the training precision (so a detector cannot tell synthetic rows by their trailing digits).
 */
export function decodeTable(encoded: EncodedTable): Table {
  const columns: Column[] = encoded.columns.map((spec, j) => {
    const values = encoded.values[j] as Float64Array;
    if (spec.type === "discrete") {
      if (spec.kind === "boolean") {
        const out = new Float64Array(encoded.nRows);
        for (let i = 0; i < out.length; i++) {
          const v = values[i] as number;
          out[i] = Number.isNaN(v) ? Number.NaN : v >= 0.5 ? 1 : 0;
        }
        return { name: spec.name, kind: "boolean", values: out };
      }
      const labels: (string | null)[] = new Array(encoded.nRows);
      const k = spec.categories.length;
      for (let i = 0; i < labels.length; i++) {
        const v = values[i] as number;
        labels[i] = Number.isNaN(v) || k === 0 ? null : (spec.categories[Math.min(k - 1, Math.max(0, Math.round(v)))] as string);
      }
      return { name: spec.name, kind: "categorical", values: labels };
    }
    const out = new Float64Array(encoded.nRows);
    const scale = 10 ** spec.decimals;
    for (let i = 0; i < out.length; i++) {
      let v = values[i] as number;
      if (Number.isNaN(v)) {
        out[i] = Number.NaN;
        continue;
      }
      v = Math.min(spec.max, Math.max(spec.min, v));
      if (spec.kind === "datetime") v = spec.granularity > 0 ? Math.round(v / spec.granularity) * spec.granularity : Math.round(v);
      else v = Math.round(v * scale) / scale;
      out[i] = v;
    }
    return { name: spec.name, kind: spec.kind, values: out };
  });
  return { columns, nRows: encoded.nRows };
}
