// Load or refresh counties, municipalities and county offices:
//   npm run import:klass                      the bundled snapshot (src/db/reference)
//   npm run import:klass -- --dir /path/      Klass JSON files in a folder (same file names)
//   npm run import:klass -- --url https://data.ssb.no/api/klass/v1
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { osloToday, systemClock } from "../kernel/clock";
import {
  fetchKlass,
  importCountyOffices,
  importKlass,
  readCountyOfficesFile,
  readKlassSnapshot,
} from "../modules/organisations";
import { openDatabase } from "./client";

const { values } = parseArgs({ options: { dir: { type: "string" }, url: { type: "string" } } });
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await database.migrate();
  const url = values.url ?? config.klassUrl;
  const snapshot = url
    ? await fetchKlass(url, "2017-01-01", osloToday(systemClock.now()))
    : await readKlassSnapshot(
        values.dir ? pathToFileURL(`${values.dir.replace(/\/$/, "")}/`) : undefined,
      );
  const report = await importKlass(database.db, snapshot);
  const offices = await importCountyOffices(database.db, await readCountyOfficesFile());
  console.log(
    `imported ${report.counties} county periods, ${report.municipalities} municipality periods, ${report.changes} changes, ${offices} county offices`,
  );
} finally {
  await database.close();
}
