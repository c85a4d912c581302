export { type GatheringChoice, gatheringsOfCohort } from "./cohort-reads";
export {
  createGathering,
  editGathering,
  type Gathering,
  type GatheringInput,
  gatheringById,
  registrationCounts,
  type SessionInput,
  sessionsOf,
} from "./gatherings";
export { organiserRoutes } from "./organiser-routes";
export { participantRoutes } from "./participant-routes";
export {
  cancelRegistration,
  confirmOffer,
  deleteNeedsAfterGatherings,
  expireOffers,
  register,
  registrationOf,
  waitingList,
} from "./registration";

// ── Manifest: what the app needs of this module (see kernel/manifest.ts). A block of its own at
// the end, imports included. ──
import type { ModuleManifest } from "../../kernel/manifest";
import { gatheringAuditActions as manifestAuditActions } from "./audit-texts";
import {
  calendarRoutes as manifestCalendarRoutes,
  publicCalendarRoutes as manifestPublicCalendarRoutes,
} from "./calendar-routes";
import { gatheringsDemo as manifestDemo } from "./demo";
import { doorAuditActions as manifestDoorAuditActions } from "./door-audit-texts";
import { doorRoutes as manifestDoorRoutes } from "./door-routes";
import { organiserRoutes as manifestOrganiserRoutes } from "./organiser-routes";
import { organiserTexts as manifestOrganiserTexts } from "./organiser-texts";
import { participantRoutes as manifestParticipantRoutes } from "./participant-routes";
import { gatheringsSection as manifestGatheringsSection } from "./public-section";
import {
  deleteNeedsAfterGatherings as manifestDeleteNeeds,
  expireOffers as manifestExpireOffers,
} from "./registration";
import * as manifestSchema from "./schema";
import { staffRegistrationRoutes as manifestStaffRoutes } from "./staff-registration-routes";
import { gatheringTexts as manifestTexts } from "./texts";

export const manifest: ModuleManifest = {
  name: "gatherings",
  // The calendar feed's address is its own key: calendar apps have no session.
  publicRoutes: [() => manifestPublicCalendarRoutes()],
  signedInRoutes: [
    () => manifestParticipantRoutes(),
    () => manifestOrganiserRoutes(),
    () => manifestCalendarRoutes(),
    () => manifestDoorRoutes(),
    () => manifestStaffRoutes(),
  ],
  // Upcoming gatherings on the programme's public page (never the digital link).
  programmeSections: [
    {
      position: 30,
      render: (db, programme, lang, now) => manifestGatheringsSection(db, programme, lang, now),
    },
  ],
  nav: [
    {
      position: 22,
      path: "/samlinger",
      label: (lang) => manifestTexts[lang].nav,
      permission: "register:gathering:",
    },
    {
      position: 27,
      path: "/admin/samlinger",
      label: (lang) => manifestOrganiserTexts[lang].nav,
      permission: "manage:gathering:",
    },
  ],
  schema: manifestSchema,
  auditActions: {
    nb: { ...manifestAuditActions.nb, ...manifestDoorAuditActions.nb },
    nn: { ...manifestAuditActions.nn, ...manifestDoorAuditActions.nn },
    en: { ...manifestAuditActions.en, ...manifestDoorAuditActions.en },
  },
  demo: manifestDemo,
  housekeeping: [
    {
      // Offers from the waiting list that were not confirmed in time lapse and pass on; each
      // gathering under its lock, so every offer lapses once, whichever instance runs it.
      name: "gathering offers",
      everyMinutes: 5,
      async run(db, context) {
        const done = await manifestExpireOffers(db, { personId: null, ...context });
        return done.lapsed ? `${done.lapsed} offers lapsed, ${done.offered} offered` : null;
      },
    },
    {
      // Dietary and accessibility needs are kept only until the gathering is over.
      name: "gathering needs",
      everyMinutes: 60,
      async run(db, context) {
        const n = await manifestDeleteNeeds(db, context.now);
        return n ? `needs deleted for ${n} gatherings` : null;
      },
    },
  ],
};
