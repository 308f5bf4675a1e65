import { buildTable } from "../../../evaluation/data/build-table.js";
import { inferSchema } from "../../../evaluation/data/infer-schema.js";
import type { LoadedTable } from "../../../evaluation/data/load-table.js";
import type { RawTable } from "../../../evaluation/data/raw-table.js";
import { generatedCreightonTable, takeRawRows } from "../../../evaluation/reports/default-inputs.js";

/**
 * A small clinic population from the generator in the Creighton shape, standing in for real data in report
 * tests (tests never read the bundled real table's records into a report). Patients [0, 2n) are "real": the
 * first n train, the next n holdout; `independent` is a further n patients of the same population.
 */
export function reportFixture(n: number, seed = "report-fixture") {
  const all = generatedCreightonTable(3 * n, seed);
  const ids = all.columns.find((c) => c.name === "id")?.values as string[];
  const rowsOf = (lo: number, hi: number) =>
    ids.flatMap((id, r) => {
      const k = Number(id.slice(1));
      return k >= lo && k < hi ? [r] : [];
    });
  const train = takeRawRows(all, rowsOf(0, n), "train");
  const holdout = takeRawRows(all, rowsOf(n, 2 * n), "holdout");
  const independent = takeRawRows(all, rowsOf(2 * n, 3 * n), "independent");
  const schema = inferSchema(train);
  const load = (t: RawTable): LoadedTable => buildTable(t, schema);
  return { train, holdout, independent, schema, load };
}
