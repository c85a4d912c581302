export { type Attended, attendedNationalGatherings } from "./attended";
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
export {
  type GatheringFigures,
  gatheringFigures,
  recountGatheringAttendance,
} from "./insight-reads";
export { mayOrganise } from "./organiser-access";
export { osloTyped, parseOsloDateTime } from "./organiser-form";
export { organiserRoutes } from "./organiser-routes";
export { gatheringsOrganisedBy, organisersOf } from "./organiser-scope";
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
export { registeredSegment } from "./segments";

// ── Manifest: what the app needs of this module (see kernel/manifest.ts). A block of its own at
// the end, imports included. ──
import type { ModuleManifest } from "../../kernel/manifest";
import { gatheringAuditActions as manifestAuditActions } from "./audit-texts";
import {
  calendarRoutes as manifestCalendarRoutes,
  publicCalendarRoutes as manifestPublicCalendarRoutes,
} from "./calendar-routes";
import { copyRoutes as manifestCopyRoutes } from "./copy-routes";
import { gatheringsDemo as manifestDemo } from "./demo";
import { doorAuditActions as manifestDoorAuditActions } from "./door-audit-texts";
import { doorRoutes as manifestDoorRoutes } from "./door-routes";
import { inviteToEvaluations as manifestInviteToEvaluations } from "./evaluation";
import { evaluationRoutes as manifestEvaluationRoutes } from "./evaluation-routes";
import { evaluationAuditActions as manifestEvaluationAuditActions } from "./evaluation-texts";
import { organiserMailAuditActions as manifestMailAuditActions } from "./invitee-reminder-texts";
import {
  materialsRoutes as manifestMaterialsRoutes,
  materialUploads as manifestMaterialUploads,
} from "./materials-routes";
import { materialsAuditActions as manifestMaterialsAuditActions } from "./materials-texts";
import { messagesRoutes as manifestMessagesRoutes } from "./messages-routes";
import { organiserRoutes as manifestOrganiserRoutes } from "./organiser-routes";
import { organiserTexts as manifestOrganiserTexts } from "./organiser-texts";
import { overviewRoutes as manifestOverviewRoutes } from "./overview-routes";
import { participantRoutes as manifestParticipantRoutes } from "./participant-routes";
import { gatheringsSection as manifestGatheringsSection } from "./public-section";
import {
  deleteNeedsAfterGatherings as manifestDeleteNeeds,
  expireOffers as manifestExpireOffers,
} from "./registration";
import {
  queueDueReminders as manifestQueueReminders,
  reminderJobHandlers as manifestReminderJobs,
} from "./reminders";
import * as manifestSchema from "./schema";
import { staffRegistrationRoutes as manifestStaffRoutes } from "./staff-registration-routes";
import { gatheringTexts as manifestTexts } from "./texts";
import { ticketJobHandlers as manifestTicketJobs } from "./ticket-job";

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
    () => manifestOverviewRoutes(),
    () => manifestMessagesRoutes(),
    () => manifestCopyRoutes(),
    () => manifestMaterialsRoutes(),
    () => manifestEvaluationRoutes(),
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
  largeUploads: manifestMaterialUploads,
  schema: manifestSchema,
  auditActions: {
    nb: {
      ...manifestAuditActions.nb,
      ...manifestDoorAuditActions.nb,
      ...manifestMailAuditActions.nb,
      ...manifestMaterialsAuditActions.nb,
      ...manifestEvaluationAuditActions.nb,
    },
    nn: {
      ...manifestAuditActions.nn,
      ...manifestDoorAuditActions.nn,
      ...manifestMailAuditActions.nn,
      ...manifestMaterialsAuditActions.nn,
      ...manifestEvaluationAuditActions.nn,
    },
    en: {
      ...manifestAuditActions.en,
      ...manifestDoorAuditActions.en,
      ...manifestMailAuditActions.en,
      ...manifestMaterialsAuditActions.en,
      ...manifestEvaluationAuditActions.en,
    },
  },
  demo: manifestDemo,
  // The participant's mail about a registration, built outside the gathering's lock (0026).
  jobHandlers: (context) => ({
    ...manifestTicketJobs(context),
    ...manifestReminderJobs(context),
  }),
  housekeeping: [
    {
      // Reminders before registration closes and before the gathering, each a job per
      // gathering and kind, each mail once per person (decision 0026).
      name: "gathering reminders",
      everyMinutes: 15,
      async run(db, context) {
        const n = await manifestQueueReminders(db, context.now);
        return n ? `${n} reminders queued` : null;
      },
    },
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
    {
      // After a gathering: each participant is invited once to its evaluation (decision 0027).
      name: "gathering evaluations",
      everyMinutes: 30,
      async run(db, context) {
        const done = await manifestInviteToEvaluations(db, context);
        return done.gatherings
          ? `${done.mails} invited to evaluate ${done.gatherings} gatherings`
          : null;
      },
    },
  ],
};
