export {
  type BounceListener,
  parseDsn,
  recordBounce,
  startBounceListener,
} from "./bounces";
export {
  type Audiences,
  audiencePreview,
  progressOf,
  queueTest,
  requestSend,
  type SegmentResolver,
  startSending,
} from "./sending";
export {
  bounceCounts,
  checkContent,
  createDraft,
  getMailing,
  mailingsOf,
  sentNewsletters,
  updateDraft,
} from "./service";

// ── Manifest: what the app needs of this module (see kernel/manifest.ts). ──
import type { ModuleManifest } from "../../kernel/manifest";
import { mailingsDemo } from "./demo";
import { newsletterAdminRoutes, newsletterArchiveRoutes } from "./routes";
import * as manifestSchema from "./schema";
import { mailingJobHandlers, queueScheduledStarts } from "./sending";
import { sentNewsletters as manifestSent } from "./service";
import { mailingTexts } from "./texts";
import { ArchiveSection } from "./views";

export const manifest: ModuleManifest = {
  name: "mailings",
  schema: manifestSchema,
  publicRoutes: [() => newsletterArchiveRoutes()],
  signedInRoutes: [() => newsletterAdminRoutes()],
  workAreas: ["/admin/nyhetsbrev"],
  nav: [
    {
      position: 42,
      path: "/admin/nyhetsbrev",
      label: (lang) => mailingTexts(lang).nav,
      permission: "send:newsletter:",
    },
  ],
  jobHandlers: (context) => mailingJobHandlers(context),
  housekeeping: [
    {
      name: "scheduled mailings",
      everyMinutes: 5,
      async run(db) {
        const n = await queueScheduledStarts(db);
        return n > 0 ? `${n} scheduled mailings queued` : null;
      },
    },
  ],
  demo: mailingsDemo,
  programmeSections: [
    {
      // The programme's sent newsletters, after its cohorts and before the contact section.
      position: 80,
      async render(db, programme, lang) {
        const sent = await manifestSent(db, programme.id);
        return sent.length === 0 ? null : ArchiveSection({ lang, mailings: sent });
      },
    },
  ],
};
