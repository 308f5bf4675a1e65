import { DataError } from "../../core/errors.js";
import type { Column, Table } from "../types.js";
import type { Matrix } from "./matrix.js";

/** One column of the encoded matrix and where it comes from. */
export interface EncodedFeature {
  /** e.g. "age", "sex=F", "sex=(other)", "age=(missing)". */
  name: string;
  /** Source column. */
  column: string;
  role: "value" | "level" | "other" | "missing";
}

export interface TableEncoderOptions {
  /** One-hot levels kept per categorical column (most frequent in real first); the rest share "(other)". Default 20. */
  maxCategories?: number;
  /** Columns to leave out (e.g. the utility target). `id` columns are always left out. */
  exclude?: readonly string[];
  /**
   * Tables that shape the encoding without moving its statistics: a column missing somewhere in them gets a
   * missing indicator, and a category they have but real lacks gets the "(other)" level. Pass the synthetic
   * table here for detection, so a generator that invents categories or missing values can be seen.
   */
  structureFrom?: readonly Table[];
}

/** A fitted encoder: turns any table with the same columns into a numeric matrix on the real data's scale. */
export interface TableEncoder {
  readonly features: readonly EncodedFeature[];
  readonly width: number;
  /** Source columns used, in order. */
  readonly columns: readonly string[];
  /** @throws {DataError} a needed column is absent */
  transform(table: Table): Matrix;
}

type ColumnPlan =
  | { kind: "value"; column: string; offset: number; mean: number; scale: number; missingOffset: number }
  | { kind: "levels"; column: string; levels: Map<string, number>; otherOffset: number; missingOffset: number };

/**
 * Fits a mixed-table encoder on the real data: numeric, boolean and datetime columns are standardised with
 * the real mean and standard deviation (population SD, as sklearn's StandardScaler); missing numbers are set
 * to the real mean (0 after scaling) and flagged in an indicator column; categorical columns become one-hot
 * indicators of their most frequent real levels, plus "(other)" for rare or unseen levels and "(missing)".
 *
 * Fitting on real data only, and reusing the fit for the synthetic table, keeps both on one scale, so a
 * shifted synthetic mean shows up as shifted features instead of being standardised away. The cap on one-hot
 * levels keeps the width (and the cost of Newton steps and distances, quadratic and linear in it) bounded.
 *
 * Cost: O(rows × columns) to fit and to transform; the output is rows × width doubles.
 * Source: SDMetrics' HyperTransformer does the same job for its detection metrics
 * (https://docs.sdv.dev/sdmetrics/metrics/metrics-glossary/logisticdetection).
 */
export function fitTableEncoder(real: Table, options: TableEncoderOptions = {}): TableEncoder {
  const { maxCategories = 20, exclude = [], structureFrom = [] } = options;
  const excluded = new Set(exclude);
  const features: EncodedFeature[] = [];
  const plans: ColumnPlan[] = [];
  for (const column of real.columns) {
    if (column.kind === "id" || excluded.has(column.name)) continue;
    const others = structureFrom.map((t) => t.columns.find((c) => c.name === column.name)).filter((c): c is Column => !!c);
    const missingAnywhere = hasMissing(column) || others.some(hasMissing);
    if (column.kind === "categorical") {
      const counts = new Map<string, number>();
      for (const v of column.values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const kept = ranked.slice(0, maxCategories);
      const levels = new Map<string, number>();
      for (const [label] of kept) {
        levels.set(label, features.length);
        features.push({ name: `${column.name}=${label}`, column: column.name, role: "level" });
      }
      const unseenElsewhere = others.some((c) => c.values.some((v) => v !== null && typeof v === "string" && !counts.has(v)));
      let otherOffset = -1;
      if (ranked.length > kept.length || unseenElsewhere) {
        otherOffset = features.length;
        features.push({ name: `${column.name}=(other)`, column: column.name, role: "other" });
      }
      let missingOffset = -1;
      if (missingAnywhere) {
        missingOffset = features.length;
        features.push({ name: `${column.name}=(missing)`, column: column.name, role: "missing" });
      }
      plans.push({ kind: "levels", column: column.name, levels, otherOffset, missingOffset });
      continue;
    }
    const values = column.values as Float64Array;
    let count = 0;
    let mean = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (v !== v) continue;
      count++;
      mean += (v - mean) / count; // running mean: no overflow on epoch-ms sums
    }
    let ss = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (v === v) ss += (v - mean) * (v - mean);
    }
    const sd = count > 0 ? Math.sqrt(ss / count) : 0;
    const offset = features.length;
    features.push({ name: column.name, column: column.name, role: "value" });
    let missingOffset = -1;
    if (missingAnywhere) {
      missingOffset = features.length;
      features.push({ name: `${column.name}=(missing)`, column: column.name, role: "missing" });
    }
    plans.push({
      kind: "value",
      column: column.name,
      offset,
      mean: count > 0 ? mean : 0,
      // A constant column carries no information; scale 1 keeps it at 0 instead of dividing by zero.
      scale: sd > 0 ? sd : 1,
      missingOffset,
    });
  }
  const width = features.length;
  return {
    features,
    width,
    columns: plans.map((p) => p.column),
    transform(table: Table): Matrix {
      const n = table.nRows;
      const data = new Float64Array(n * width);
      const absent: string[] = [];
      for (const plan of plans) {
        const column = table.columns.find((c) => c.name === plan.column);
        if (!column) {
          absent.push(plan.column);
          continue;
        }
        if (plan.kind === "value") {
          if (column.kind === "categorical" || column.kind === "id") {
            absent.push(`${plan.column} (not numeric)`);
            continue;
          }
          const values = column.values;
          const { offset, mean, scale, missingOffset } = plan;
          for (let i = 0; i < n; i++) {
            const v = values[i] as number;
            if (v !== v) {
              // Mean imputation is 0 after scaling, already in the zero-filled matrix.
              if (missingOffset >= 0) data[i * width + missingOffset] = 1;
            } else {
              data[i * width + offset] = (v - mean) / scale;
            }
          }
        } else {
          if (column.kind !== "categorical") {
            absent.push(`${plan.column} (not categorical)`);
            continue;
          }
          const values = column.values;
          const { levels, otherOffset, missingOffset } = plan;
          for (let i = 0; i < n; i++) {
            const v = values[i];
            if (v === null || v === undefined) {
              if (missingOffset >= 0) data[i * width + missingOffset] = 1;
              continue;
            }
            const f = levels.get(v);
            if (f !== undefined) data[i * width + f] = 1;
            else if (otherOffset >= 0) data[i * width + otherOffset] = 1;
          }
        }
      }
      if (absent.length > 0) throw new DataError(`table encoder: columns absent or of another kind: ${absent.join(", ")}`);
      return { data, rows: n, cols: width };
    },
  };
}

function hasMissing(column: Column): boolean {
  if (column.kind === "categorical" || column.kind === "id") return column.values.some((v) => v === null);
  const values = column.values;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i] as number)) return true;
  return false;
}
