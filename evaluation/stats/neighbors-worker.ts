/**
 * Worker-thread entry of {@link ./neighbors.ts}'s `kNearest`: a pooled worker that answers k-NN jobs (one slice of
 * the queries each) with the neighbours, buffers transferred rather than copied.
 */
import { parentPort } from "node:worker_threads";
import { searchKnn } from "./neighbors-kernel.js";
import type { WorkerReply, WorkerRequest } from "./neighbors.js";

parentPort?.on("message", ({ id, job }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const out = searchKnn(job);
    reply = { id, indices: out.indices, distances: out.distances };
    parentPort?.postMessage(reply, [out.indices.buffer as ArrayBuffer, out.distances.buffer as ArrayBuffer]);
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
    parentPort?.postMessage(reply);
  }
});
