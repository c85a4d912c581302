export {
  type BounceListener,
  parseDsn,
  recordBounce,
  startBounceListener,
} from "./bounces";
export { checkMessage, messagesBy, writeMessage } from "./messages";
export {
  type MessageAudience,
  messageAudiences,
  reachSegment,
  type Segment,
  segmentPreview,
} from "./segments";
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
import { messageRoutes } from "./message-routes";
import { newsletterAdminRoutes, newsletterArchiveRoutes } from "./routes";
import * as manifestSchema from "./schema";
import { messageAudiences as manifestAudiences } from "./segments";
import { mailingJobHandlers, queueScheduledStarts } from "./sending";
import { sentNewsletters as manifestSent } from "./service";
import { mailingTexts, messageTexts } from "./texts";
import { ArchiveSection } from "./views";

export const manifest: ModuleManifest = {
  name: "mailings",
  schema: manifestSchema,
  publicRoutes: [() => newsletterArchiveRoutes()],
  signedInRoutes: [() => newsletterAdminRoutes(), () => messageRoutes()],
  workAreas: ["/admin/nyhetsbrev", "/admin/meldinger"],
  nav: [
    {
      position: 42,
      path: "/admin/nyhetsbrev",
      label: (lang) => mailingTexts(lang).nav,
      permission: "send:newsletter:",
    },
    {
      // Messages to segments (decision 0040): every role that writes them manages something.
      position: 43,
      path: "/admin/meldinger",
      label: (lang) => messageTexts(lang).listTitle,
      permission: "manage:",
    },
  ],
  // Messages' segments are resolved by this module's resolver (segments.ts).
  jobHandlers: (context) => mailingJobHandlers({ ...context, audiences: manifestAudiences }),
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
