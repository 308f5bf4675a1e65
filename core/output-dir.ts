import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError, messages } from "./errors.js";

/**
 * An output folder written atomically: everything goes to a hidden sibling folder, which is renamed into place
 * only when the run succeeds. A failed or interrupted run leaves no half-written output behind, and an existing
 * folder is never touched unless the user asked for --overwrite.
 */
export class StagedOutputDir {
  readonly target: string;
  readonly staging: string;
  private done = false;

  private constructor(target: string, staging: string) {
    this.target = target;
    this.staging = staging;
  }

  /**
   * Checks the target up front (so a bad folder fails before any work is done) and creates the staging folder.
   * Throws UsageError when the target is a file, or a non-empty folder without `overwrite`.
   */
  static open(target: string, options: { overwrite: boolean; optionName?: string }): StagedOutputDir {
    const abs = resolve(target);
    const path = options.optionName ?? "out";
    if (existsSync(abs)) {
      if (!statSync(abs).isDirectory()) throw new UsageError([{ path, message: messages.outputIsFile(target) }]);
      if (readdirSync(abs).length > 0 && !options.overwrite) {
        throw new UsageError([{ path, message: messages.outputNotEmpty(target) }], messages.outputNotEmptyHint);
      }
    }
    const parent = dirname(abs);
    mkdirSync(parent, { recursive: true });
    const staging = join(parent, `.${basename(abs)}.tmp-${process.pid}-${Date.now().toString(36)}`);
    mkdirSync(staging, { recursive: true });
    const dir = new StagedOutputDir(abs, staging);
    liveStagings.add(dir);
    return dir;
  }

  /** Path of a file inside the staging folder. */
  file(name: string): string {
    return join(this.staging, name);
  }

  /** Moves the finished output into place, replacing an existing target (checked in open()). */
  commit(): void {
    if (this.done) return;
    if (existsSync(this.target)) {
      const trash = `${this.staging}-old`;
      renameSync(this.target, trash);
      renameSync(this.staging, this.target);
      rmSync(trash, { recursive: true, force: true });
    } else {
      renameSync(this.staging, this.target);
    }
    this.done = true;
    liveStagings.delete(this);
  }

  /** Removes the staging folder; the target stays as it was. */
  abort(): void {
    if (this.done) return;
    rmSync(this.staging, { recursive: true, force: true });
    this.done = true;
    liveStagings.delete(this);
  }
}

const liveStagings = new Set<StagedOutputDir>();

/** Called by the CLI on SIGINT/SIGTERM and on uncaught errors, so no staging folder outlives the process. */
export function abortAllStagedOutputs(): void {
  for (const dir of [...liveStagings]) dir.abort();
}
