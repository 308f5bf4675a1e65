import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder holding dentsynth's package.json, found by walking up from this file: the same answer from the
 * TypeScript sources (core/) and from the build (dist/core/), and from an installed copy in node_modules.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, "utf8")) as { name?: string }).name === "dentsynth") return dir;
      } catch {
        // unreadable package.json: keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("dentsynth package.json not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export const PACKAGE_ROOT = findRoot();

/** The bundled real reference: the Creighton clinic table (GPL-2, see its NOTICE.md). */
export const BUNDLED_CREIGHTON = join(PACKAGE_ROOT, "samples", "real", "MST-Teeth-Creighton", "Teeth.csv.gz");
