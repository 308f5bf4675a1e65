import { writeFileSync } from "node:fs";
import { TOOL_NAME, TOOL_VERSION } from "./version.js";

/** One file the run wrote, as listed in manifest.json. */
export interface ManifestFile {
  /** Path relative to the output folder, with forward slashes. */
  path: string;
  /** What the file holds, e.g. "table:teeth", "data-dictionary". */
  role: string;
  format: string;
  bytes: number;
  sha256: string;
  rows?: number;
}

/**
 * The run manifest: everything needed to reproduce and verify an output folder. It is written last, so a folder
 * with a manifest is complete. `files` carry sha256 and row counts; wall time is recorded but is the only part
 * that differs between two runs of the same seed and config.
 */
export interface RunManifest {
  manifestVersion: 1;
  tool: { name: string; version: string };
  command: string;
  generator: { name: string; version: string };
  seed: string;
  config: unknown;
  shard: { index: number; count: number; firstRecord: number; endRecord: number };
  counts: Record<string, number>;
  files: ManifestFile[];
  /** tfjs backend that ran a neural model ("tensorflow", "wasm" or "cpu"), when one did. */
  backend?: string;
  environment: { node: string; platform: string; arch: string };
  timing: { startedAt: string; finishedAt: string; wallTimeMs: number };
}

export function buildManifest(fields: Omit<RunManifest, "manifestVersion" | "tool" | "environment">): RunManifest {
  return {
    manifestVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    ...fields,
    environment: { node: process.version, platform: process.platform, arch: process.arch },
  };
}

export function writeManifest(path: string, manifest: RunManifest): void {
  writeFileSync(path, JSON.stringify(manifest, null, 2) + "\n");
}
