import { readFileSync } from "node:fs";

/**
 * The tool's version, read once from package.json so it is never out of step with the published package.
 * Works from the TypeScript sources (core/) and from the compiled build (dist/core/) alike.
 */
function readVersion(): string {
  for (const rel of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "dentsynth" && pkg.version) return pkg.version;
    } catch {
      // not at this depth; try the next
    }
  }
  return "0.0.0";
}

export const TOOL_NAME = "dentsynth";
export const TOOL_VERSION = readVersion();
