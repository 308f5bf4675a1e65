import { Rng } from "../../../core/rng.js";
import type { Column, Table } from "../../../evaluation/types.js";

/**
 * A small tooth-row table with the Creighton layout: patient id, patient-level columns (age, sex, tooth count),
 * the key (tooth 1..8, each present with a probability falling with age) and row-level columns that depend on
 * the patient and the tooth (pocket depth, molar flag, decay).
 */
export function clusteredTable(patients: number, seed = "clustered"): Table {
  const rng = new Rng(seed);
  const id: string[] = [];
  const age: number[] = [];
  const sex: string[] = [];
  const count: number[] = [];
  const tooth: number[] = [];
  const molar: string[] = [];
  const pocket: number[] = [];
  const decay: number[] = [];
  for (let p = 0; p < patients; p++) {
    const a = Math.round(rng.uniform(25, 80));
    const s = rng.bernoulli(0.5) ? "Female" : "Male";
    const teeth: number[] = [];
    for (let t = 1; t <= 8; t++) if (rng.bernoulli(t <= 6 ? 0.95 : 1.2 - a / 80)) teeth.push(t);
    if (teeth.length === 0) teeth.push(1);
    for (const t of teeth) {
      id.push(String(1000 + p));
      age.push(a);
      sex.push(s);
      count.push(teeth.length);
      tooth.push(t);
      molar.push(t >= 6 ? "True" : "False");
      pocket.push(Math.round((1.5 + 0.02 * (a - 50) + (t >= 6 ? 0.8 : 0) + rng.normal(0, 0.3)) * 10) / 10);
      decay.push(rng.bernoulli(0.1 + (t >= 6 ? 0.2 : 0)) ? 1 : 0);
    }
  }
  const columns: Column[] = [
    { name: "age", kind: "numeric", values: Float64Array.from(age) },
    { name: "pocket", kind: "numeric", values: Float64Array.from(pocket) },
    { name: "sex", kind: "categorical", values: sex },
    { name: "id", kind: "id", values: id },
    { name: "tooth", kind: "numeric", values: Float64Array.from(tooth) },
    { name: "molar", kind: "categorical", values: molar },
    { name: "total_teeth", kind: "numeric", values: Float64Array.from(count) },
    { name: "decay", kind: "numeric", values: Float64Array.from(decay) },
  ];
  return { columns, nRows: id.length };
}
