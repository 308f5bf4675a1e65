// Bootstrap for the k-NN worker when the code runs from TypeScript sources (tsx, vitest): Node 20 cannot start a
// .ts worker by itself (nodejs/node#47747), so register tsx's loader in this thread first. Compiled JavaScript
// (dist/) starts neighbors-worker.js directly and never loads this file.
import { register } from "tsx/esm/api";

register();
await import("./neighbors-worker.ts");
