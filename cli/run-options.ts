import { DEFAULT_SEED } from "../core/config.js";
import { DEFAULT_PRESET, PRESETS } from "../generators/patient/presets.js";

/**
 * The yargs definitions of the options every run command shares (generate records, generate meshes, fit, sample),
 * so their aliases, types and wording stay the same everywhere. Commands pass their own text where it differs.
 */
export const patientsOption = { alias: "n", type: "number", describe: "Number of patients (over all shards)" } as const;

export const presetOption = { alias: "p", type: "string", describe: `Population preset: ${Object.keys(PRESETS).join(", ")} (default ${DEFAULT_PRESET})` } as const;

export const seedOption = { alias: "s", type: "string", describe: `Master seed (default ${DEFAULT_SEED})` } as const;

export const shardOption = (describe = "Write only shard i of n, as i/n (e.g. 0/4)") => ({ type: "string", describe }) as const;

export const workersOption = (describe = "Worker threads (output does not depend on it)") => ({ alias: "w", type: "number", describe }) as const;

export const outOption = (describe = "Output folder (must be new or empty)") => ({ alias: "o", type: "string", demandOption: true, describe }) as const;

export const overwriteOption = { type: "boolean", default: false, describe: "Replace a non-empty output folder" } as const;

export const configOption = (describe = "JSON config file; flags override its keys") => ({ alias: "c", type: "string", describe }) as const;

export const quietOption = (describe = "No progress or summary output") => ({ alias: "q", type: "boolean", default: false, describe }) as const;
