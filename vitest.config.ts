import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generation and evaluation tests run real workloads (10,000 patients, worker threads, CLI processes).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { TZ: "UTC", LANG: "C" },
  },
});
