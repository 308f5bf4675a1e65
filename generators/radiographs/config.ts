import { z } from "zod";
import { positiveIntegerSchema, seedSchema, shardSchema, workersSchema } from "../../core/config.js";
import { DEFAULT_PRESET } from "../patient/presets.js";
import { PRESET_NAMES } from "../records/config.js";

/** Bump whenever the images or annotations written for a fixed seed and config change. */
export const RADIOGRAPHS_GENERATOR_VERSION = "2";

export const RADIOGRAPH_VIEWS = ["bitewing", "periapical"] as const;
export type RadiographView = (typeof RADIOGRAPH_VIEWS)[number];

/** Image size limits: the sensor's own pixel counts reach ~1700×2400 (dental-domain.md 2.1) [U]; 4096 leaves room. */
const MIN_SIDE = 64;
const MAX_SIDE = 4096;

export interface ImageSize {
  width: number;
  height: number;
}

/** "WxH" (e.g. "1024x768") or {width, height}. */
const sizeSchema = z
  .union([z.string(), z.object({ width: z.number().int(), height: z.number().int() }).strict()])
  .transform((v, ctx): ImageSize => {
    const m = typeof v === "string" ? /^\s*(\d+)\s*[xX×]\s*(\d+)\s*$/.exec(v) : null;
    const size = typeof v === "string" ? (m ? { width: Number(m[1]), height: Number(m[2]) } : null) : v;
    if (!size) {
      ctx.addIssue({ code: "custom", message: `"${String(v)}" is not an image size; write WIDTHxHEIGHT in pixels, e.g. 1024x768` });
      return z.NEVER;
    }
    for (const side of ["width", "height"] as const) {
      if (!(size[side] >= MIN_SIDE && size[side] <= MAX_SIDE)) {
        ctx.addIssue({ code: "custom", message: `image ${side} ${size[side]} is out of range; use ${MIN_SIDE} to ${MAX_SIDE} pixels` });
        return z.NEVER;
      }
    }
    return size;
  });

/**
 * The config of `dentsynth generate radiographs`: bitewing and periapical radiographs of the virtual patients,
 * rendered from their layered teeth, with COCO / YOLO / mask annotations and optional DICOM.
 */
export const radiographsConfigSchema = z
  .object({
    patients: positiveIntegerSchema().describe("Number of virtual patients (over all shards); patient i is the same as in `generate records`."),
    seed: seedSchema,
    preset: z.enum(PRESET_NAMES).default(DEFAULT_PRESET).describe("Population preset the patients are drawn from."),
    views: z
      .array(z.enum(RADIOGRAPH_VIEWS))
      .min(1)
      .default(["bitewing", "periapical"])
      .describe("Views to render: bitewing (left and right posterior pair) and periapical."),
    periapicals: z
      .number()
      .int()
      .min(1)
      .max(14)
      .default(2)
      .describe("Periapical images per patient (regions of a full-mouth series, preferring teeth with findings)."),
    size: sizeSchema.default({ width: 1024, height: 768 }).describe("Image size WIDTHxHEIGHT in pixels (the sensor's area is fixed; pixel size follows)."),
    dicom: z.boolean().default(false).describe("Also write each image as a DICOM Digital Intra-Oral X-Ray object."),
    png8: z.boolean().default(false).describe("Also write an 8-bit windowed PNG per image (what public datasets ship)."),
    previews: z.boolean().default(false).describe("Also write an RGB preview per image with its annotations drawn over it."),
    edgeEnhancement: z
      .boolean()
      .default(true)
      .describe("Apply the vendor-style unsharp mask most sensors apply (it creates Mach-band look-alikes)."),
    resolution: z.number().gt(0.2).max(4).default(1).describe("Tooth mesh density multiplier (as in `generate meshes`)."),
    shard: shardSchema,
    workers: workersSchema,
  })
  .strict();

export type RadiographsConfigInput = z.input<typeof radiographsConfigSchema>;
export type RadiographsConfig = z.output<typeof radiographsConfigSchema>;
