import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect } from "vitest";

/**
 * What each test file costs: the CPU seconds of its worker (user + system, so the in-process
 * PGlite counts, Chromium and PostgreSQL do not) and its wall seconds, one line per file in
 * test-results/file-cost.tsv, its imports included. On a busy machine wall time says little; CPU time says where the
 * suite's time goes (issue 9: measure, don't guess).
 */
// Counted from here, before the test file's own imports are evaluated (they are part of its cost).
const cpu = process.cpuUsage();
const wall = performance.now();
const file = (expect.getState().testPath ?? "unknown").replace(`${process.cwd()}/`, "");

afterAll(() => {
  const used = process.cpuUsage(cpu);
  const dir = join(process.cwd(), "test-results");
  mkdirSync(dir, { recursive: true });
  const seconds = (n: number) => n.toFixed(1);
  appendFileSync(
    join(dir, "file-cost.tsv"),
    `${seconds((used.user + used.system) / 1e6)}\t${seconds((performance.now() - wall) / 1000)}\t${file}\n`,
  );
});
