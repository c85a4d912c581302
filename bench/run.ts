// `npm run bench`: every benchmark, one `BENCH <name> <value> <unit> target <op> <value>` line
// per figure; everything else printed starts with "#". Servers run as child processes on
// 127.0.0.1 on fresh temp data dirs and are stopped on every way out.
import { childGuardBenchmark } from "./child-guard";
import { failoverBenchmark, twoInstancesBenchmark } from "./cluster";
import { cohortOverviewBenchmark } from "./cohort-overview";
import { deadlineRushBenchmark } from "./deadline-rush";
import { feedbackBenchmark } from "./feedback";
import { fuzzBenchmark } from "./fuzz";
import { grantLedgerBenchmark } from "./grant-ledger";
import { insightNationalBenchmark } from "./insight-national";
import { type ChildServer, log, removeTempDirs, startApp, tempDir } from "./lib";
import { newsletterBenchmark } from "./newsletter-10k";
import { nsrImportBenchmark } from "./nsr-import";
import { orgSearchBenchmark } from "./org-search";
import { outcomeImportBenchmark } from "./outcome-import";
import { pageWeightBenchmark } from "./page-weight";
import { progressOverviewBenchmark } from "./progress-overview";
import { publicPageBenchmark } from "./public-page";
import { registrationRushBenchmark } from "./registration-rush";
import { restoreBenchmark } from "./restore";
import { startUpBenchmark } from "./start-up";
import { suiteTimeBenchmark } from "./suite-time";

const started = performance.now();
let failed = false;

async function step(name: string, fn: () => Promise<unknown>) {
  const t0 = performance.now();
  try {
    await fn();
  } catch (error) {
    failed = true;
    console.error(`# ${name} FAILED: ${(error as Error).stack ?? error}`);
  }
  log(`${name}: ${((performance.now() - t0) / 1000).toFixed(1)}s`);
}

try {
  // First, while nothing else of the bench runs.
  await step("start-up", () => startUpBenchmark());
  let app: ChildServer | undefined;
  try {
    await step("start app", async () => {
      app = await startApp({
        name: "app (public page)",
        dataDir: tempDir("page"),
        env: { PAGE_CACHE_SECONDS: "5" }, // the production default, set so it is explicit
      });
    });
    if (app) {
      const server = app;
      await step("public-page-vs-bare-node", () => publicPageBenchmark(server, tempDir("bare")));
      await step("programme-page-bytes", () => pageWeightBenchmark(server.origin));
    }
  } finally {
    await app?.stop();
  }
  await step("feedback-post-p95", () => feedbackBenchmark(tempDir("feedback")));
  await step("child-guard", () => childGuardBenchmark());
  await step("org-search-p95", () => orgSearchBenchmark());
  await step("cohort-overview-p95", () => cohortOverviewBenchmark());
  await step("grant-ledger", () => grantLedgerBenchmark());
  await step("progress-overview-p95", () => progressOverviewBenchmark());
  await step("outcome-import-100k", () => outcomeImportBenchmark());
  await step("insight-national-p95", () => insightNationalBenchmark());
  await step("deadline-rush", () => deadlineRushBenchmark());
  await step("registration-rush", () => registrationRushBenchmark());
  await step("restore-mismatch", () => restoreBenchmark());
  await step("two-instances-vs-one", () => twoInstancesBenchmark());
  await step("failover", () => failoverBenchmark());
  await step("fuzz-5xx", () => fuzzBenchmark());
  await step("nsr-import-18k", () => nsrImportBenchmark(tempDir("nsr")));
  await step("newsletter-10k", () => newsletterBenchmark(tempDir("newsletter")));
  await step("test-suite-seconds", async () => suiteTimeBenchmark());
} finally {
  removeTempDirs();
  log(`total ${((performance.now() - started) / 1000).toFixed(1)}s`);
}
process.exit(failed ? 1 : 0);
