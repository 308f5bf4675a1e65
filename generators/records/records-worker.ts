import { serveWorker } from "../../core/worker-pool.js";
import type { RecordsConfig } from "./config.js";
import { encodeRecordBatch } from "./encode-batch.js";

/** Worker thread entry: encodes the batches the main thread hands it. */
serveWorker<RecordsConfig, { start: number; end: number }, ReturnType<typeof encodeRecordBatch>>((task, config) =>
  encodeRecordBatch(config, task.start, task.end),
);
