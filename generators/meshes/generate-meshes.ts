import { parseConfig } from "../../core/config.js";
import type { RunManifest } from "../../core/manifest.js";
import { runPerPatient, type PerPatientRunOptions } from "../../core/per-patient-run.js";
import { MESHES_GENERATOR_VERSION, meshesConfigSchema, type MeshesConfig, type MeshesConfigInput } from "./config.js";
import { encodePatientMeshes } from "./encode-patient-meshes.js";

export type GenerateMeshesOptions = PerPatientRunOptions;

/**
 * Generates mesh files for a config into `outDir` (staged, renamed into place at the end) and returns the
 * manifest. Patient i's files depend only on (seed, preset, kind, resolution, i): the same bytes whatever the
 * worker count or shard split, and the same patient as in the records.
 *
 * @example
 * await generateMeshes({ patients: 2, kind: "arch", formats: ["ply", "obj"] }, "out/scans");
 */
export async function generateMeshes(input: MeshesConfigInput, outDir: string, options: GenerateMeshesOptions = {}): Promise<RunManifest> {
  const config: MeshesConfig = parseConfig(meshesConfigSchema, input);
  return runPerPatient({
    config,
    outDir,
    generator: { name: "meshes", version: MESHES_GENERATOR_VERSION },
    encode: async (c, index) => ({ files: await encodePatientMeshes(c, index) }),
    workerModule: new URL(`./meshes-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url),
    options: { command: "generate meshes", ...options },
  });
}
