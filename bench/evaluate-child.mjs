// One measured evaluation in a fresh process: three generated Creighton-shaped tables of about `rows` rows each
// (train, holdout and synthetic from different seeds), evaluated with every metric; prints wall time, peak RSS
// and the per-step times.
import { buildTable } from "../dist/evaluation/data/build-table.js";
import { inferSchema } from "../dist/evaluation/data/infer-schema.js";
import { generatedCreightonTable } from "../dist/evaluation/reports/default-inputs.js";
import { evaluateRecords } from "../dist/evaluation/reports/evaluate-records.js";

const rows = Number(process.argv[2] ?? 100000);
const mlp = process.argv[3] !== "no-mlp";
// "all": the 56 Creighton columns; "30": the target shape (~30 columns): the 21 tooth-level measures,
// molar, tooth, event, time, the patient id and four patient attributes.
const shape = process.argv[4] ?? "all";
const SPEC_COLUMNS = new Set(["molar", "id", "tooth", "event", "time", "x48_baseline_age", "x49_gender", "x50_diabetes", "x51_tobacco_ever"]);
const keep = (name) => shape === "all" || SPEC_COLUMNS.has(name) || /^x([1-9]|1[0-9]|2[01])_/.test(name);
const select = (raw) => ({ ...raw, columns: raw.columns.filter((c) => keep(c.name)) });
// About 12 Creighton rows per patient (docs/patient-model.md).
const patients = Math.round(rows / 12);
const t0 = performance.now();
const [train, holdout, synthetic] = ["train", "holdout", "synthetic"].map((s) => select(generatedCreightonTable(patients, `bench-${s}`)));
const schema = inferSchema(train);
const loaded = { train: buildTable(train, schema), holdout: buildTable(holdout, schema), synthetic: buildTable(synthetic, schema) };
const t1 = performance.now();
const report = await evaluateRecords(loaded, { seed: "bench", mlp, sources: { train: "bench", holdout: "bench", synthetic: "bench" }, command: "bench" });
const t2 = performance.now();
process.stdout.write(
  JSON.stringify({
    rows: loaded.train.table.nRows,
    columns: loaded.train.table.columns.length,
    prepareSeconds: (t1 - t0) / 1000,
    evaluateSeconds: (t2 - t1) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    steps: report.info.steps,
  }) + "\n",
);
process.exit(0);
