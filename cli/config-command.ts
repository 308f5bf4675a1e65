import { z } from "zod";
import type { CommandModule } from "yargs";
import { recordsConfigSchema } from "../generators/records/config.js";
import { meshesConfigSchema } from "../generators/meshes/config.js";
import { radiographsConfigSchema } from "../generators/radiographs/config.js";
import { fitConfigSchema, sampleConfigSchema } from "../generators/learned/config.js";
import { UsageError, messages } from "../core/errors.js";

/** Config schemas by run kind: what `dentsynth config --schema --kind K` prints. */
const SCHEMAS: Record<string, z.ZodType> = { records: recordsConfigSchema, meshes: meshesConfigSchema, radiographs: radiographsConfigSchema, fit: fitConfigSchema, sample: sampleConfigSchema };

export const configCommand: CommandModule<object, { schema: boolean; kind: string }> = {
  command: "config",
  describe: "Print the JSON Schema of a run config (for editors and validation of --config files)",
  builder: (y) =>
    y
      .option("schema", { type: "boolean", default: false, describe: "Print the JSON Schema" })
      .option("kind", { type: "string", default: "records", describe: `Config kind: ${Object.keys(SCHEMAS).join(", ")}` })
      .example("$0 config --schema > records.schema.json", "JSON Schema of `generate records` configs"),
  handler: (argv) => {
    const schema = SCHEMAS[argv.kind];
    if (!schema) throw new UsageError([{ path: "--kind", message: messages.invalidChoice(argv.kind, Object.keys(SCHEMAS)) }]);
    if (!argv.schema) throw new UsageError([{ path: "--schema", message: "nothing to do" }], "Pass --schema to print the JSON Schema.");
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
    process.stdout.write(JSON.stringify({ title: `dentsynth ${argv.kind} config`, ...json }, null, 2) + "\n");
  },
};
