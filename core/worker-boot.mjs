// Bootstrap for worker threads whose module is TypeScript (runs under tsx or vitest): Node 20 cannot pass
// `--import tsx` to a worker (nodejs/node#47747), so the worker registers tsx itself, then loads the module.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.moduleUrl);
