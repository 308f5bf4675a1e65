import { Rng } from "../../core/rng.js";
import type { Table } from "../../evaluation/types.js";
import type { ModelState } from "../../models/tabular-model.js";
import { createModel } from "../../models/registry.js";
import type { ComponentJob } from "../../models/linked/records-model.js";

/** A component fit as it crosses a thread boundary: plain data in, exported state out. */
export interface ComponentFitTask {
  kind: string;
  hyperparameters: unknown;
  seed: string;
  job: ComponentJob;
}

export type ExportedModel = ReturnType<ReturnType<typeof createModel>["exportState"]>;

/**
 * Fits one component model with the stream (seed, "fit", label): the same stream whether it runs here or in a
 * worker, so the worker count never changes the fitted model.
 */
export async function fitComponent(task: ComponentFitTask, onProgress?: (fraction: number, message: string) => void): Promise<ExportedModel> {
  const model = createModel(task.kind, task.hyperparameters);
  const rng = new Rng(task.seed).fork("fit").fork(task.job.seedLabel);
  const options: { rng: Rng; context?: Table; onProgress?: (fraction: number, message: string) => void } = { rng };
  if (task.job.context) options.context = task.job.context;
  if (onProgress) options.onProgress = onProgress;
  await model.fit(task.job.table, options);
  return model.exportState();
}

export type { ModelState };
