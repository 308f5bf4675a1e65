import { describe, expect, it } from "vitest";
import { DataError } from "../../../core/errors.js";
import { alignTables } from "../../../evaluation/data/align-tables.js";
import type { Column, Table } from "../../../evaluation/types.js";

const num = (name: string, n = 4): Column => ({ name, kind: "numeric", values: new Float64Array(n) });
const cat = (name: string, n = 4): Column => ({ name, kind: "categorical", values: new Array(n).fill("a") });
const ids = (values: string[]): Column => ({ name: "pid", kind: "id", values });
const t = (...columns: Column[]): Table => ({ columns, nRows: columns[0]?.values.length ?? 0 });

describe("alignTables", () => {
  it("keeps shared columns in train order and lists every mismatch", () => {
    const aligned = alignTables(t(num("a"), cat("b"), num("c")), t(num("a"), cat("b")), t(cat("b"), num("a"), num("d")));
    expect(aligned.columns).toEqual(["a", "b"]);
    expect(aligned.synthetic.columns.map((c) => c.name)).toEqual(["a", "b"]);
    expect(aligned.mismatches).toEqual([
      { path: "holdout.c", message: "column missing" },
      { path: "synthetic.c", message: "column missing" },
      { path: "synthetic.d", message: "column not in train (ignored)" },
    ]);
  });

  it("fails on kind mismatches, reporting all of them together", () => {
    const run = () => alignTables(t(num("a"), cat("b")), t(cat("a"), cat("b")), t(num("a"), num("b")));
    expect(run).toThrowError(DataError);
    expect(run).toThrowError("tables do not align\nholdout.a: kind categorical, but numeric in train\nsynthetic.b: kind numeric, but categorical in train");
  });

  it("fails on absent columns in strict mode", () => {
    expect(() => alignTables(t(num("a"), num("b")), t(num("a")), t(num("a"), num("b")), { strict: true })).toThrowError(/holdout.b: column missing/);
  });

  it("warns about a small holdout and about patients shared by train and holdout", () => {
    const train = t(ids(["p1", "p1", "p2", "p3"]), num("a"));
    const holdout = { columns: [ids(["p3"]), num("a", 1)], nRows: 1 };
    const { warnings } = alignTables(train, holdout, train, { entity: "pid" });
    expect(warnings).toEqual([
      "holdout has 1 rows, under 50% of train (4); the real-vs-real noise floor will look worse than what a perfect generator reaches",
      "train and holdout share 1 entities in pid; split by entity, or the noise floor is optimistic",
    ]);
  });
});
