import { Rng } from "../../../core/rng.js";
import type { Table } from "../../../evaluation/types.js";

/** P(B = b | A = a) of {@link chainTable}: 0.8 on the diagonal, 0.1 elsewhere. */
export function chainTruth(a: number, b: number): number {
  return a === b ? 0.8 : 0.1;
}

/**
 * A chain A -> B -> C of three-category columns with strong dependence: A uniform, B = A with probability 0.8
 * (else one of the two others), C = B likewise. Labels "x0".."x2", so codes equal the digit.
 */
export function chainTable(n: number, seed = "chain"): Table {
  const rng = new Rng(seed);
  const follow = (parent: number) => (rng.bernoulli(0.8) ? parent : (parent + 1 + rng.int(2)) % 3);
  const a: string[] = [];
  const b: string[] = [];
  const c: string[] = [];
  for (let i = 0; i < n; i++) {
    const va = rng.int(3);
    const vb = follow(va);
    const vc = follow(vb);
    a.push(`x${va}`);
    b.push(`x${vb}`);
    c.push(`x${vc}`);
  }
  return {
    columns: [
      { name: "A", kind: "categorical", values: a },
      { name: "B", kind: "categorical", values: b },
      { name: "C", kind: "categorical", values: c },
    ],
    nRows: n,
  };
}

/** The chain as codes, for the structure-level tests: [A, B, C]. */
export function chainCodes(n: number, seed = "chain"): Int32Array[] {
  const table = chainTable(n, seed);
  return table.columns.map((col) => Int32Array.from(col.values as string[], (v) => Number(v.slice(1))));
}

/** Mean over a of the total-variation distance between an estimated P(B | A = a) and the truth. */
export function conditionalTv(sample: Table): number {
  const a = sample.columns[0]!.values as (string | null)[];
  const b = sample.columns[1]!.values as (string | null)[];
  const counts = Array.from({ length: 3 }, () => [0, 0, 0]);
  for (let i = 0; i < sample.nRows; i++) {
    if (a[i] === null || b[i] === null) continue;
    counts[Number(a[i]!.slice(1))]![Number(b[i]!.slice(1))]!++;
  }
  let tv = 0;
  for (let va = 0; va < 3; va++) {
    const row = counts[va]!;
    const total = row[0]! + row[1]! + row[2]!;
    let distance = 0;
    for (let vb = 0; vb < 3; vb++) distance += Math.abs((total ? row[vb]! / total : 1 / 3) - chainTruth(va, vb));
    tv += distance / 2 / 3;
  }
  return tv;
}
