import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { DataError, DentsynthError, UsageError, VersionError, type Problem } from "./errors.js";

/** An error as it crosses the thread boundary: dentsynth's typed errors keep their kind, problems and hint. */
interface WireError {
  message: string;
  stack?: string;
  name?: string;
  exitCode?: number;
  hint?: string;
  problems?: Problem[];
}

function toWire(error: unknown): WireError {
  const e = error instanceof Error ? error : new Error(String(error));
  const wire: WireError = { message: e.message, name: e.name };
  if (e.stack) wire.stack = e.stack;
  if (e instanceof DentsynthError) {
    wire.exitCode = e.exitCode;
    if (e.hint !== undefined) wire.hint = e.hint;
    if (e instanceof UsageError) wire.problems = [...e.problems];
  }
  return wire;
}

/** Rebuilds a worker's error so the CLI reports a user's mistake as such (exit 2, no stack) and not as a bug. */
function fromWire(wire: WireError): Error {
  let error: Error;
  if (wire.name === "UsageError" && wire.problems) error = new UsageError(wire.problems, wire.hint);
  else if (wire.name === "DataError") error = new DataError(wire.message, wire.hint);
  else if (wire.name === "VersionError") error = new VersionError(wire.message, wire.hint);
  else if (wire.exitCode !== undefined) error = new DentsynthError(wire.message, { exitCode: wire.exitCode, ...(wire.hint !== undefined ? { hint: wire.hint } : {}) });
  else error = new Error(wire.message);
  if (wire.stack) error.stack = wire.stack;
  return error;
}

/**
 * Ordered parallel map over worker threads. Parallelism moves indices, not objects: each task is a small message
 * (for generators, an index range), each worker returns encoded results, and results are handed to `onResult`
 * strictly in task order, whatever order the workers finish in. That is what makes output bytes independent of
 * the worker count. At most `maxAhead` results wait in memory, which bounds memory on fast workers/slow disks.
 */
export interface OrderedMapOptions<T, R> {
  /** URL of the worker module (its .js in the build, or its .ts under tsx/vitest). It must call serveWorker. */
  moduleUrl: URL;
  /** Passed to every worker once, as workerData.init. */
  init: unknown;
  workers: number;
  tasks: readonly T[];
  onResult: (result: R, taskIndex: number) => void;
  maxAhead?: number;
  /** V8 heap limits of each worker; a tighter old generation makes workers collect garbage sooner. */
  resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number };
}

const BOOT_URL = new URL("./worker-boot.mjs", import.meta.url);

function spawn(moduleUrl: URL, init: unknown, resourceLimits: OrderedMapOptions<unknown, unknown>["resourceLimits"]): Worker {
  const limits = resourceLimits ? { resourceLimits } : {};
  // Under tsx or vitest the module is TypeScript; Node 20 workers cannot load .ts directly (nodejs/node#47747),
  // so a small .mjs bootstrap registers tsx first. The compiled build loads the .js directly.
  if (moduleUrl.pathname.endsWith(".ts")) {
    return new Worker(BOOT_URL, { workerData: { init, moduleUrl: moduleUrl.href }, ...limits });
  }
  return new Worker(moduleUrl, { workerData: { init }, ...limits });
}

export function orderedParallelMap<T, R>(options: OrderedMapOptions<T, R>): Promise<void> {
  const { tasks, onResult } = options;
  const count = Math.max(1, Math.min(options.workers, tasks.length));
  const maxAhead = options.maxAhead ?? count * 3;
  return new Promise<void>((resolve, reject) => {
    if (tasks.length === 0) return resolve();
    const pool: Worker[] = [];
    const idle: Worker[] = [];
    const waiting = new Map<number, R>();
    let nextTask = 0;
    let nextToEmit = 0;
    let failed = false;

    const finish = (error?: unknown) => {
      if (failed) return;
      if (error !== undefined) failed = true;
      for (const w of pool) void w.terminate();
      if (error !== undefined) reject(error);
      else resolve();
    };

    const dispatch = () => {
      while (!failed && idle.length > 0 && nextTask < tasks.length && nextTask - nextToEmit < maxAhead) {
        const worker = idle.pop() as Worker;
        worker.postMessage({ taskIndex: nextTask, task: tasks[nextTask] });
        nextTask++;
      }
    };

    for (let i = 0; i < count; i++) {
      const worker = spawn(options.moduleUrl, options.init, options.resourceLimits);
      pool.push(worker);
      idle.push(worker);
      worker.on("message", (msg: { taskIndex: number; result?: R; error?: WireError }) => {
        if (failed) return;
        if (msg.error) return finish(fromWire(msg.error));
        waiting.set(msg.taskIndex, msg.result as R);
        idle.push(worker);
        try {
          while (waiting.has(nextToEmit)) {
            const result = waiting.get(nextToEmit) as R;
            waiting.delete(nextToEmit);
            onResult(result, nextToEmit);
            nextToEmit++;
          }
        } catch (error) {
          return finish(error);
        }
        if (nextToEmit === tasks.length) return finish();
        dispatch();
      });
      worker.on("error", (error) => finish(error));
      worker.on("exit", (code) => {
        if (!failed && nextToEmit < tasks.length && code !== 0) finish(new Error(`worker exited with code ${code}`));
      });
    }
    dispatch();
  });
}

/**
 * Called by a worker module: answers each task with `handler(task, init)`. Transferable buffers in the result
 * can be listed by `transfer` to move them instead of copying.
 */
export function serveWorker<I, T, R>(handler: (task: T, init: I) => R | Promise<R>, transfer?: (result: R) => ArrayBuffer[]): void {
  if (isMainThread || !parentPort) return;
  const port = parentPort;
  const init = (workerData as { init: I }).init;
  // Tasks run one at a time even when the handler is async (model fitting), so results keep their order.
  let queue: Promise<void> = Promise.resolve();
  port.on("message", (msg: { taskIndex: number; task: T }) => {
    queue = queue.then(() => answer(msg));
  });
  async function answer(msg: { taskIndex: number; task: T }): Promise<void> {
    try {
      const result = await handler(msg.task, init);
      port.postMessage({ taskIndex: msg.taskIndex, result }, transfer ? transfer(result) : []);
    } catch (error) {
      port.postMessage({ taskIndex: msg.taskIndex, error: toWire(error) });
    }
  }
}
