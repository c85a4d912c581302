import { defineConfig } from "vitest/config";
import InterleaveJourneys from "./tests/support/sequencer";

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
    // Journeys spread among the unit files, at most two at once (tests/support/journey.ts).
    sequence: { sequencer: InterleaveJourneys },
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
          // Not `fileParallelism: false`: Vitest 4 then runs the journeys in a group of their
          // own after the unit files, one at a time, which made them the suite's critical path
          // (1,288 s of 1,586 s in CI). They share the workers with the unit files instead, at
          // most two at once (browser slots, tests/support/journey.ts). As the unit files, one
          // module graph per worker: importing the app anew for each journey file cost 10–18 s
          // of CPU per file. The worker's Chromium is shared too (journey.ts).
          isolate: false,
          // Two journeys and a unit file share two cores: a journey test may take twice as long.
          testTimeout: 180_000,
        },
      },
    ],
  },
});
