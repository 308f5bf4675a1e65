import { DataError } from "../../core/errors.js";
import type { ColumnKind } from "../types.js";
import { DEFAULT_MISSING_TOKENS, isMissing } from "./missing-values.js";
import { parseBooleanCell, parseDateCell, parseNumberCell } from "./parse-cell.js";
import type { RawTable, RawValue } from "./raw-table.js";
import type { TableMetadata } from "./table-metadata.js";

/** The decided kind of one column, and why, so the load report can explain every decision. */
export interface ColumnSchema {
  name: string;
  kind: ColumnKind;
  source: "metadata" | "inferred";
  /** Plain reason, e.g. "every value is a number" or "name matches (^|_)id$". Never quotes a cell. */
  reason: string;
  /** Cell texts read as missing in this column (table-wide list plus column extras). */
  missingTokens: readonly string[];
}

/** One schema for all tables of a comparison, inferred from the real training table. */
export interface TableSchema {
  columns: ColumnSchema[];
  /** Entity column from metadata: a name, `null` for "rows are independent", or undefined to infer later. */
  entity?: string | null;
}

export interface InferSchemaOptions {
  /** Integer columns with at most this many distinct values become categorical; default 0 (never). */
  categoricalIntegerMaxUnique?: number;
  /** Minimum non-missing cells before an all-distinct text column is called an id; default 20. */
  idMinRows?: number;
}

/**
 * Infers each column's kind from the real (training) table, applying metadata overrides first.
 *
 * Rules, in order (the first that fits wins):
 * 1. metadata `kind` (or `drop`, which removes the column);
 * 2. **id** if the name matches `(^|_)id$` or a camelCase `...Id` (`id`, `patient_id`, `PATIENT_ID`, `toothId`);
 * 3. **categorical** if every cell is missing (nothing to compare, but the missing rate still is);
 * 4. **boolean** if every cell is `true`/`false` (JSON booleans or text in any case); 0/1 stays numeric;
 * 5. **numeric** if every cell is a number (JSON number, bigint, or decimal/scientific text); integer columns
 *    with at most `categoricalIntegerMaxUnique` distinct values become categorical instead, only when told;
 * 6. **datetime** if every cell is a Date or ISO 8601 date/date-time text;
 * 7. **categorical**, with a reason naming the count, if all but a few cells (at most 5 %) are numbers: a
 *    stray word such as "n.a." spoils a number column, and the user should hear about it;
 * 8. **id** if the cells are text, all distinct, and there are at least `idMinRows` of them (free text or
 *    keys: nothing to compare);
 * 9. otherwise **categorical**.
 * "Every cell" means every non-missing cell; one stray word in a number column makes it categorical, and the
 * reason says how many cells were not numbers so the user can add a missing token or a metadata override.
 *
 * Cost: one pass per column, plus a set of distinct values for text and integer columns.
 *
 * @throws {DataError} metadata names columns the table does not have (all listed together)
 */
export function inferSchema(reference: RawTable, metadata?: TableMetadata, options: InferSchemaOptions = {}): TableSchema {
  const tableTokens = metadata?.missingValues ?? DEFAULT_MISSING_TOKENS;
  const present = new Set(reference.columns.map((c) => c.name));
  const unknown = Object.keys(metadata?.columns ?? {}).filter((name) => !present.has(name));
  if (metadata?.entity && !present.has(metadata.entity)) unknown.push(metadata.entity);
  if (unknown.length > 0) {
    throw new DataError(
      `${reference.source}: metadata names columns not in the data: ${unknown.map((n) => JSON.stringify(n)).join(", ")}`,
      "Check the spelling against the header of the real training table.",
    );
  }
  const maxUnique = options.categoricalIntegerMaxUnique ?? metadata?.categoricalIntegerMaxUnique ?? 0;
  const idMinRows = options.idMinRows ?? 20;
  const columns: ColumnSchema[] = [];
  for (const column of reference.columns) {
    const meta = metadata?.columns[column.name];
    if (meta?.drop) continue;
    const missingTokens = meta?.missingValues ? [...tableTokens, ...meta.missingValues] : tableTokens;
    const forcedKind = meta?.kind ?? (metadata?.entity === column.name ? "id" : undefined);
    if (forcedKind) {
      columns.push({ name: column.name, kind: forcedKind, source: "metadata", reason: "set in metadata", missingTokens });
      continue;
    }
    const { kind, reason } = inferColumnKind(column.name, column.values, {
      missingTokens: new Set(missingTokens),
      categoricalIntegerMaxUnique: maxUnique,
      idMinRows,
    });
    columns.push({ name: column.name, kind, source: "inferred", reason, missingTokens });
  }
  const schema: TableSchema = { columns };
  if (metadata?.entity !== undefined) schema.entity = metadata.entity;
  return schema;
}

const ID_NAME = /(^|_)id$/i;
const CAMEL_ID_NAME = /[a-z0-9]Id$/;

/**
 * The kind of one column by the rules of {@link inferSchema} (without metadata), with the reason.
 */
export function inferColumnKind(
  name: string,
  values: readonly RawValue[],
  options: { missingTokens: ReadonlySet<string>; categoricalIntegerMaxUnique: number; idMinRows: number },
): { kind: ColumnKind; reason: string } {
  if (ID_NAME.test(name) || CAMEL_ID_NAME.test(name)) return { kind: "id", reason: "name marks an identifier" };
  let nonMissing = 0;
  let notBoolean = 0;
  let notNumber = 0;
  let notDate = 0;
  let nonInteger = false;
  let texts = 0;
  const distinct = new Set<string | number>();
  // Distinct values are only needed for ids (text) and small integer codes; stop collecting numbers early.
  const distinctNumberCap = options.categoricalIntegerMaxUnique + 1;
  for (const value of values) {
    if (isMissing(value, options.missingTokens)) continue;
    nonMissing++;
    let asNumber = Number.NaN;
    let isBoolean = false;
    let isDate = false;
    if (typeof value === "string") {
      texts++;
      distinct.add(value);
      asNumber = parseNumberCell(value);
      isBoolean = !Number.isNaN(parseBooleanCell(value));
      isDate = Number.isNaN(asNumber) && !Number.isNaN(parseDateCell(value));
    } else if (typeof value === "number") {
      asNumber = value;
    } else if (typeof value === "bigint") {
      asNumber = Number(value);
    } else if (typeof value === "boolean") {
      isBoolean = true;
    } else if (value instanceof Date) {
      isDate = true;
    }
    if (!isBoolean) notBoolean++;
    if (!isDate) notDate++;
    if (Number.isNaN(asNumber) || !Number.isFinite(asNumber)) notNumber++;
    else {
      if (!Number.isInteger(asNumber)) nonInteger = true;
      if (typeof value !== "string" && distinct.size < distinctNumberCap) distinct.add(asNumber);
    }
  }
  if (nonMissing === 0) return { kind: "categorical", reason: "every value is missing" };
  if (notBoolean === 0) return { kind: "boolean", reason: "every value is true or false" };
  if (notNumber === 0) {
    if (!nonInteger && options.categoricalIntegerMaxUnique > 0) {
      // Text cells were all collected; numeric cells only up to the cap, which is all we need to compare.
      const numericDistinct = new Set<number>();
      for (const v of distinct) {
        numericDistinct.add(typeof v === "string" ? parseNumberCell(v) : v);
        if (numericDistinct.size > options.categoricalIntegerMaxUnique) break;
      }
      if (numericDistinct.size <= options.categoricalIntegerMaxUnique) {
        return {
          kind: "categorical",
          reason: `integer codes with at most ${options.categoricalIntegerMaxUnique} distinct values`,
        };
      }
    }
    return { kind: "numeric", reason: "every value is a number" };
  }
  if (notDate === 0) return { kind: "datetime", reason: "every value is an ISO 8601 date or time" };
  if (notNumber < nonMissing && notNumber <= Math.max(1, 0.05 * nonMissing)) {
    return {
      kind: "categorical",
      reason: `${notNumber} of ${nonMissing} values are not numbers; add them to missingValues or set the kind in metadata`,
    };
  }
  if (texts === nonMissing && distinct.size === nonMissing && nonMissing >= options.idMinRows) {
    return { kind: "id", reason: "every value is distinct text" };
  }
  return { kind: "categorical", reason: "text values" };
}
