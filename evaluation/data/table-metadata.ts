import { z } from "zod";
import { UsageError, type Problem } from "../../core/errors.js";

const columnKinds = ["numeric", "categorical", "boolean", "datetime", "id"] as const;

/**
 * Per-column overrides in a metadata file. Every field is optional: give only what inference gets wrong.
 */
export const columnMetadataSchema = z.strictObject({
  kind: z
    .enum(columnKinds)
    .optional()
    .describe("Forces the column's kind instead of inferring it. 'id' columns are never compared."),
  drop: z.boolean().optional().describe("Leave the column out of the evaluation entirely."),
  missingValues: z
    .array(z.string())
    .optional()
    .describe("Extra cell texts that mean 'missing' in this column (added to the table-wide list), e.g. ['-9']."),
  description: z.string().optional().describe("Free text for humans; ignored by the tool."),
});

/**
 * The metadata JSON that overrides type inference (`--metadata META.json`).
 *
 * Format, version 1:
 * ```json
 * {
 *   "version": 1,
 *   "entity": "patient_id",
 *   "missingValues": ["", "NA", "-9"],
 *   "categoricalIntegerMaxUnique": 12,
 *   "columns": {
 *     "tooth": { "kind": "categorical" },
 *     "visit_date": { "kind": "datetime" },
 *     "free_text": { "drop": true },
 *     "pocket_depth": { "missingValues": ["999"] }
 *   }
 * }
 * ```
 * - `entity`: the column grouping rows into patients; `null` says rows are independent (no entity inference).
 * - `missingValues`: replaces the default list ({@link DEFAULT_MISSING_TOKENS}) for every column.
 * - `categoricalIntegerMaxUnique`: integer columns with at most this many distinct values are inferred
 *   categorical (default 0: never; integer codes stay numeric unless you say otherwise).
 * - `columns`: per-column overrides ({@link columnMetadataSchema}); naming a column absent from the real data is
 *   an error, so typos do not pass silently.
 *
 * The schema follows SDV's metadata idea (sdtype per column, a spec version) in a smaller form.
 * Source: https://docs.sdv.dev/sdv/reference/metadata-spec/single-table-metadata-json
 */
export const tableMetadataSchema = z.strictObject({
  version: z.literal(1).default(1).describe("Metadata format version."),
  entity: z.string().min(1).nullable().optional().describe("Column that groups rows into entities (patients)."),
  missingValues: z.array(z.string()).optional().describe("Cell texts read as missing, replacing the defaults."),
  categoricalIntegerMaxUnique: z
    .int()
    .min(0)
    .optional()
    .describe("Integer columns with at most this many distinct values are inferred categorical."),
  columns: z.record(z.string(), columnMetadataSchema).default({}).describe("Per-column overrides by name."),
});

export type ColumnMetadata = z.infer<typeof columnMetadataSchema>;
export type TableMetadata = z.infer<typeof tableMetadataSchema>;

/**
 * Validates parsed metadata JSON, reporting every problem at once with its dotted path.
 *
 * @throws {UsageError} one problem per invalid field, e.g. `metadata.columns.age.kind: invalid option ...`
 */
export function parseTableMetadata(json: unknown, path = "metadata"): TableMetadata {
  const result = tableMetadataSchema.safeParse(json);
  if (result.success) return result.data;
  const problems: Problem[] = result.error.issues.map((issue) => ({
    path: [path, ...issue.path.map(String)].join("."),
    message: issue.message.charAt(0).toLowerCase() + issue.message.slice(1),
  }));
  throw new UsageError(problems, "See the metadata format in evaluation/data/table-metadata.ts.");
}
