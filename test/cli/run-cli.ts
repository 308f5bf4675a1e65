import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/dentsynth.js", import.meta.url));

/**
 * Runs the built command line (`npm test` builds first) the way a user does, and returns its exit code and
 * output. Tests of the CLI go through the real binary so that argument parsing, exit codes and messages are
 * what users get.
 */
export function runCli(args: string[], options: { cwd?: string } = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: options.cwd, env: { ...process.env, DENTSYNTH_DEBUG: "" } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
