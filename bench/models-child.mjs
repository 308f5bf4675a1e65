// One model measured in a fresh process: fit a linked records model on the first `rows` rows of the bundled real
// Creighton table (whole patients), then sample as many patients and time it; prints JSON.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { BUNDLED_CREIGHTON } from "../dist/core/package-root.js";
import { fitRecords } from "../dist/generators/learned/fit-records.js";
import { sampleRecords } from "../dist/generators/learned/sample-records.js";

const [kind, rowsArg, workersArg, epochsArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 50000);
const workers = Number(workersArg ?? 1);
const scratch = mkdtempSync(join(tmpdir(), "dentsynth-bench-models-"));
try {
  // Whole patients up to `rows` rows (the table is grouped by patient id).
  const lines = gunzipSync(readFileSync(BUNDLED_CREIGHTON)).toString("utf8").split("\n").filter((l) => l);
  const idIndex = lines[0].split(",").indexOf("id");
  const kept = [lines[0]];
  let last = null;
  for (const line of lines.slice(1)) {
    const id = line.split(",")[idIndex];
    if (kept.length - 1 >= rows && id !== last) break;
    kept.push(line);
    last = id;
  }
  const train = join(scratch, "train.csv");
  writeFileSync(train, kept.join("\n") + "\n");
  const config = { real: train, model: kind, seed: "bench", workers, ...(epochsArg ? { epochs: Number(epochsArg) } : {}) };
  const t0 = performance.now();
  const { file } = await fitRecords(config, join(scratch, "model"));
  const t1 = performance.now();
  const manifest = await sampleRecords({ model: join(scratch, "model"), n: file.trainingData.patients ?? file.trainingData.rows, seed: "bench", workers }, join(scratch, "syn"));
  const t2 = performance.now();
  process.stdout.write(
    JSON.stringify({
      kind,
      rows: file.trainingData.rows,
      patients: file.trainingData.patients,
      backend: file.backend,
      fitSeconds: (t1 - t0) / 1000,
      sampleSeconds: (t2 - t1) / 1000,
      sampledRows: manifest.counts.rows,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }) + "\n",
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(0);
