import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "scripts/**/*.test.ts"],
    // Some tests run the ingester on whole doc sets or start a local server.
    testTimeout: 30_000,
    // Child processes (forks) isolate tests that start servers or change process state;
    // two workers match the two cores CI has.
    pool: "forks",
    maxWorkers: 2,
  },
});
