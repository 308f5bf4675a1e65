import { describe, expect, it } from "vitest";
import { UsageError } from "../../../core/errors.js";
import { parseTableMetadata } from "../../../evaluation/data/table-metadata.js";

describe("parseTableMetadata", () => {
  it("fills defaults", () => {
    expect(parseTableMetadata({})).toEqual({ version: 1, columns: {} });
  });

  it("reports every problem with its dotted path", () => {
    try {
      parseTableMetadata({ version: 2, columns: { age: { kind: "number" }, sex: { colour: "red" } } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      const paths = (error as UsageError).problems.map((p) => p.path);
      expect(paths).toEqual(["metadata.version", "metadata.columns.age.kind", "metadata.columns.sex"]);
      expect((error as UsageError).problems[1]?.message).toMatch(/^invalid option/);
    }
  });
});
