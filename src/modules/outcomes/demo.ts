import { readFile } from "node:fs/promises";
import type { Db } from "../../db/client";
import type { DemoSeed } from "../../kernel/manifest";
import { programmesOwnedBy } from "../programmes";
import { decodeUpload, importOutcomeFile } from "./import";
import { outcomeResults } from "./schema";

/** The bundled, invented extract (demo-data/README.md): IBS's municipalities and schools. */
export const DEMO_EXTRACT = new URL("demo-data/elevundersokelsen-demo.csv", import.meta.url);

/**
 * The demo's Elevundersøkelsen results, imported for Udir (IBS's owner) through the same
 * importer as an upload, after the cohorts' demo: the page shows estimates for cohorts 1 and 2
 * and says why cohort 3 has none yet.
 */
export const outcomesDemo: DemoSeed = {
  order: 92,
  async seeded(db) {
    const [row] = await db.select({ id: outcomeResults.id }).from(outcomeResults).limit(1);
    return row !== undefined;
  },
  async seed(db: Db, { today }) {
    const ibs = (await programmesOwnedBy(db, ["udir"])).find((p) =>
      p.slug.startsWith("inkluderende"),
    );
    if (!ibs) return;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(DEMO_EXTRACT));
    } catch {
      return; // scripts/outcome-demo-extract.ts writes it (from a demo without it).
    }
    const done = await importOutcomeFile(db, {
      owner: ibs.owner,
      programmeId: ibs.id,
      fileName: "elevundersokelsen-demo.csv",
      text: decodeUpload(bytes),
      personId: null,
      now: new Date(`${today}T08:00:00Z`),
    });
    if (!done.ok) throw new Error(`outcomes demo: ${JSON.stringify(done.problem)}`);
    if (done.summary.rejected > 0)
      throw new Error(`outcomes demo: ${done.summary.rejected} rows rejected`);
  },
};
