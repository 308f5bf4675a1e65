import cliProgress from "cli-progress";

/**
 * Progress for long runs: a bar when stderr is a terminal, plain lines otherwise (CI logs, pipes), at most one
 * line per 10 % or per 5 seconds. Always on stderr, so stdout stays clean for piping.
 */
export function progressReporter(label: string, total: number): { update(done: number): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let lastDecile = -1;
  let lastTime = Date.now();
  return {
    update(done) {
      const decile = Math.floor((done / total) * 10);
      const now = Date.now();
      if (decile > lastDecile || now - lastTime > 5000 || done === total) {
        lastDecile = decile;
        lastTime = now;
        process.stderr.write(`${label}: ${done}/${total} (${Math.floor((done / total) * 100)}%)\n`);
      }
    },
    stop() {},
  };
}

/**
 * The `onProgress` option of a long library call, wired to a lazily started reporter (none when quiet), and
 * `stop` to call when the run ends.
 */
export function progressOption(label: string, quiet: boolean): { options: { onProgress?: (done: number, total: number) => void }; stop(): void } {
  let bar: ReturnType<typeof progressReporter> | undefined;
  if (quiet) return { options: {}, stop: () => {} };
  return {
    options: {
      onProgress: (done, total) => {
        bar ??= progressReporter(label, total);
        bar.update(done);
      },
    },
    stop: () => bar?.stop(),
  };
}
