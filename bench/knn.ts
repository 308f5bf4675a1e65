/**
 * k-NN speed: exact 1-NN and 2-NN of 100k query rows among 100k reference rows with ~30 columns, in the calling
 * thread and over worker threads. Prints seconds and multiply-adds per second; asserts nothing.
 *
 * Usage: npx tsx bench/knn.ts [--rows 100000] [--queries 100000] [--numeric 24] [--categorical 6] [--k 2]
 *        [--workers 1,2] [--sync-queries 5000]
 *        npx tsx bench/knn.ts --suite [--rows 100000]   (the whole privacy suite on train = holdout = synthetic size)
 *
 * The machine may be shared: compare wall time with the printed CPU time (all threads) to see contention.
 *
 * The table mimics a dental record table: correlated numeric columns (so the data has low intrinsic dimension,
 * as real tables do) and a few categorical columns with 3-8 levels, encoded by the same encoder the privacy
 * metrics use. Brute force does not depend on the data's structure, so the timing holds for any content.
 */
import { Rng } from "../core/rng.js";
import { anonymeterInference } from "../evaluation/metrics/privacy/anonymeter-inference.js";
import { anonymeterLinkability } from "../evaluation/metrics/privacy/anonymeter-linkability.js";
import { anonymeterSinglingOut } from "../evaluation/metrics/privacy/anonymeter-singling-out.js";
import { dcrBaseline } from "../evaluation/metrics/privacy/dcr-baseline.js";
import { dcrOverfitting } from "../evaluation/metrics/privacy/dcr.js";
import { exactCopyRate } from "../evaluation/metrics/privacy/exact-copy-rate.js";
import { kAnonymity } from "../evaluation/metrics/privacy/k-anonymity.js";
import { lDiversity } from "../evaluation/metrics/privacy/l-diversity.js";
import { miaEnsemble } from "../evaluation/metrics/privacy/mia-ensemble.js";
import { nearestNeighbourDistanceRatio } from "../evaluation/metrics/privacy/nndr.js";
import { PrivacyWorkspace } from "../evaluation/metrics/privacy/shared/workspace.js";
import { tCloseness } from "../evaluation/metrics/privacy/t-closeness.js";
import { takeRows } from "../evaluation/data/take-rows.js";
import { fitRowEncoder, kNearest, kNearestSync } from "../evaluation/stats/neighbors.js";
import type { Column, MetricResult, Table } from "../evaluation/types.js";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const rows = Number(flag("rows", "100000"));
const queries = Number(flag("queries", "100000"));
const nNumeric = Number(flag("numeric", "24"));
const nCategorical = Number(flag("categorical", "6"));
const k = Number(flag("k", "2"));
const workerCounts = flag("workers", "1,2").split(",").map(Number);
const syncQueries = Number(flag("sync-queries", "5000"));

/** Column weights of the population: shared by every table drawn from it. */
const population = (() => {
  const p = new Rng("bench-population");
  return Array.from({ length: nNumeric }, () => [p.normal(), p.normal(), p.normal(), p.normal()]);
})();

function makeTable(n: number, rng: Rng, idPrefix = "P"): Table {
  // ~28 rows (teeth) per patient, as in a tooth-level dental table.
  const columns: Column[] = [{ name: "patient_id", kind: "id", values: Array.from({ length: n }, (_, i) => `${idPrefix}${Math.floor(i / 28)}`) }];
  const latent = Array.from({ length: 4 }, () => new Float64Array(n).map(() => rng.normal()));
  for (let c = 0; c < nNumeric; c++) {
    const values = new Float64Array(n);
    const w = population[c] as number[];
    for (let i = 0; i < n; i++) {
      let v = 0.3 * rng.normal();
      for (let l = 0; l < 4; l++) v += (w[l] as number) * (latent[l]![i] as number);
      values[i] = Math.round(v * 10) / 10;
    }
    columns.push({ name: `x${c}`, kind: "numeric", values });
  }
  for (let c = 0; c < nCategorical; c++) {
    const levels = 3 + (c % 6);
    const values: (string | null)[] = [];
    for (let i = 0; i < n; i++) values.push(`L${Math.min(levels - 1, Math.floor(Math.abs(latent[c % 4]![i] as number) * levels / 2.5))}`);
    columns.push({ name: `c${c}`, kind: "categorical", values });
  }
  return { columns, nRows: n };
}

if (args.includes("--suite")) {
  await suite();
  process.exit(0);
}

const rng = new Rng("bench-knn");
const reference = makeTable(rows, rng.fork("reference"));
const query = makeTable(queries, rng.fork("query"));
let t0 = performance.now();
const encoder = fitRowEncoder(reference, { alsoSeen: [query] });
const R = encoder.encode(reference);
const Q = encoder.encode(query);
console.log(
  `k-NN bench: ${queries.toLocaleString("en-US")} queries × ${rows.toLocaleString("en-US")} reference rows, ` +
    `${nNumeric + nCategorical} columns → ${encoder.dims} encoded dims (stride ${encoder.stride}), k = ${k}; ` +
    `encode ${((performance.now() - t0) / 1000).toFixed(2)} s`,
);
console.log("target: full privacy evaluation of 100k × 100k × ~30 columns under 2 min on 2 cores");

// Calling thread on a subset, extrapolated (one full single-thread run would take minutes).
const sub = { ...Q, nRows: Math.min(syncQueries, queries), data: Q.data.subarray(0, Math.min(syncQueries, queries) * Q.stride) };
t0 = performance.now();
kNearestSync(sub, R, { k });
let s = (performance.now() - t0) / 1000;
const madds = (n: number) => n * rows * R.stride;
console.log(
  `sync    ${sub.nRows} queries: ${s.toFixed(2)} s  (${(madds(sub.nRows) / s / 1e9).toFixed(2)} G mult-add/s; ` +
    `extrapolated to all queries: ${((s * queries) / sub.nRows).toFixed(1)} s)`,
);
for (const workers of workerCounts) {
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const res = await kNearest(Q, R, { k, workers });
  s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `workers ${workers}: ${s.toFixed(2)} s for all ${queries} queries, cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s ` +
      `(${(madds(queries) / s / 1e9).toFixed(2)} G mult-add/s); ` +
      `median 1-NN distance ${median(res.distances, res.k).toFixed(4)}`,
  );
}

function median(d: Float64Array, kk: number): number {
  const first = new Float64Array(d.length / kk);
  for (let i = 0; i < first.length; i++) first[i] = d[i * kk] as number;
  first.sort();
  return first[first.length >> 1] as number;
}

/** The whole privacy suite on one workspace, timed metric by metric. */
async function suite(): Promise<void> {
  const r = new Rng("bench-privacy");
  const train = makeTable(rows, r.fork("train"), "T");
  const holdout = makeTable(rows, r.fork("holdout"), "H");
  const synthetic = makeTable(rows, r.fork("synthetic"), "S");
  const ctx = { rng: new Rng("bench"), ciLevel: 0.95, resamples: 200 };
  const start = performance.now();
  const ws = new PrivacyWorkspace({ train, holdout, synthetic }, ctx);
  console.log(`privacy suite: train = holdout = synthetic = ${rows.toLocaleString("en-US")} rows (${ws.entityIndex.train.nEntities} patients), ${ws.columns.length} columns`);
  // A cheap stand-in generator for the shadow attack: resamples its training rows (a memorising generator).
  const generate = (t: Table, g: Rng) => takeRows(t, Int32Array.from({ length: t.nRows }, () => g.int(t.nRows)));
  const qi = { quasiIdentifiers: ["c0", "c1", "x0"], sensitive: ["c5", "x23"] };
  const steps: [string, () => Promise<MetricResult>][] = [
    ["exact-copy-rate", () => exactCopyRate(ws, ctx)],
    ["dcr-overfitting", () => dcrOverfitting(ws, ctx)],
    ["nndr", () => nearestNeighbourDistanceRatio(ws, ctx)],
    ["dcr-baseline", () => dcrBaseline(ws, ctx)],
    ["mia-ensemble (distance, DOMIAS, shadow ×4)", () => miaEnsemble(ws, ctx, { generate })],
    ["anonymeter-singling-out", () => anonymeterSinglingOut(ws, ctx)],
    ["anonymeter-linkability", () => anonymeterLinkability(ws, ctx)],
    ["anonymeter-inference (8 secrets)", () => anonymeterInference(ws, ctx)],
    ["k-anonymity", () => kAnonymity(ws, ctx, qi)],
    ["l-diversity", () => lDiversity(ws, ctx, qi)],
    ["t-closeness", () => tCloseness(ws, ctx, qi)],
  ];
  for (const [name, run] of steps) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const res = await run();
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `${name.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)` +
        `   value ${res.value.toFixed(3)} (${res.interpretation.verdict})`,
    );
  }
  console.log(`total ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
