import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * Writes the rows of the first `patients` patients of the bundled real Creighton table to `dir/NAME.csv` and
 * returns the path: a small real table for fit/sample tests (the bundled file is in the repo, with its licence).
 */
export function creightonSubset(dir: string, patients: number, name = "train"): string {
  const text = gunzipSync(readFileSync(new URL("../../samples/real/MST-Teeth-Creighton/Teeth.csv.gz", import.meta.url))).toString("utf8");
  const lines = text.split("\n").filter((l) => l.length > 0);
  const header = lines[0] as string;
  const idIndex = header.split(",").indexOf("id");
  const kept = new Set<string>();
  const out = [header];
  for (const line of lines.slice(1)) {
    const id = line.split(",")[idIndex] as string;
    if (!kept.has(id)) {
      if (kept.size >= patients) continue;
      kept.add(id);
    }
    out.push(line);
  }
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, out.join("\n") + "\n");
  return path;
}
