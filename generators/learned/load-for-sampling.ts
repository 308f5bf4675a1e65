import { initTf } from "../../core/tf-backend.js";
import type { RecordsModel } from "../../models/linked/records-model.js";
import { loadRecordsModel, type RecordsModelFile } from "../../models/linked/records-model-store.js";
import { MODEL_REGISTRY, createModel, type ModelKind } from "../../models/registry.js";
import type { TableSpec } from "../../core/sinks/index.js";
import { sampledTableSpec } from "./output-spec.js";

/** A saved model ready to sample: the model, its file, the output spec and the tfjs backend (neural kinds). */
export interface LoadedSampler {
  model: RecordsModel;
  file: RecordsModelFile;
  spec: TableSpec;
  backend: string | null;
}

export async function loadForSampling(dir: string): Promise<LoadedSampler> {
  const { model, file } = loadRecordsModel(dir, createModel);
  const neural = MODEL_REGISTRY[file.kind as ModelKind]?.neural ?? false;
  const backend = neural ? await initTf() : null;
  const componentColumns = Object.values(model.models).flatMap((m) => [...(m?.schema ?? [])]);
  return { model, file, spec: sampledTableSpec(file, componentColumns), backend };
}
