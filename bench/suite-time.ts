// The test suite's wall time, as the last timed run of the README's test command recorded it
// (scripts/record-suite-time.mjs, which .ci/run uses): measured there, never estimated here.
// The suite takes minutes, so the bench does not run it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bench, log, root } from "./lib";

type SuiteTime = {
  seconds: number;
  cpuSeconds?: number | null;
  total: number;
  passed: number;
  failed: number;
  pending: number;
  exitCode: number | null;
  postgres: boolean;
  cores: number;
  commit: string;
  finishedAt: string;
};

export function suiteTimeBenchmark() {
  const file = join(root, "test-results/suite-time.json");
  if (!existsSync(file)) {
    log("test-suite-seconds not measured: run .ci/run or `node scripts/record-suite-time.mjs`");
    return;
  }
  const t = JSON.parse(readFileSync(file, "utf8")) as SuiteTime;
  log(
    `test suite: npm test at ${t.commit}, finished ${t.finishedAt}, ${t.cores} cores, ` +
      `${t.postgres ? "PGlite and PostgreSQL" : "PGlite only"}: ${t.passed} passed, ` +
      `${t.failed} failed, ${t.pending} skipped of ${t.total} (exit ${t.exitCode}), ` +
      `${t.cpuSeconds ?? "?"} s of CPU (user + system)`,
  );
  if (t.exitCode !== 0 || t.failed > 0 || t.total === 0) {
    log("test-suite-seconds not printed: that run did not pass");
    return;
  }
  bench("test-suite-seconds", t.seconds.toFixed(0), "s", "<=", "300", `${t.total} tests`);
}
