import { describe, expect, it } from "vitest";
import { DataError } from "../../../core/errors.js";
import { parseCsv } from "../../../evaluation/data/parse-csv.js";

const values = (text: string, j: number) => parseCsv(text).columns[j]?.values;

describe("parseCsv", () => {
  it("reads a header and rows into string columns", () => {
    const t = parseCsv("id,age,sex\n1,40,F\n2,51,M\n");
    expect(t.nRows).toBe(2);
    expect(t.columns.map((c) => c.name)).toEqual(["id", "age", "sex"]);
    expect(t.columns[1]?.values).toEqual(["40", "51"]);
  });

  it("handles RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes", () => {
    const text = 'a,b\n"x, y","he said ""hi"""\n"line1\nline2",plain\n';
    expect(values(text, 0)).toEqual(["x, y", "line1\nline2"]);
    expect(values(text, 1)).toEqual(['he said "hi"', "plain"]);
  });

  it("accepts CRLF, a byte-order mark, blank lines and a missing final newline", () => {
    const t = parseCsv("\ufeffa,b\r\n1,2\r\n\r\n3,4");
    expect(t.columns[0]?.values).toEqual(["1", "3"]);
    expect(t.columns[1]?.values).toEqual(["2", "4"]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(parseCsv("a,b,c\n1,,\n").columns.map((c) => c.values)).toEqual([["1"], [""], [""]]);
    expect(parseCsv('a,b\n"",x').columns[0]?.values).toEqual([""]);
  });

  it("reads tab-separated text with another delimiter", () => {
    expect(parseCsv("a\tb\n1\t2\n", { delimiter: "\t" }).columns[1]?.values).toEqual(["2"]);
  });

  it("reports every malformed row together, with line numbers", () => {
    const text = "a,b\n1,2\n3\n4,5,6\n7,8\n";
    expect(() => parseCsv(text, { source: "t.csv" })).toThrowError(DataError);
    try {
      parseCsv(text, { source: "t.csv" });
    } catch (error) {
      expect((error as Error).message).toBe("t.csv: malformed csv\nline 3: expected 2 fields, found 1\nline 4: expected 2 fields, found 3");
    }
  });

  it("reports an unterminated quote and text after a closing quote", () => {
    expect(() => parseCsv('a\n"open\n')).toThrowError(/line 2: unterminated quoted field/);
    expect(() => parseCsv('a,b\n"x"y,2\n')).toThrowError(/line 2: unexpected text after a closing quote/);
  });

  it("rejects an empty file and a bad header", () => {
    expect(() => parseCsv("")).toThrowError(/empty csv/);
    expect(() => parseCsv("a,a,\n1,2,3\n")).toThrowError(/duplicate column name "a"\nheader field 3 is empty/);
  });
});
