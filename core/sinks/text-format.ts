import type { CellValue } from "./table-spec.js";

/**
 * Number formatting shared by the text formats. JavaScript's shortest round-trip form (`String(x)`) is exact and
 * deterministic; non-finite numbers become empty/null because CSV and JSON have no portable spelling for them.
 */
export function formatNumber(value: number): string | null {
  return Number.isFinite(value) ? String(value) : null;
}

/** A CSV field per RFC 4180: quoted only when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "number") return formatNumber(value) ?? "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
