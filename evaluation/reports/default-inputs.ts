import { BUNDLED_CREIGHTON } from "../../core/package-root.js";
import { PRESETS } from "../../generators/patient/presets.js";
import { samplePatient } from "../../generators/patient/sample-patient.js";
import { CREIGHTON_COLUMNS, creightonRows } from "../../generators/records/creighton-shape.js";
import { buildTable } from "../data/build-table.js";
import { inferSchema, type TableSchema } from "../data/infer-schema.js";
import type { LoadedTable } from "../data/load-table.js";
import { readRawTable } from "../data/load-table.js";
import type { RawTable, RawValue } from "../data/raw-table.js";
import { splitByEntity } from "../split/split-by-entity.js";

/** The rows of a raw table at the given indices. */
export function takeRawRows(table: RawTable, rows: readonly number[], source: string): RawTable {
  return { source, format: table.format, nRows: rows.length, columns: table.columns.map((c) => ({ name: c.name, values: rows.map((r) => c.values[r]) })) };
}

/** Creighton-shaped rows of generated patients [0, n) as a raw table. */
export function generatedCreightonTable(patients: number, seed: string, presetName = "clinic"): RawTable {
  const preset = PRESETS[presetName];
  if (!preset) throw new RangeError(`unknown preset ${presetName}`);
  const names = CREIGHTON_COLUMNS.map((c) => c.name);
  const columns = names.map((name) => ({ name, values: [] as RawValue[] }));
  for (let i = 0; i < patients; i++) {
    for (const row of creightonRows(samplePatient(i, seed, preset))) {
      const r = row as Record<string, RawValue>;
      names.forEach((name, j) => (columns[j] as { values: RawValue[] }).values.push(r[name] ?? null));
    }
  }
  return { source: `generated (${presetName} preset, seed ${seed})`, format: "memory", columns, nRows: columns[0]?.values.length ?? 0 };
}

/**
 * The evaluation the README demo runs with no input named: the bundled real Creighton table split by patient
 * into train and holdout halves, against as many procedurally generated patients as train has, in the same shape.
 */
export async function defaultEvaluationInputs(seed: string): Promise<{
  loaded: { train: LoadedTable; holdout: LoadedTable; synthetic: LoadedTable };
  sources: { train: string; holdout: string; synthetic: string };
  schema: TableSchema;
}> {
  const real = await readRawTable(BUNDLED_CREIGHTON);
  const split = splitByEntity(real, "id", 0.5, seed);
  const train = takeRawRows(real, split.train, "bundled Creighton table, train half");
  const holdout = takeRawRows(real, split.holdout, "bundled Creighton table, holdout half");
  const synthetic = generatedCreightonTable(split.entities.train, seed);
  const schema = inferSchema(train);
  return {
    schema,
    loaded: { train: buildTable(train, schema), holdout: buildTable(holdout, schema), synthetic: buildTable(synthetic, schema) },
    sources: {
      train: `samples/real/MST-Teeth-Creighton (train half: ${split.entities.train} patients, split seed ${seed})`,
      holdout: `samples/real/MST-Teeth-Creighton (holdout half: ${split.entities.holdout} patients)`,
      synthetic: `dentsynth clinic preset, ${split.entities.train} patients, seed ${seed}`,
    },
  };
}
