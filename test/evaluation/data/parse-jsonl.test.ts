import { describe, expect, it } from "vitest";
import { parseJsonl } from "../../../evaluation/data/parse-jsonl.js";

describe("parseJsonl", () => {
  it("unions keys in first-seen order and fills absent keys with null", () => {
    const t = parseJsonl('{"a":1,"b":"x"}\n{"b":"y","c":true}\n\n{"a":3}\n');
    expect(t.nRows).toBe(3);
    expect(t.columns.map((c) => c.name)).toEqual(["a", "b", "c"]);
    expect(t.columns.map((c) => c.values)).toEqual([
      [1, null, 3],
      ["x", "y", null],
      [null, true, null],
    ]);
  });

  it("keeps JSON types and turns nested values into JSON text", () => {
    const t = parseJsonl('{"code":"007","n":7,"tags":[1,2]}');
    expect(t.columns.map((c) => c.values[0])).toEqual(["007", 7, "[1,2]"]);
  });

  it("reports every bad line together", () => {
    expect(() => parseJsonl('{"a":1}\nnot json\n[1]\n', { source: "x.jsonl" })).toThrowError(
      "x.jsonl: malformed jsonl\nline 2: not valid JSON\nline 3: expected a JSON object",
    );
  });
});
