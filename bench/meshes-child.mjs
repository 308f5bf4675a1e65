// One measured mesh run in a fresh process: `patients` patients of a kind at a worker count; prints JSON.
import { rmSync } from "node:fs";
import { generateMeshes } from "../dist/generators/meshes/generate-meshes.js";

const [patients, workers, kind, out] = process.argv.slice(2);
const t0 = performance.now();
const manifest = await generateMeshes({ patients: Number(patients), workers: Number(workers), kind, formats: ["ply"], seed: "bench" }, out);
const seconds = (performance.now() - t0) / 1000;
rmSync(out, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ seconds, files: manifest.files.length, bytes: manifest.files.reduce((s, f) => s + f.bytes, 0), maxRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
process.exit(0);
