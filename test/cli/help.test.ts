import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

describe("help and version", () => {
  it("prints the package version", () => {
    const r = runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("lists the commands", () => {
    const r = runCli(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["demo", "generate", "split", "evaluate", "fit", "sample", "config"]) expect(r.stdout).toContain(`dentsynth ${c}`);
  });

  it.each([["demo"], ["generate"], ["generate", "records"], ["generate", "meshes"], ["split"], ["evaluate"], ["evaluate", "records"], ["fit"], ["fit", "records"], ["sample"], ["config"]])("gives help with examples for %s", (...cmd) => {
    const r = runCli([...cmd, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Examples:");
  });

  it("prints the JSON Schema of the records config", () => {
    const r = runCli(["config", "--schema"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { properties: Record<string, { description?: string }>; required?: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["patients", "seed", "preset", "format", "shard", "workers"]));
    expect(schema.required).toEqual(["patients"]);
    expect(schema.properties.patients?.description).toMatch(/patients/);
  });

  it("prints the JSON Schema of the fit and sample configs", () => {
    const fit = JSON.parse(runCli(["config", "--schema", "--kind", "fit"]).stdout) as { properties: Record<string, unknown>; required?: string[] };
    expect(Object.keys(fit.properties)).toEqual(expect.arrayContaining(["real", "model", "epsilon", "delta", "epochs", "entity", "key", "hyperparameters"]));
    expect(fit.required).toEqual(["real", "model"]);
    const sample = JSON.parse(runCli(["config", "--schema", "--kind", "sample"]).stdout) as { required?: string[] };
    expect(sample.required).toEqual(["model", "n"]);
  });
});
