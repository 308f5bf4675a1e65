import { TABLE_FORMATS, type EncodedChunk, type Row } from "../../core/sinks/index.js";
import { PRESETS } from "../patient/presets.js";
import { samplePatient } from "../patient/sample-patient.js";
import type { RecordsConfig } from "./config.js";
import { RECORD_TABLES, patientRows } from "./tables.js";

/** The encoded rows of every requested table for patients [start, end). */
export interface EncodedBatch {
  patients: number;
  tables: Record<string, { rowCount: number; chunk: EncodedChunk }>;
}

/**
 * Generates and encodes one batch. Pure in (config, start, end): this is the unit a worker runs, and running it
 * on the main thread gives the same bytes.
 */
export function encodeRecordBatch(config: RecordsConfig, start: number, end: number): EncodedBatch {
  const preset = PRESETS[config.preset];
  if (!preset) throw new RangeError(`unknown preset ${config.preset}`);
  const specs = RECORD_TABLES.filter((t) => config.tables.includes(t.name));
  const rows: Record<string, Row[]> = Object.fromEntries(specs.map((s) => [s.name, []]));
  const wanted = new Set(config.tables);
  for (let i = start; i < end; i++) {
    const perTable = patientRows(samplePatient(i, config.seed, preset), wanted);
    for (const spec of specs) {
      const target = rows[spec.name] as Row[];
      for (const row of perTable[spec.name] ?? []) target.push(row);
    }
  }
  const format = TABLE_FORMATS[config.format];
  const tables: EncodedBatch["tables"] = {};
  for (const spec of specs) {
    const tableRows = rows[spec.name] as Row[];
    tables[spec.name] = { rowCount: tableRows.length, chunk: format.encode(spec, tableRows) };
  }
  return { patients: end - start, tables };
}
