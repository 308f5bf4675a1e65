import { Rng } from "../../core/rng.js";
import type { Column, Table } from "../../evaluation/types.js";

/**
 * A small mixed table with known dependence, for model tests: `age` (numeric, 1 decimal), `smoker` (boolean),
 * `site` (3 categories), `pocket` (numeric, depends on age and smoker, 5 % missing) and `risk` (categorical,
 * depends on pocket). Generated, not real, so tests can know the truth.
 */
export function mixedTable(n: number, seed = "fixture"): Table {
  const rng = new Rng(seed);
  const age = new Float64Array(n);
  const smoker = new Float64Array(n);
  const pocket = new Float64Array(n);
  const site: (string | null)[] = [];
  const risk: (string | null)[] = [];
  const sites = ["clinic-a", "clinic-b", "clinic-c"];
  for (let i = 0; i < n; i++) {
    age[i] = Math.round(rng.truncatedNormal(50, 15, 18, 90) * 10) / 10;
    smoker[i] = rng.bernoulli(0.25) ? 1 : 0;
    const p = 2 + 0.03 * ((age[i] as number) - 50) + 1.2 * (smoker[i] as number) + rng.normal(0, 0.5);
    pocket[i] = rng.bernoulli(0.05) ? Number.NaN : Math.round(p * 100) / 100;
    site.push(sites[rng.int(3)] as string);
    risk.push(Number.isNaN(pocket[i] as number) ? "unknown" : (pocket[i] as number) > 3 ? "high" : "low");
  }
  const columns: Column[] = [
    { name: "age", kind: "numeric", values: age },
    { name: "smoker", kind: "boolean", values: smoker },
    { name: "site", kind: "categorical", values: site },
    { name: "pocket", kind: "numeric", values: pocket },
    { name: "risk", kind: "categorical", values: risk },
  ];
  return { columns, nRows: n };
}

/** Pearson correlation of two numeric columns over rows where both are present. */
export function correlation(x: Float64Array, y: Float64Array): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i] as number) || Number.isNaN(y[i] as number)) continue;
    n++;
    sx += x[i] as number;
    sy += y[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i] as number) || Number.isNaN(y[i] as number)) continue;
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export function numeric(table: Table, name: string): Float64Array {
  const c = table.columns.find((col) => col.name === name);
  if (!c || c.kind === "categorical" || c.kind === "id") throw new Error(`no numeric column ${name}`);
  return c.values as Float64Array;
}

export function labels(table: Table, name: string): (string | null)[] {
  const c = table.columns.find((col) => col.name === name);
  if (!c || (c.kind !== "categorical" && c.kind !== "id")) throw new Error(`no categorical column ${name}`);
  return c.values;
}
