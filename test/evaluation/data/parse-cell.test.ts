import { describe, expect, it } from "vitest";
import { parseBooleanCell, parseDateCell, parseNumberCell } from "../../../evaluation/data/parse-cell.js";
import { DEFAULT_MISSING_TOKENS, isMissing } from "../../../evaluation/data/missing-values.js";

describe("cell parsers", () => {
  it("parse numbers strictly", () => {
    expect([" 3.5 ", "-2", "1e3", ".5", "5."].map(parseNumberCell)).toEqual([3.5, -2, 1000, 0.5, 5]);
    expect(["3,5", "0x10", "1e", "Infinity", "12abc", ""].map(parseNumberCell).every(Number.isNaN)).toBe(true);
  });

  it("parse booleans, loosely only when forced", () => {
    expect(parseBooleanCell("TRUE")).toBe(1);
    expect(parseBooleanCell("yes")).toBeNaN();
    expect(parseBooleanCell("yes", true)).toBe(1);
    expect(parseBooleanCell("0", true)).toBe(0);
  });

  it("parse ISO dates as UTC and reject impossible ones", () => {
    expect(parseDateCell("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    expect(parseDateCell("2024-02-29 13:45:10.5Z")).toBe(Date.UTC(2024, 1, 29, 13, 45, 10, 500));
    expect(parseDateCell("2023-02-29")).toBeNaN();
    expect(parseDateCell("29/02/2024")).toBeNaN();
  });

  it("read the pandas missing tokens and blank cells as missing", () => {
    const tokens = new Set(DEFAULT_MISSING_TOKENS);
    expect(["", "  ", "NA", "n/a", "NULL", "None", "nan"].every((t) => isMissing(t, tokens))).toBe(true);
    expect(isMissing("0", tokens)).toBe(false);
    expect(isMissing(Number.NaN, tokens)).toBe(true);
  });
});
