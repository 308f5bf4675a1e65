/**
 * A small seeded dental population for the privacy tests, generated here (no files): patients with 1-6 tooth rows
 * each, patient-level columns repeated on every row (age, sex, diabetes) and tooth-level columns (tooth type,
 * probing depth, caries depth, restoration). Numeric values are continuous, so two independent patients almost
 * never share a row exactly, while the columns are correlated like real charts (age → probing depth, caries →
 * restoration).
 */
import { Rng } from "../../../../core/rng.js";
import type { Column, Table } from "../../../../evaluation/types.js";

export function makePopulation(nPatients: number, seed: string, idPrefix: string, teeth: [number, number] = [1, 6]): Table {
  const rng = new Rng(seed);
  const pid: (string | null)[] = [];
  const age: number[] = [];
  const sex: (string | null)[] = [];
  const diabetes: number[] = [];
  const tooth: (string | null)[] = [];
  const probing: number[] = [];
  const caries: (string | null)[] = [];
  const restoration: (string | null)[] = [];
  for (let p = 0; p < nPatients; p++) {
    const a = rng.truncatedNormal(45, 15, 18, 90);
    const s = rng.bernoulli(0.5) ? "F" : "M";
    const d = rng.bernoulli(0.1 + a / 400) ? 1 : 0;
    const frailty = rng.gamma(4, 0.25);
    const nTeeth = teeth[0] + rng.int(teeth[1] - teeth[0] + 1);
    for (let t = 0; t < nTeeth; t++) {
      pid.push(`${idPrefix}${p}`);
      age.push(a);
      sex.push(s);
      diabetes.push(d);
      tooth.push(rng.pick(["incisor", "canine", "premolar", "molar"], [2, 1, 2, 3]));
      probing.push(Math.max(1, rng.normal(2 + a / 40 + frailty + d, 0.6)));
      const c = rng.pick(["none", "E1", "E2", "D1", "D2", "D3"], [10 - frailty * 2, 2, 1.5, 1, 0.7, 0.3].map((w) => Math.max(w, 0.1)));
      caries.push(c);
      restoration.push(rng.bernoulli(c === "none" ? 0.2 : 0.5) ? rng.pick(["filled", "crowned"], [4, 1]) : "none");
    }
  }
  const columns: Column[] = [
    { name: "patient_id", kind: "id", values: pid },
    { name: "age", kind: "numeric", values: Float64Array.from(age) },
    { name: "sex", kind: "categorical", values: sex },
    { name: "diabetes", kind: "boolean", values: Float64Array.from(diabetes) },
    { name: "tooth_type", kind: "categorical", values: tooth },
    { name: "probing_depth", kind: "numeric", values: Float64Array.from(probing) },
    { name: "caries", kind: "categorical", values: caries },
    { name: "restoration", kind: "categorical", values: restoration },
  ];
  return { columns, nRows: pid.length };
}

/** The same rows under new patient ids (a generator that copied its training data). */
export function relabel(table: Table, idPrefix: string): Table {
  return {
    nRows: table.nRows,
    columns: table.columns.map((c) =>
      c.kind === "id" ? { name: c.name, kind: "id" as const, values: c.values.map((v) => (v === null ? null : `${idPrefix}${v}`)) } : c,
    ),
  };
}
