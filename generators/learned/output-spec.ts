import type { ColumnSpec, Row, TableSpec } from "../../core/sinks/index.js";
import type { Table } from "../../evaluation/types.js";
import type { ModelColumn } from "../../models/model-schema.js";
import type { RecordsModelFile } from "../../models/linked/records-model-store.js";

/** Name of the sampled table (and its file stem). */
export const SAMPLED_TABLE = "records";

const INT32_MAX = 2 ** 31 - 1;

/**
 * The sinks' description of sampled records, from the saved model: types follow the training columns (whole
 * numbers stay integers, decimals keep the training precision), categories are listed, and every column says it
 * was sampled from a model, never what real values were.
 */
export function sampledTableSpec(file: RecordsModelFile, componentColumns: readonly ModelColumn[]): TableSpec {
  const byName = new Map(componentColumns.map((c) => [c.name, c]));
  const linked = file.linked;
  const columns: ColumnSpec[] = file.columns.map((out) => {
    const meaning = (what: string) => `${what}; sampled from a ${file.kind} model fitted on ${file.trainingData.source}`;
    if (linked && out.name === linked.entity) return { name: out.name, type: "string", unit: "", meaning: "synthetic patient id (sequential; no relation to real ids)" };
    if (linked && out.name === linked.key) {
      const numericKey = linked.keyKind === "numeric";
      return { name: out.name, type: numericKey ? "int32" : "string", unit: "", meaning: meaning("position within the patient (key)"), allowed: numericKey ? linked.keyValues.map(Number).sort((a, b) => a - b) : [...linked.keyValues].sort() };
    }
    const spec = byName.get(out.name);
    if (!spec) return { name: out.name, type: "string", unit: "", meaning: meaning("column"), nullable: true };
    const nullable = spec.missingRate > 0;
    const level = linked ? (linked.parent.includes(out.name) ? "patient-level column" : "row-level column") : "column";
    if (spec.type === "discrete") {
      return spec.kind === "boolean"
        ? { name: out.name, type: "boolean", unit: "", meaning: meaning(level), nullable }
        : { name: out.name, type: "string", unit: "", meaning: meaning(level), allowed: spec.categories, nullable };
    }
    if (spec.kind === "datetime") return { name: out.name, type: "string", unit: "ISO 8601", meaning: meaning(level), nullable };
    const whole = spec.decimals === 0 && Math.abs(spec.min) <= INT32_MAX && Math.abs(spec.max) <= INT32_MAX;
    return whole
      ? { name: out.name, type: "int32", unit: "", meaning: meaning(level), range: [spec.min, spec.max], nullable }
      : { name: out.name, type: "float64", unit: "", meaning: meaning(level), range: [spec.min, spec.max], decimals: spec.decimals, nullable };
  });
  return {
    name: SAMPLED_TABLE,
    description: linked
      ? `Synthetic records sampled from a linked ${file.kind} model: patients first, then their rows (${linked.key ?? "row count"} per patient).`
      : `Synthetic rows sampled from a ${file.kind} model.`,
    columns,
    primaryKey: linked?.key ? [linked.entity, linked.key] : [],
    foreignKeys: [],
  };
}

/** Row-major cells of a sampled table in the spec's column order (NaN and null become null). */
export function tableRows(table: Table, spec: TableSpec): Row[] {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const cols = spec.columns.map((c) => ({ spec: c, column: byName.get(c.name) }));
  const rows: Row[] = new Array(table.nRows);
  for (let r = 0; r < table.nRows; r++) {
    const row: Row = new Array(cols.length);
    for (let j = 0; j < cols.length; j++) {
      const { spec: cs, column } = cols[j] as (typeof cols)[number];
      const v = column ? column.values[r] : null;
      if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) row[j] = null;
      else if (cs.type === "boolean") row[j] = v === 1;
      else if (column?.kind === "datetime") row[j] = new Date(v as number).toISOString();
      else if (cs.type === "string") row[j] = String(v);
      else row[j] = v as number;
    }
    rows[r] = row;
  }
  return rows;
}
