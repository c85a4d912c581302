// Load or refresh kindergartens and schools from Udir's registers (NSR, NBR; API v4):
//   npm run import:registers -- --source nsr                        the whole register from NSR_URL
//   npm run import:registers -- --source nbr --url https://data-nbr.udir.no/v4
//   npm run import:registers -- --source nsr --kommune 3301         one municipality
//   npm run import:registers -- --source nsr --enhet 974589648      one unit's detail
//   npm run import:registers -- --source nsr --file enheter.json    a file (a page or pages)
//   add --dry-run to see what it would do without writing anything; a whole-register listing that
//   would close more than 5 % of the active units (and more than 10) stops unless
//   --confirm-closures is given.
// Prints what was added, changed, closed, unchanged, skipped and rejected (with reasons).
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import {
  importRegisterDetailFromUrl,
  importRegisterFile,
  importRegisterFromUrl,
  type RegisterImportReport,
} from "../modules/organisations";
import { openDatabase } from "./client";

const { values } = parseArgs({
  options: {
    source: { type: "string" },
    file: { type: "string" },
    url: { type: "string" },
    kommune: { type: "string" },
    enhet: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    "confirm-closures": { type: "boolean", default: false },
  },
});
const mode = values["dry-run"] ? ("preview" as const) : ("apply" as const);
const confirmMassClosure = values["confirm-closures"];
const source = values.source;
if (source !== "nsr" && source !== "nbr") {
  console.error("--source nsr|nbr is required");
  process.exit(2);
}
const config = loadConfig();
const url = values.url ?? config.registerUrls[source];
if (!values.file && !url) {
  console.error(`give --file or --url, or set ${source.toUpperCase()}_URL`);
  process.exit(2);
}
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await database.migrate();
  let report: RegisterImportReport;
  const opts = { mode, confirmMassClosure };
  if (values.file) report = await importRegisterFile(database.db, source, values.file, opts);
  else if (values.enhet)
    report = await importRegisterDetailFromUrl(database.db, source, url!, values.enhet, opts);
  else {
    report = await importRegisterFromUrl(database.db, source, url!, {
      ...opts,
      ...(values.kommune ? { municipality: values.kommune } : {}),
    });
  }
  const what = report.applied ? `run ${report.runId}` : "nothing written";
  console.log(
    `${what} (${source}, ${report.coverage}): ${report.added} added, ${report.changed} changed, ` +
      `${report.closed} closed, ${report.unchanged} unchanged, ${report.skipped} skipped, ${report.rejected} rejected`,
  );
  for (const note of report.notes) console.log(`note: ${note}`);
  for (const r of report.rejectedRows) {
    console.log(`row ${r.row} ${r.orgNumber ?? "-"} ${r.name ?? ""}: ${r.reason}: ${r.detail}`);
  }
  if (report.massClosure && !report.applied && mode === "apply") {
    console.error(
      `stopped: this would close ${report.massClosure.closing} of ${report.massClosure.active} active units; ` +
        "check the listing, or run again with --confirm-closures",
    );
    process.exitCode = 3;
  }
} finally {
  await database.close();
}
