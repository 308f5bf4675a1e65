import { UsageError } from "../../core/errors.js";
import { describe, expect, it } from "vitest";
import { orderedParallelMap } from "../../core/worker-pool.js";

const moduleUrl = new URL("../fixtures/square-worker.ts", import.meta.url);

describe("orderedParallelMap", () => {
  it("hands results over in task order whatever order workers finish in", async () => {
    const tasks = Array.from({ length: 24 }, (_, i) => i);
    const seen: [number, number][] = [];
    await orderedParallelMap<number, number>({
      moduleUrl,
      init: { delayMs: 3 },
      workers: 3,
      tasks,
      onResult: (result, index) => seen.push([index, result]),
    });
    expect(seen).toEqual(tasks.map((t) => [t, t * t]));
  });

  it("rejects with the worker's error and stops", async () => {
    await expect(
      orderedParallelMap<number, number>({ moduleUrl, init: { delayMs: 0 }, workers: 2, tasks: [1, 2, -1, 4], onResult: () => {} }),
    ).rejects.toThrow("task -1 failed on purpose");
  });

  it("keeps a worker's UsageError a UsageError, with its problems and hint (exit 2, not a bug report)", async () => {
    const error = await orderedParallelMap<number, number>({ moduleUrl, init: { delayMs: 0 }, workers: 2, tasks: [1, -2], onResult: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).problems).toEqual([{ path: "n", message: "must not be -2" }]);
    expect((error as UsageError).hint).toBe("Pick another number.");
    expect((error as UsageError).exitCode).toBe(2);
  });

  it("resolves at once with no tasks", async () => {
    await expect(orderedParallelMap({ moduleUrl, init: {}, workers: 2, tasks: [], onResult: () => {} })).resolves.toBeUndefined();
  });
});
