import { describe, expect, it } from "vitest";
import { DataError } from "../../../core/errors.js";
import { fitTableEncoder } from "../../../evaluation/stats/table-encoder.js";
import type { Table } from "../../../evaluation/types.js";

const real: Table = {
  nRows: 4,
  columns: [
    { name: "pid", kind: "id", values: ["a", "a", "b", "c"] },
    { name: "age", kind: "numeric", values: Float64Array.of(20, 40, 60, Number.NaN) },
    { name: "sex", kind: "categorical", values: ["F", "M", "F", "F"] },
    { name: "smoker", kind: "boolean", values: Float64Array.of(0, 1, 0, 1) },
  ],
};

describe("fitTableEncoder", () => {
  it("standardises numbers on the real scale, flags missing, one-hot encodes categories by frequency", () => {
    const encoder = fitTableEncoder(real);
    expect(encoder.features.map((f) => f.name)).toEqual(["age", "age=(missing)", "sex=F", "sex=M", "smoker"]);
    const m = encoder.transform(real);
    const sd = Math.sqrt(800 / 3); // population SD of 20, 40, 60
    expect(m.data[0]).toBeCloseTo(-20 / sd, 12);
    expect(Array.from(m.data.subarray(15, 20))).toEqual([0, 1, 1, 0, 1]); // missing age → 0 and flag
  });

  it("reuses the real fit for another table, sending unseen categories to (other)", () => {
    const syn: Table = {
      nRows: 2,
      columns: [
        { name: "age", kind: "numeric", values: Float64Array.of(40, 100) },
        { name: "sex", kind: "categorical", values: ["X", null] },
        { name: "smoker", kind: "boolean", values: Float64Array.of(1, 1) },
      ],
    };
    const encoder = fitTableEncoder(real, { structureFrom: [syn], exclude: ["smoker"] });
    expect(encoder.features.map((f) => f.name)).toEqual(["age", "age=(missing)", "sex=F", "sex=M", "sex=(other)", "sex=(missing)"]);
    const m = encoder.transform(syn);
    expect(m.data[0]).toBeCloseTo(0, 12); // 40 is the real mean
    expect(Array.from(m.data.subarray(2, 6))).toEqual([0, 0, 1, 0]);
    expect(Array.from(m.data.subarray(8, 12))).toEqual([0, 0, 0, 1]);
  });

  it("caps one-hot width, pooling rare levels", () => {
    const many: Table = { nRows: 6, columns: [{ name: "c", kind: "categorical", values: ["a", "a", "a", "b", "b", "c"] }] };
    expect(fitTableEncoder(many, { maxCategories: 2 }).features.map((f) => f.name)).toEqual(["c=a", "c=b", "c=(other)"]);
  });

  it("fails when a table lacks a column", () => {
    expect(() => fitTableEncoder(real).transform({ nRows: 0, columns: [] })).toThrowError(DataError);
  });
});
