import { count } from "drizzle-orm";
import type { DemoSeed } from "../../kernel/manifest";
import { fubTexts, ibsTexts } from "./demo-content";
import { demoDocumentPdf, fubDescription, ibsLetter } from "./demo-documents";
import { seedProgrammeDocument } from "./documents";
import { programmes } from "./schema";
import { createProgramme } from "./service";

/**
 * The demo's two programmes: IBS, run in cohorts (the cohorts' demo finds it by its slug), and
 * FUB's, by application, each with the document its page links to. The demo is loaded when a
 * programme exists: a database with programmes of its own gets no demo data.
 */
export const programmesDemo: DemoSeed = {
  order: 20,
  async seeded(db) {
    const [row] = await db.select({ n: count() }).from(programmes);
    return Number(row?.n) > 0;
  },
  async seed(db, { files }) {
    const ibs = await createProgramme(
      db,
      {
        slug: "inkluderende-barnehage-og-skolemiljo",
        owner: "udir",
        model: "cohorts",
        startedOn: "2017-01-01",
        durationMinMonths: 24,
        durationMaxMonths: 24,
        deliveryMode: "mixed",
        contactName: "IBS-teamet i Utdanningsdirektoratet",
        contactPhone: "23 30 12 00",
        contactEmail: "ibs@udir.samspill.example",
        publishedAt: new Date("2016-11-01T09:00:00Z"),
        sortOrder: 1,
      },
      ibsTexts,
    );
    const fub = await createProgramme(
      db,
      {
        slug: "bedre-foreldresamarbeid",
        owner: "fub",
        model: "application",
        startedOn: null,
        durationMinMonths: 12,
        durationMaxMonths: 24,
        deliveryMode: "mostly-digital",
        contactName: "Kompetanseteamet i FUB/FUG",
        contactPhone: "477 99 200",
        contactEmail: "kompetanse@fub.samspill.example",
        publishedAt: new Date("2020-08-01T09:00:00Z"),
        sortOrder: 2,
      },
      fubTexts,
    );
    // The documents the seed's pages point to, published with the pages.
    for (const [programmeId, doc, at] of [
      [ibs, ibsLetter, "2016-11-01T09:00:00Z"],
      [fub, fubDescription, "2020-08-01T09:00:00Z"],
    ] as const) {
      const bytes = await demoDocumentPdf(doc);
      await seedProgrammeDocument(
        db,
        files,
        { programmeId, titles: doc.titles, fileName: doc.fileName, bytes },
        new Date(at),
      );
    }
  },
};
