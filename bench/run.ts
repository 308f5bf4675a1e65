/**
 * `npm run bench`: speed and memory figures (never asserted in tests; the targets are printed beside them).
 * Each case runs in a fresh Node process so its peak RSS is its own.
 *
 * Usage: npm run bench [-- records [--patients N] [--formats csv,parquet] [--workers 1,2]]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};

function benchRecords(): void {
  const patients = Number(flag("patients", "100000"));
  const formats = flag("formats", "csv,parquet").split(",");
  const workerCounts = flag("workers", "1,2").split(",").map(Number);
  const child = fileURLToPath(new URL("./records-child.mjs", import.meta.url));
  const scratch = mkdtempSync(join(tmpdir(), "dentsynth-bench-"));
  console.log(`records: ${patients.toLocaleString("en-US")} patients (target: 1,000,000 patients under 512 MB peak RSS)`);
  console.log("format   workers   seconds   patients/s   peak RSS MB   output MB");
  try {
    for (const format of formats) {
      for (const workers of workerCounts) {
        const out = join(scratch, `${format}-${workers}`);
        const line = execFileSync(process.execPath, [child, String(patients), String(workers), format, out], { encoding: "utf8" });
        const r = JSON.parse(line) as { seconds: number; maxRssMb: number; bytes: number };
        console.log(
          `${format.padEnd(8)} ${String(workers).padStart(7)} ${r.seconds.toFixed(1).padStart(9)} ${Math.round(patients / r.seconds)
            .toLocaleString("en-US")
            .padStart(12)} ${r.maxRssMb.toFixed(0).padStart(13)} ${(r.bytes / 1e6).toFixed(0).padStart(11)}`,
        );
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const suites: Record<string, () => void> = { records: benchRecords };
const chosen = args[0] && !args[0].startsWith("--") ? [args[0]] : Object.keys(suites);
for (const name of chosen) {
  const suite = suites[name];
  if (!suite) {
    console.error(`unknown bench suite ${name}; valid suites are ${Object.keys(suites).join(", ")}`);
    process.exit(2);
  }
  suite();
}
