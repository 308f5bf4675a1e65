import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseConfig, parseShard, shardRange, shardSchema } from "../../core/config.js";
import { UsageError } from "../../core/errors.js";

describe("parseShard", () => {
  it("reads i/n with 0 <= i < n", () => {
    expect(parseShard("0/4")).toEqual({ index: 0, count: 4 });
    expect(parseShard(" 3 / 4 ")).toEqual({ index: 3, count: 4 });
  });
  it("rejects malformed and out-of-range shards", () => {
    for (const bad of ["4/4", "1/0", "a/b", "1", "-1/3", "1/2/3", ""]) expect(parseShard(bad)).toBeNull();
  });
});

describe("shardRange", () => {
  it("splits indices into contiguous ranges that cover everything once", () => {
    const total = 1003;
    let next = 0;
    for (let i = 0; i < 7; i++) {
      const { start, end } = shardRange(total, { index: i, count: 7 });
      expect(start).toBe(next);
      next = end;
    }
    expect(next).toBe(total);
  });
});

describe("parseConfig", () => {
  const schema = z.object({ n: z.number().int().positive(), kind: z.enum(["a", "b"]), shard: shardSchema }).strict();

  it("reports every problem together, each with its path", () => {
    let caught: unknown;
    try {
      parseConfig(schema, { n: 0, kind: "c", shard: "5/2", extra: 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    const problems = (caught as UsageError).problems;
    expect(problems.map((p) => p.path).sort()).toEqual(["", "kind", "n", "shard"]);
    expect(problems.find((p) => p.path === "kind")?.message).toBe('invalid value "c"; valid values are "a", "b"');
    expect(problems.find((p) => p.path === "shard")?.message).toContain("write it as i/n");
    expect(problems.find((p) => p.path === "")?.message).toBe('unknown key "extra"');
    expect((caught as UsageError).exitCode).toBe(2);
  });

  it("applies defaults", () => {
    expect(parseConfig(schema, { n: 3, kind: "a" })).toEqual({ n: 3, kind: "a", shard: { index: 0, count: 1 } });
  });
});
