import { DataError } from "../../core/errors.js";
import { PRESETS } from "../../generators/patient/presets.js";
import { CREIGHTON_COLUMNS } from "../../generators/records/creighton-shape.js";
import { buildTable } from "../data/build-table.js";
import type { TableSchema } from "../data/infer-schema.js";
import type { GenerateFn } from "../metrics/privacy/mia-shadow.js";
import type { Table } from "../types.js";
import { generatedCreightonTable } from "./default-inputs.js";
import { RecordsModel, componentHyperparameters } from "../../models/linked/records-model.js";
import { readRecordsModelFile } from "../../models/linked/records-model-store.js";
import { createModel } from "../../models/registry.js";

/**
 * The generator the shadow-model attack re-runs on shadow training sets, from a `--shadow-generator` spec.
 * `preset:NAME` is the procedural generator with that population preset, producing Creighton-shaped rows: as
 * many patients as the shadow training set holds, from a seed drawn from the attack's stream. A procedural
 * generator never reads its training rows, so the attack's known answer is AUC 0.5; learned generators plug in
 * here the same way.
 */
export function shadowGeneratorFromSpec(spec: string, schema: TableSchema, entity: string | null): GenerateFn {
  const learned = /^model:(.+)$/.exec(spec);
  if (learned?.[1]) return learnedShadowGenerator(learned[1], entity);
  const m = /^preset:(.+)$/.exec(spec);
  const preset = m?.[1];
  if (!preset || !PRESETS[preset]) {
    throw new DataError(
      `unknown shadow generator ${JSON.stringify(spec)}`,
      `Write it as preset:NAME with NAME one of ${Object.keys(PRESETS).join(", ")}, or model:DIR with DIR a folder from \`dentsynth fit records\`.`,
    );
  }
  const creighton = new Set<string>(CREIGHTON_COLUMNS.map((c) => c.name));
  const missing = schema.columns.filter((c) => !creighton.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new DataError(
      `the procedural shadow generator writes the Creighton shape, but the tables have other columns (${missing.slice(0, 5).join(", ")})`,
      "Use --shadow-generator only with Creighton-shaped tables (dentsynth generate records --tables creighton).",
    );
  }
  return (train: Table, rng) => {
    const ids = entity ? train.columns.find((c) => c.name === entity)?.values : undefined;
    const patients = ids ? new Set(ids as ArrayLike<unknown> as unknown[]).size : train.nRows;
    const raw = generatedCreightonTable(patients, `shadow-${rng.int(2 ** 31 - 1)}`, preset);
    return buildTable(raw, schema).table;
  };
}

/**
 * `model:DIR`: the learned generator saved in DIR, refitted from scratch (same kind, hyperparameters, entity and
 * key) on each shadow training set and sampled for as many patients. This is the shadow-modelling threat model
 * of Stadler et al. 2022 and TAPAS: the attacker knows the training algorithm and its settings, not the data.
 * Each refit costs a full fit, so a neural model makes the attack slow.
 */
function learnedShadowGenerator(dir: string, entity: string | null): GenerateFn {
  const file = readRecordsModelFile(dir);
  if (file.linked && entity !== file.linked.entity) {
    throw new DataError(
      `the model in ${dir} is linked by ${file.linked.entity}, but the evaluation groups rows by ${entity ?? "nothing"}`,
      `Pass --entity ${file.linked.entity} to dentsynth evaluate records.`,
    );
  }
  return async (train: Table, rng) => {
    const model = await new RecordsModel(file.kind).fit(train, (job) => createModel(file.kind, componentHyperparameters(file.hyperparameters as Record<string, unknown>, job)), {
      rng: rng.fork("shadow-fit"),
      entity: file.linked?.entity ?? null,
      key: file.linked?.key ?? null,
    });
    const units = file.linked ? (model.linked?.patients ?? train.nRows) : train.nRows;
    return model.sample(units, rng.fork("shadow-sample"));
  };
}
