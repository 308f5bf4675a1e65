import { describe, expect, it } from "vitest";
import { decimalPlaces, roundToPrecision, timeGranularity } from "../../../evaluation/data/round-to-precision.js";
import type { Table } from "../../../evaluation/types.js";

describe("round-to-precision", () => {
  it("finds the decimals real values are written with, ignoring float noise", () => {
    expect(decimalPlaces(Float64Array.of(1, 2.5, Number.NaN, 0.1 * 3))).toBe(1);
    expect(decimalPlaces(Float64Array.of(10, 20))).toBe(0);
    expect(decimalPlaces(Float64Array.of(3.83333333333333))).toBe(10);
  });

  it("finds the coarsest time unit", () => {
    expect(timeGranularity(Float64Array.of(Date.UTC(2020, 0, 1), Date.UTC(2021, 3, 5)))).toBe(86_400_000);
    expect(timeGranularity(Float64Array.of(Date.UTC(2020, 0, 1, 10, 30)))).toBe(60_000);
  });

  it("rounds synthetic numbers and datetimes to the real precision", () => {
    const real: Table = {
      nRows: 2,
      columns: [
        { name: "depth", kind: "numeric", values: Float64Array.of(2.5, 3) },
        { name: "day", kind: "datetime", values: Float64Array.of(Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 2)) },
      ],
    };
    const syn: Table = {
      nRows: 2,
      columns: [
        { name: "depth", kind: "numeric", values: Float64Array.of(2.4731, Number.NaN) },
        { name: "day", kind: "datetime", values: Float64Array.of(Date.UTC(2020, 0, 1, 15), Date.UTC(2020, 0, 3, 2)) },
      ],
    };
    const { table, precision } = roundToPrecision(syn, real);
    expect(Array.from(table.columns[0]?.values as Float64Array)).toEqual([2.5, Number.NaN]);
    expect(Array.from(table.columns[1]?.values as Float64Array)).toEqual([Date.UTC(2020, 0, 2), Date.UTC(2020, 0, 3)]);
    expect(precision).toEqual([
      { column: "depth", decimals: 1 },
      { column: "day", unitMs: 86_400_000 },
    ]);
  });
});
