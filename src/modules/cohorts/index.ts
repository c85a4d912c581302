export { type CohortRef, cohortRef, createCohort } from "./admin";
export { cohortAdminRoutes } from "./admin-routes";
export {
  type Actor,
  answerInvitation,
  type ChainError,
  type ChainResult,
  effectiveState,
  enrolUnits,
  extendDeadline,
  inviteOffices,
  inviteToCohort,
  recordParticipants,
  remind,
  runChainHousekeeping,
  setContact,
  withdrawUnit,
} from "./chain";
export { demoUnitMunicipalities } from "./demo";
export { type Cell, toCsv, toXlsx } from "./export";
export {
  type ChainScope,
  type ChainState,
  chainFigures,
  enrolmentsQuery,
} from "./insight-reads";
export { municipalityRoutes } from "./municipality-routes";
export {
  type MunicipalityParticipation,
  municipalityParticipation,
  type PpContact,
  ppContacts,
} from "./network-reads";
export { officeRoutes } from "./office-routes";
export { type CohortChoice, cohortsJoinedBy } from "./organiser-reads";
export { overviewRoutes } from "./overview-routes";
export {
  acceptedMunicipalities,
  cohortIdOf,
  cohortsOfProgrammes,
  cohortsTakingPart,
  enrolmentsOfUnits,
  placesTakingPart,
} from "./participation-reads";
export { type PublicCohort, publicCohortsOf } from "./public";
export { type CohortPlace, cohortPeopleSegment, nonRespondentsSegment } from "./segments";

// ── Manifest: what the app needs of this module (see kernel/manifest.ts). A block of its own at
// the end, imports included, so that it merges apart from the module's other exports. ──
import type { ModuleManifest } from "../../kernel/manifest";
import { cohortAdminRoutes as manifestCohortAdminRoutes } from "./admin-routes";
import { cohortTexts as manifestCohortTexts } from "./admin-texts";
import { cohortsAuditActions } from "./audit-texts";
import { runChainHousekeeping as manifestChainHousekeeping } from "./chain";
import { cohortsDemo as manifestDemo } from "./demo";
import { chainInvitations, cohortReach, cohortsById } from "./identity-reads";
import { municipalityRoutes as manifestMunicipalityRoutes } from "./municipality-routes";
import { officeRoutes as manifestOfficeRoutes } from "./office-routes";
import { overviewRoutes as manifestOverviewRoutes } from "./overview-routes";
import { cohortsSection as manifestCohortsSection } from "./public-section";
import * as manifestSchema from "./schema";

export const manifest: ModuleManifest = {
  name: "cohorts",
  auditActions: cohortsAuditActions,
  // The cohort admin under /admin/tilbud/…/puljer, and the chain's pages.
  workAreas: ["/admin", "/puljer"],
  signedInRoutes: [
    () => manifestCohortAdminRoutes(),
    () => manifestOverviewRoutes(),
    () => manifestOfficeRoutes(),
    () => manifestMunicipalityRoutes(),
  ],
  nav: [
    {
      position: 20,
      path: "/puljer",
      label: (lang) => manifestCohortTexts(lang).cohorts,
      permission: "read:cohort:",
    },
  ],
  schema: manifestSchema,
  identityReads: { cohortReach, chainInvitations, cohortsById },
  // Cohorts belong to programmes: the programme's page shows this module's section, so that
  // programmes never reads the cohort tables (decision 0015).
  programmeSections: [
    { position: 20, render: (db, programme, lang) => manifestCohortsSection(db, programme, lang) },
  ],
  housekeeping: [
    {
      // The invitation chain's clock: expire what is overdue and send the automatic reminders.
      // Every instance may run it; the updates are conditional, so each act happens once.
      name: "invitation chain",
      everyMinutes: 10,
      async run(db, context) {
        const done = await manifestChainHousekeeping(db, context);
        return done.expired || done.reminded
          ? `${done.expired} expired, ${done.reminded} reminded`
          : null;
      },
    },
  ],
  demo: manifestDemo,
};
