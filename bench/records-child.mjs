// One measured generation run in a fresh process (so peak RSS is this run's alone): imports the compiled
// library, generates, and prints wall time and peak RSS (worker threads included: they share the process).
import { rmSync } from "node:fs";
import { generateRecords } from "../dist/index.js";

const [patients, workers, format, out] = process.argv.slice(2);
const started = performance.now();
const manifest = await generateRecords(
  { patients: Number(patients), workers: Number(workers), format, seed: "bench" },
  out,
  { overwrite: true },
);
const seconds = (performance.now() - started) / 1000;
const bytes = manifest.files.reduce((a, f) => a + f.bytes, 0);
rmSync(out, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes, counts: manifest.counts }) + "\n");
