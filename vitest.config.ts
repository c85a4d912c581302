import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["./tests/support/global-setup.ts"],
    // Each file's CPU and wall seconds in test-results/file-cost.tsv (see the file).
    setupFiles: ["./tests/support/file-cost.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker less than the cores: on two cores, one file at a time.
    // The browser journeys spend much of their time waiting on Chromium and the server, so
    // more workers keep both cores busy: unit files beside the journeys.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
          // One module graph per worker, not per file: each file still makes its own database
          // and app, but the app's modules are loaded once per worker; this halves the unit
          // files' CPU time (measured: 515 s → 256 s of user+sys for 840 tests).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // One browser at a time on a two-core machine; unit files run beside it.
          fileParallelism: false,
          // Not `isolate: false` (one worker and one Chromium for every journey file): Vitest 4
          // then needs the journeys in a sequence group of their own, after the unit files
          // rather than beside them, which costs more than the launches it saves.
          testTimeout: 90_000,
        },
      },
    ],
  },
});
