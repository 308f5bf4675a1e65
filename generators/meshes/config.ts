import { z } from "zod";
import { positiveIntegerSchema, seedSchema, shardSchema, workersSchema } from "../../core/config.js";
import { DEFAULT_PRESET } from "../patient/presets.js";
import { PRESET_NAMES } from "../records/config.js";

/** Bump whenever the meshes written for a fixed seed and config change. */
export const MESHES_GENERATOR_VERSION = "3";

export const MESH_FORMATS = ["ply", "stl", "obj", "glb"] as const;
export type MeshFormatName = (typeof MESH_FORMATS)[number];

/**
 * The config of `dentsynth generate meshes`. `teeth`: each jaw's layered teeth (outer, dentin, pulp) placed in
 * the arch; `arch`: each jaw's intraoral-scan-like surface (crowns + gingiva) with Teeth3DS labels.
 */
export const meshesConfigSchema = z
  .object({
    patients: positiveIntegerSchema()
      .describe("Number of virtual patients (over all shards); patient i is the same as in `generate records`."),
    seed: seedSchema,
    preset: z.enum(PRESET_NAMES).default(DEFAULT_PRESET).describe("Population preset the patients are drawn from."),
    kind: z.enum(["teeth", "arch"]).default("arch").describe("teeth: layered teeth per jaw; arch: intraoral scan surface per jaw with Teeth3DS labels."),
    formats: z.array(z.enum(MESH_FORMATS)).min(1).default(["ply"]).describe("Mesh file formats (binary PLY with labels, binary STL, OBJ, GLB)."),
    previews: z.boolean().default(false).describe("Also write a PNG thumbnail per jaw (rendered without a GPU)."),
    resolution: z.number().gt(0).max(4).default(1).describe("Mesh density multiplier (1: about 15k triangles per tooth)."),
    shard: shardSchema,
    workers: workersSchema,
  })
  .strict();

export type MeshesConfigInput = z.input<typeof meshesConfigSchema>;
export type MeshesConfig = z.output<typeof meshesConfigSchema>;
