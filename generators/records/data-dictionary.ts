import type { TableSpec } from "../../core/sinks/index.js";

/**
 * The data dictionary written beside the tables: for every column its type, unit, meaning and allowed values,
 * plus each table's keys. JSON for tools, Markdown for people; both come from the same TableSpecs the sinks use,
 * so the dictionary cannot drift from the files.
 */
export function dataDictionaryJson(specs: readonly TableSpec[]): string {
  const tables = specs.map((t) => ({
    table: t.name,
    description: t.description,
    primaryKey: t.primaryKey,
    foreignKeys: t.foreignKeys,
    columns: t.columns.map((c) => ({
      column: c.name,
      type: c.type,
      unit: c.unit,
      meaning: c.meaning,
      nullable: c.nullable ?? false,
      ...(c.allowed ? { allowed: c.allowed } : {}),
      ...(c.range ? { range: c.range } : {}),
    })),
  }));
  return JSON.stringify({ dataDictionaryVersion: 1, tables }, null, 2) + "\n";
}

const escapeCell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function dataDictionaryMarkdown(specs: readonly TableSpec[]): string {
  const out: string[] = ["# Data dictionary", ""];
  for (const t of specs) {
    out.push(`## ${t.name}`, "", t.description, "");
    out.push(`Primary key: ${t.primaryKey.join(", ") || "none"}.`);
    for (const fk of t.foreignKeys) out.push(`Foreign key: ${fk.column} → ${fk.references}.`);
    out.push("", "| column | type | unit | meaning | allowed values |", "|---|---|---|---|---|");
    for (const c of t.columns) {
      const allowed = c.allowed ? c.allowed.join(", ") : c.range ? `${c.range[0]}–${c.range[1]}` : "";
      out.push(
        `| ${escapeCell(c.name)} | ${c.type}${c.nullable ? " (nullable)" : ""} | ${escapeCell(c.unit)} | ${escapeCell(c.meaning)} | ${escapeCell(allowed)} |`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}
