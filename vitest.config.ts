import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["./tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker less than the cores: on two cores, one file at a time.
    // The browser journeys spend much of their time waiting on Chromium and the server, so
    // more workers keep both cores busy: unit files beside the journeys.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["src/**/*.test.ts", "src/**/*.test.tsx"] },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // One browser at a time on a two-core machine; unit files run beside it.
          fileParallelism: false,
          // The journeys share one worker, its imports (the whole app, Playwright) and its
          // Chromium (tests/support/journey.ts): each file would otherwise pay a fresh process,
          // about two seconds of imports and a browser launch. Every file starts its own server
          // over its own database copy, and every test has its own browser context.
          isolate: false,
          testTimeout: 90_000,
        },
      },
    ],
  },
});
