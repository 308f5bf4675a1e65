import type { Column, Table } from "../types.js";

/**
 * The number of decimal places the values are written with: the smallest p ≤ `maxDecimals` such that every
 * finite value times 10^p is (within float noise) a whole number.
 */
export function decimalPlaces(values: Float64Array, maxDecimals = 10): number {
  let places = 0;
  for (let i = 0; i < values.length && places < maxDecimals; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    while (places < maxDecimals) {
      const scaled = v * 10 ** places;
      // Relative tolerance: 0.1 * 10 is 1.0000000000000002, and such noise must not add a decimal.
      if (Math.abs(scaled - Math.round(scaled)) <= 1e-11 * Math.max(1, Math.abs(scaled))) break;
      places++;
    }
  }
  return places;
}

const TIME_UNITS = [86_400_000, 3_600_000, 60_000, 1_000, 1] as const;

/** The coarsest time unit (day, hour, minute, second, ms) that every finite epoch-ms value is a multiple of. */
export function timeGranularity(values: Float64Array): number {
  for (const unit of TIME_UNITS) {
    let fits = true;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (Number.isFinite(v) && v % unit !== 0) {
        fits = false;
        break;
      }
    }
    if (fits) return unit;
  }
  return 1;
}

/**
 * Rounds the synthetic table's numeric columns to the decimals of the same column in the real table, and its
 * datetime columns to the real time granularity. Other columns are shared unchanged.
 *
 * Why: a detector can tell synthetic rows from real ones by their extra decimals alone (synthcity's XGBoost
 * detection AUC "always > 90 %" came from float precision; vanderschaarlab/synthcity#25, #328). Rounding first
 * makes detection measure the distribution, not the print format.
 */
export function roundToPrecision(
  synthetic: Table,
  real: Table,
): { table: Table; precision: { column: string; decimals?: number; unitMs?: number }[] } {
  const realByName = new Map(real.columns.map((c) => [c.name, c]));
  const precision: { column: string; decimals?: number; unitMs?: number }[] = [];
  const columns: Column[] = synthetic.columns.map((column) => {
    const reference = realByName.get(column.name);
    if (!reference || reference.kind !== column.kind) return column;
    if (column.kind === "numeric" && reference.kind === "numeric") {
      const decimals = decimalPlaces(reference.values);
      precision.push({ column: column.name, decimals });
      const factor = 10 ** decimals;
      const out = new Float64Array(column.values.length);
      for (let i = 0; i < out.length; i++) out[i] = Math.round((column.values[i] as number) * factor) / factor;
      return { name: column.name, kind: column.kind, values: out };
    }
    if (column.kind === "datetime" && reference.kind === "datetime") {
      const unitMs = timeGranularity(reference.values);
      precision.push({ column: column.name, unitMs });
      const out = new Float64Array(column.values.length);
      for (let i = 0; i < out.length; i++) out[i] = Math.round((column.values[i] as number) / unitMs) * unitMs;
      return { name: column.name, kind: column.kind, values: out };
    }
    return column;
  });
  return { table: { columns, nRows: synthetic.nRows }, precision };
}
