import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { symmetricEigen } from "../../../evaluation/stats/symmetric-eigen.js";

describe("symmetricEigen", () => {
  it("reconstructs a symmetric matrix from its eigenpairs", () => {
    const rng = new Rng("eigen");
    const n = 6;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = rng.normal();
    const { values, vectors } = symmetricEigen(a, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += vectors[i * n + k]! * values[k]! * vectors[j * n + k]!;
        expect(s).toBeCloseTo(a[i * n + j]!, 10);
      }
    }
  });

  it("finds known eigenvalues: [[2,1],[1,2]] has 1 and 3", () => {
    const values = Array.from(symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values).sort();
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
  });
});

