import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseConfig } from "../../core/config.js";
import { UsageError } from "../../core/errors.js";
import { StagedOutputDir } from "../../core/output-dir.js";
import { initTf } from "../../core/tf-backend.js";
import { orderedParallelMap } from "../../core/worker-pool.js";
import { buildTable } from "../../evaluation/data/build-table.js";
import { inferEntityColumn } from "../../evaluation/data/infer-entity-column.js";
import { inferSchema } from "../../evaluation/data/infer-schema.js";
import { readRawTable } from "../../evaluation/data/load-table.js";
import { parseTableMetadata } from "../../evaluation/data/table-metadata.js";
import { Rng } from "../../core/rng.js";
import { describeColumns } from "../../models/model-schema.js";
import { RecordsModel, componentHyperparameters, type ComponentJob } from "../../models/linked/records-model.js";
import { saveRecordsModel, type RecordsModelFile } from "../../models/linked/records-model-store.js";
import { MODEL_REGISTRY, createModel, type ModelKind } from "../../models/registry.js";
import type { TabularModel } from "../../models/tabular-model.js";
import { fitConfigSchema, type FitConfig, type FitConfigInput } from "./config.js";
import { fitComponent, type ComponentFitTask, type ExportedModel } from "./fit-component.js";

const DEFAULT_TOTAL_DELTA = 1e-5;

export interface FitRecordsOptions {
  overwrite?: boolean;
  outOptionName?: string;
  /** Called with a short message at each stage (loading, fitting, saving). */
  onStage?: (message: string) => void;
  onProgress?: (fraction: number, message: string) => void;
}

export interface FitRecordsResult {
  file: RecordsModelFile;
  model: RecordsModel;
}

/**
 * Fits a records model on a real table and saves it into `outDir` (written to a staging folder, renamed at the
 * end). Every option problem is reported before the data is read; the model's own hyperparameter schema checks
 * its block.
 *
 * With `workers` ≥ 2 and a linked table, the patients model and the rows model are fitted at the same time in
 * two worker threads; each uses the stream (seed, "fit", component), so the saved model is the same bytes
 * whatever the worker count (on the same tfjs backend).
 *
 * @example
 * await fitRecords({ real: "split/train.csv", model: "bayesnet", epsilon: 1 }, "out/model");
 */
export async function fitRecords(input: FitConfigInput, outDir: string, options: FitRecordsOptions = {}): Promise<FitRecordsResult> {
  const config = parseConfig(fitConfigSchema, input);
  const kind = config.model as ModelKind;
  const entry = MODEL_REGISTRY[kind];
  const hyperparameters = totalHyperparameters(config);
  // Parse the hyperparameters now (throws a UsageError listing every problem) so nothing is read on bad input.
  createModel(kind, hyperparameters);
  const metadata = config.metadata ? readMetadata(config.metadata) : undefined;
  const out = StagedOutputDir.open(outDir, { overwrite: options.overwrite ?? false, optionName: options.outOptionName ?? "out" });
  try {
    options.onStage?.(`reading ${config.real}`);
    const raw = await readRawTable(config.real);
    const bytes = readFileSync(config.real);
    const schema = inferSchema(raw, metadata);
    const { table } = buildTable(raw, schema);
    const explicit = config.entity === "none" || config.entity === null ? null : (config.entity ?? schema.entity ?? undefined);
    const entity = inferEntityColumn(table, explicit);
    if (explicit && !entity.column) throw new UsageError([{ path: "entity", message: `column ${explicit} is not in ${config.real}` }], "Name an existing column, or pass --entity none.");
    const key = config.key === "none" ? null : config.key;
    const backend = entry.neural ? await initTf() : null;
    options.onStage?.(
      `fitting ${kind} on ${table.nRows} rows${entity.column ? ` grouped by ${entity.column}` : ""}${backend ? ` (tfjs backend: ${backend})` : ""}${config.epsilon ? `, epsilon ${config.epsilon}` : ""}`,
    );
    const started = performance.now();
    const model = new RecordsModel(kind);
    const fitOptions = {
      rng: new Rng(config.seed).fork("fit"),
      entity: entity.column,
      ...(key !== undefined ? { key } : {}),
      fitComponents: (jobs: ComponentJob[]) => fitJobs(jobs, kind, hyperparameters, config, entry.neural, options.onProgress),
    };
    await model.fit(table, (job) => createModel(kind, componentHyperparameters(hyperparameters, job)), fitOptions);
    const fitSeconds = (performance.now() - started) / 1000;
    options.onStage?.(`saving the model to ${outDir}`);
    const file = saveRecordsModel(model, out.staging, {
      hyperparameters,
      backend,
      trainingData: {
        source: basename(config.real),
        sha256: createHash("sha256").update(bytes).digest("hex"),
        rows: table.nRows,
        patients: model.linked?.patients ?? null,
      },
      fitSeconds: Math.round(fitSeconds * 10) / 10,
      metadata: metadata ?? null,
    });
    out.commit();
    return { file, model };
  } catch (error) {
    out.abort();
    throw error;
  }
}

/** Fits the component models: in worker threads when there are several and workers allow, else here. */
async function fitJobs(
  jobs: ComponentJob[],
  kind: string,
  hyperparameters: Record<string, unknown>,
  config: FitConfig,
  neural: boolean,
  onProgress?: (fraction: number, message: string) => void,
): Promise<TabularModel[]> {
  // Check the columns here, where a DataError keeps its message and exit code, before any thread starts.
  for (const job of jobs) {
    describeColumns(job.table);
    if (job.context) describeColumns(job.context);
  }
  const tasks: ComponentFitTask[] = jobs.map((job) => ({ kind, hyperparameters: componentHyperparameters(hyperparameters, job), seed: config.seed, job }));
  const exported: ExportedModel[] = new Array(tasks.length);
  try {
    if (config.workers < 2 || tasks.length < 2) {
      for (let i = 0; i < tasks.length; i++) {
        const label = tasks[i]?.job.role ?? "";
        exported[i] = await fitComponent(tasks[i] as ComponentFitTask, onProgress ? (f, m) => onProgress((i + f) / tasks.length, `${label}: ${m}`) : undefined);
      }
    } else {
      await orderedParallelMap<ComponentFitTask, ExportedModel>({
        moduleUrl: new URL(`./fit-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url),
        init: { neural },
        workers: Math.min(config.workers, tasks.length),
        tasks,
        onResult: (result, index) => {
          exported[index] = result;
          onProgress?.((index + 1) / tasks.length, `${tasks[index]?.job.role ?? ""} fitted`);
        },
      });
    }
  } catch (error) {
    throw withComponentContext(error, jobs, config);
  }
  return exported.map((state, i) => createModel(kind, (tasks[i] as ComponentFitTask).hyperparameters).importState(state));
}

/**
 * The hyperparameters saved with the model (what a shadow attack refits with): the config's `hyperparameters`
 * block plus the epsilon/delta/epochs shortcuts. DP-SGD needs a delta: 1e-5 in
 * total (well under 1/n for tables of up to 10^4 patients, the usual rule, Dwork & Roth 2014 section 2.3).
 */
export function totalHyperparameters(config: FitConfig): Record<string, unknown> {
  const base: Record<string, unknown> = { ...config.hyperparameters };
  if (config.epsilon !== undefined) base.epsilon = config.epsilon;
  if (config.delta !== undefined) base.delta = config.delta;
  if (config.epochs !== undefined) base.epochs = config.epochs;
  if (config.epsilon !== undefined && config.model === "tvae" && config.delta === undefined) base.delta = DEFAULT_TOTAL_DELTA;
  return base;
}

/**
 * A component's refusal, said in the user's terms: under --epsilon the rows model works with a per-row share of
 * the patient-level budget, which is what is too small when DP-SGD cannot reach it.
 */
function withComponentContext(error: unknown, jobs: ComponentJob[], config: FitConfig): unknown {
  if (!(error instanceof UsageError) || config.epsilon === undefined || jobs.length < 2) return error;
  const rows = jobs.find((j) => j.role === "rows");
  const m = rows?.maxRowsPerUnit ?? 1;
  return new UsageError(
    error.problems.map((p) => ({ path: p.path, message: `${p.message} (the rows model's per-row share of --epsilon ${config.epsilon}: half of it, divided by ${m}, the most rows of one patient)` })),
    "Raise --epsilon, lower --epochs, or model rows as independent with --entity none (then the guarantee is per row, not per patient).",
  );
}

function readMetadata(path: string) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError([{ path: "metadata", message: `cannot read ${path} as JSON: ${(error as Error).message}` }]);
  }
  return parseTableMetadata(json, path);
}
