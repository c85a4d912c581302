// The README's test command (`npm test`), timed: runs it with the arguments given, then writes
// its wall time and test counts to test-results/suite-time.json, where `npm run bench` reads
// them (the bench does not run the suite itself: it takes minutes). .ci/run uses this.
// Exits with npm test's own exit code.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";

const report = "test-results/vitest.json";
const args = [
  "test",
  "--",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${report}`,
  ...process.argv.slice(2),
];
/** CPU seconds (user + system) of this process's waited-for children, from /proc (Linux). */
function childCpuSeconds() {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    // cutime and cstime are fields 16 and 17 of stat(5), in clock ticks (100 a second).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

// Each test file's CPU and wall seconds (tests/support/file-cost.ts), for this run only.
const fileCost = "test-results/file-cost.tsv";
rmSync(fileCost, { force: true });

const t0 = performance.now();
const run = spawnSync("npm", args, { stdio: "inherit" });
const seconds = (performance.now() - t0) / 1000;
const cpuSeconds = childCpuSeconds();

let counts = { total: 0, passed: 0, failed: 0, pending: 0 };
try {
  const r = JSON.parse(readFileSync(report, "utf8"));
  counts = {
    total: r.numTotalTests,
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    pending: r.numPendingTests,
  };
} catch {
  // no report: the run stopped before the tests (build, typecheck or lint failed)
}
let commit = "unknown";
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"]).toString().trim();
} catch {
  // not a git checkout
}
mkdirSync("test-results", { recursive: true });
writeFileSync(
  "test-results/suite-time.json",
  JSON.stringify(
    {
      seconds: Number(seconds.toFixed(1)),
      cpuSeconds,
      ...counts,
      exitCode: run.status,
      postgres: Boolean(process.env.TEST_DATABASE_URL),
      cores: cpus().length,
      commit,
      finishedAt: new Date().toISOString(),
    },
    null,
    2,
  ),
);
try {
  const files = readFileSync(fileCost, "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split("\t"))
    .map(([cpu, wall, file]) => ({ cpu: Number(cpu), wall: Number(wall), file }));
  const sum = (list) => list.reduce((s, f) => s + f.cpu, 0).toFixed(0);
  const journeys = files.filter((f) => f.file.startsWith("tests/e2e/"));
  console.log(
    `test files' worker CPU: ${sum(files)} s in all, ${sum(journeys)} s in ${journeys.length} journeys; the costliest:`,
  );
  for (const f of files.sort((a, b) => b.cpu - a.cpu).slice(0, 15)) {
    console.log(`  ${f.cpu.toFixed(1)} s CPU, ${f.wall.toFixed(1)} s wall  ${f.file}`);
  }
} catch {
  // no file ran
}
console.log(
  `npm test: ${seconds.toFixed(1)} s, ${cpuSeconds ?? "?"} CPU s, ` +
    `${counts.passed} passed, ${counts.failed} failed`,
);
process.exit(run.status ?? 1);
