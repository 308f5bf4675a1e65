import type { RunManifest } from "../core/manifest.js";

/** What a run wrote, for the terminal: one line per file, then where the manifest is. */
export function printRunSummary(manifest: RunManifest, outDir: string): void {
  const lines = [`Wrote ${outDir} in ${(manifest.timing.wallTimeMs / 1000).toFixed(1)} s:`];
  for (const f of manifest.files) {
    const rows = f.rows === undefined ? "" : `${f.rows.toLocaleString("en-US")} rows`;
    lines.push(`  ${f.path.padEnd(24)} ${rows.padStart(16)}  ${(f.bytes / 1024).toFixed(0).padStart(8)} KiB`);
  }
  lines.push(`  manifest.json (seed ${manifest.seed}, sha256 of every file)`);
  process.stdout.write(lines.join("\n") + "\n");
}
